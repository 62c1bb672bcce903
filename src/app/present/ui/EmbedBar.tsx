// Embed mode (integration=1, e.g. in an <iframe> on the authority's website): the map with its
// credits, a title bar, a legend on demand and a link to the full atlas in a new tab.
import { useMemo } from 'react';
import { layerDefinitions } from '../../../../layers/index';
import { useI18n } from '../../i18n';
import { isSublayerShown } from '../../state/visibility';
import { Legend } from '../../ui/Legend';
import { fullMapLink, pageBase } from '../share/links';
import type { PresentView } from '../view';

export function EmbedBar({ view }: { view: PresentView }) {
  const { t } = useI18n();
  const href = fullMapLink(view.urlState, pageBase(window.location));
  const shown = useMemo(
    () =>
      layerDefinitions.flatMap((layer) =>
        layer.sublayers.filter((s) => {
          const entry = view.catalog?.layers.find((l) => l.id === layer.id)?.sublayers.find((c) => c.id === s.id);
          return isSublayerShown(view.visibility, layer.id, s.id) && !!entry?.file && entry.featureCount > 0;
        }),
      ),
    [view.catalog, view.visibility],
  );
  return (
    <div className="embed-bar">
      <p className="embed-title">{t('present.embed.title')}</p>
      {shown.length > 0 && (
        <details className="embed-legend">
          <summary>{t('present.embed.legend')}</summary>
          {shown.map((s) => (
            <div key={s.id}>
              <p className="embed-legend-title">{s.title}</p>
              <Legend sublayer={s} theme={view.theme} />
            </div>
          ))}
        </details>
      )}
      <a className="embed-open" href={href} target="_blank" rel="noopener">
        {t('present.embed.open')}
        <span className="visually-hidden"> {t('present.embed.newTab')}</span>
      </a>
    </div>
  );
}
