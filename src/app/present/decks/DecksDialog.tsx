// « Présenter »: the decks (the report's, one received by link, this browser's) with their
// actions, and the editor of one deck.
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { captureView, copyDeck, createDeck, viewSlide } from '../deck/model';
import type { Deck } from '../../../core/deck/types';
import { Dialog } from '../ui/Dialog';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { DeckEditor } from './DeckEditor';
import { DeckList } from './DeckList';

export function currentViewSlide(present: Present, view: PresentView, title: string) {
  return viewSlide(
    title,
    captureView({
      camera: view.urlState.camera,
      visibility: view.visibility,
      basemap: view.basemap,
      selection: view.selection,
      card: view.card?.id,
      imported: present.importedVisible,
    }),
  );
}

export default function DecksDialog({ present, view, onClose }: { present: Present; view: PresentView; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const deck = editing ? present.decks.decks.find((d) => d.id === editing) : undefined;

  const start = (d: Deck, index = 0) => {
    onClose();
    present.show.start(d, index);
  };
  const createFromView = () => {
    const d = createDeck(t('present.decks.newTitle', { date: fmt.date(new Date()) }));
    const first = currentViewSlide(present, view, view.card?.title ?? t('present.editor.viewTitle', { n: 1 }));
    const withSlide = { ...d, slides: [first] };
    present.decks.save(withSlide);
    setEditing(withSlide.id);
  };
  const copy = (d: Deck) => {
    const c = copyDeck(d, t('present.decks.copyTitle', { title: d.title }));
    present.decks.save(c);
    setEditing(c.id);
  };

  return (
    <Dialog title={deck ? t('present.editor.title') : t('present.decks.title')} onClose={onClose} className="decks-dialog">
      {deck ? (
        <DeckEditor deck={deck} present={present} view={view} onDone={() => setEditing(null)} onStart={start} />
      ) : (
        <DeckList present={present} view={view} onStart={start} onEdit={setEditing} onCreate={createFromView} onCopy={copy} />
      )}
    </Dialog>
  );
}
