// The decks and what can be done with each: present, edit, copy, export as a file, share as a
// link, delete; import a file; start a new deck from the current view.
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n';
import { CopyField } from '../share/CopyField';
import type { Deck } from '../../../core/deck/types';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { deckLink, exportDeckFile, importDeckFile, type DeckLink } from './deck-files';

interface DeckListProps {
  present: Present;
  view: PresentView;
  onStart: (deck: Deck, index?: number) => void;
  onEdit: (id: string) => void;
  onCreate: () => void;
  onCopy: (deck: Deck) => void;
}

export function DeckList({ present, view, onStart, onEdit, onCreate, onCopy }: DeckListProps) {
  const { t, fmt } = useI18n();
  const { decks, reportDeck, activeDeck } = present;
  const file = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [importInfo, setImportInfo] = useState<string | null>(null);
  const [link, setLink] = useState<{ id: string; value: DeckLink } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const shared = activeDeck?.id === 'lien' ? activeDeck : null;

  const onFile = async (files: FileList | null) => {
    const chosen = files?.[0];
    if (!chosen) return;
    setImportError(null);
    setImportInfo(null);
    try {
      const read = await importDeckFile(chosen, t, view.cards);
      decks.save(read.deck);
      setImportInfo([t('present.decks.imported', { title: read.deck.title, n: read.deck.slides.length }), ...read.warnings].join(' '));
    } catch (error) {
      setImportError(error instanceof Error ? error.message : String(error));
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const count = (d: Deck) => t('present.decks.slides', { n: d.slides.length });
  return (
    <div className="deck-list">
      {decks.kind === 'memoire' && <p className="present-warning">{t('present.decks.memoryOnly')}</p>}
      <section aria-labelledby="jeu-rapport">
        <h3 id="jeu-rapport">{t('present.decks.report')}</h3>
        {reportDeck ? (
          <div className="deck-row" data-jeu="rapport">
            <p>
              <strong>{reportDeck.title}</strong> · {count(reportDeck)}
            </p>
            <button type="button" className="present-primary" onClick={() => onStart(reportDeck)}>
              {t('present.decks.start')}
            </button>
            <button type="button" onClick={() => onCopy(reportDeck)}>
              {t('present.decks.copy')}
            </button>
          </div>
        ) : (
          <p className="note">{view.cards.status === 'erreur' ? t('present.deck.defaultUnavailable') : t('present.decks.loading')}</p>
        )}
      </section>
      {shared && (
        <section aria-labelledby="jeu-lien">
          <h3 id="jeu-lien">{t('present.decks.shared')}</h3>
          <div className="deck-row" data-jeu="lien">
            <p>
              <strong>{shared.title}</strong> · {count(shared)}
            </p>
            <button type="button" className="present-primary" onClick={() => onStart(shared)} disabled={!shared.slides.length}>
              {t('present.decks.start')}
            </button>
            <button type="button" onClick={() => onCopy(shared)}>
              {t('present.decks.keep')}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="jeux-navigateur">
        <h3 id="jeux-navigateur">{t('present.decks.mine')}</h3>
        {decks.decks.length === 0 && <p className="note">{t('present.decks.none')}</p>}
        <ul className="deck-rows">
          {decks.decks.map((d) => (
            <li key={d.id} className="deck-row" data-jeu={d.id}>
              <p>
                <strong>{d.title}</strong> · {count(d)} · {t('present.decks.updated', { date: fmt.dateTime(d.updatedAt) })}
              </p>
              <button type="button" className="present-primary" onClick={() => onStart(d)} disabled={!d.slides.length}>
                {t('present.decks.start')}
              </button>
              <button type="button" onClick={() => onEdit(d.id)}>
                {t('present.decks.edit')}
              </button>
              <button type="button" onClick={() => exportDeckFile(d)}>
                {t('present.decks.exportFile')}
              </button>
              <button type="button" onClick={() => setLink({ id: d.id, value: deckLink(d, t) })}>
                {t('present.decks.link')}
              </button>
              {confirming === d.id ? (
                <button type="button" className="present-danger" onClick={() => decks.remove(d.id)}>
                  {t('present.decks.confirmDelete', { title: d.title })}
                </button>
              ) : (
                <button type="button" onClick={() => setConfirming(d.id)}>
                  {t('present.decks.delete')}
                </button>
              )}
              {link?.id === d.id &&
                (link.value.ok ? (
                  <CopyField
                    label={t('present.decks.linkLabel', { n: link.value.length })}
                    value={link.value.url}
                    copyLabel={t('present.share.copyLink')}
                  />
                ) : (
                  <p className="present-error" role="alert">
                    {link.value.message}
                  </p>
                ))}
            </li>
          ))}
        </ul>
      </section>
      <div className="deck-actions">
        <button type="button" onClick={onCreate}>
          {t('present.decks.create')}
        </button>
        <label className="present-file">
          {t('present.decks.importFile')}
          <input ref={file} type="file" accept=".json,application/json" onChange={(e) => void onFile(e.target.files)} />
        </label>
      </div>
      {importError && (
        <p className="present-error" role="alert" data-erreur="import">
          {importError}
        </p>
      )}
      {importInfo && (
        <p className="present-status" role="status">
          {importInfo}
        </p>
      )}
    </div>
  );
}
