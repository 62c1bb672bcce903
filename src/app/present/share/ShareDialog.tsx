// « Partager »: the permalink of the view (copy), what it restores, a warning for imported layers
// (they exist in this browser only), and the embed snippet for a website.
import { useState } from 'react';
import { findSublayer } from '../../../../layers/index';
import { useI18n } from '../../i18n';
import { basemapById } from '../../../core/map-style/basemaps';
import { Dialog } from '../ui/Dialog';
import { paramsFromRaw } from '../url-params';
import type { Present } from '../usePresent';
import type { PresentView } from '../view';
import { CopyField } from './CopyField';
import { embedLink, iframeSnippet, pageBase, permalink } from './links';

export default function ShareDialog({ present, view, onClose }: { present: Present; view: PresentView; onClose: () => void }) {
  const { t, fmt } = useI18n();
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(600);
  const base = pageBase(window.location);
  const link = permalink(view.urlState, base);
  const embed = embedLink(view.urlState, base);
  const params = paramsFromRaw(view.urlState.present);
  const imported = present.importedVisible.length;
  const camera = view.urlState.camera;
  const selected = view.selection ? findSublayer(view.selection.sublayerId)?.sublayer.title : undefined;
  const restores = [
    camera && t('present.share.restores.camera', { zoom: fmt.fixed(camera.zoom, 1) }),
    t('present.share.restores.basemap', { name: basemapById(view.basemap).label }),
    t('present.share.restores.layers', { n: view.visibility.sublayers.size }),
    view.card && t('present.share.restores.card', { title: view.card.title }),
    selected && t('present.share.restores.selection', { layer: selected }),
    params.deck && t('present.share.restores.slide', { n: params.slide ?? 1 }),
    imported > 0 && t('present.share.restores.imported', { n: imported }),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <Dialog title={t('present.share.title')} onClose={onClose} className="share-dialog">
      <CopyField label={t('present.share.link')} value={link} copyLabel={t('present.share.copyLink')} />
      <p>{t('present.share.restoresIntro')}</p>
      <ul className="present-list">
        {restores.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      {imported > 0 && (
        <p className="present-warning" data-avertissement="couches-importees">
          {t('present.share.importedWarning', { n: imported })}
        </p>
      )}
      {params.deck && params.deck !== 'rapport' && params.deck !== 'lien' && <p className="present-warning">{t('present.share.deckWarning')}</p>}
      <h3>{t('present.share.embedTitle')}</h3>
      <p className="note">{t('present.share.embedHelp')}</p>
      <div className="present-size">
        <label>
          {t('present.share.width')}
          <input type="number" min={200} max={4000} step={10} value={width} onChange={(e) => setWidth(Number(e.target.value) || 800)} />
        </label>
        <label>
          {t('present.share.height')}
          <input type="number" min={200} max={4000} step={10} value={height} onChange={(e) => setHeight(Number(e.target.value) || 600)} />
        </label>
      </div>
      <CopyField
        label={t('present.share.snippet')}
        value={iframeSnippet(embed, { width, height, title: t('present.share.iframeTitle') })}
        multiline
        copyLabel={t('present.share.copySnippet')}
      />
      <p>
        <a href={embed} target="_blank" rel="noopener">
          {t('present.share.preview')}
          <span className="visually-hidden"> {t('present.embed.newTab')}</span>
        </a>
      </p>
    </Dialog>
  );
}
