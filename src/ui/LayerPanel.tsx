// Layer panel: one entry per layer in definition order, with sublayer toggles, counts, legend,
// status badge and the catalog's information.
import type { Catalog, CatalogLayer, LayerDefinition, Theme } from '../../layers/types';
import { layerDefinitions } from '../../layers/index';
import type { LayerData } from '../data/useLayerData';
import type { Visibility } from '../state/visibility';
import { Badge } from './Badge';
import { Legend } from './Legend';
import { LayerInfo } from './LayerInfo';
import { FeatureList } from './FeatureList';
import { formatCount } from './format';

interface LayerPanelProps {
  catalog: Catalog;
  data: LayerData;
  theme: Theme;
  visibility: Visibility;
  onToggleLayer: (layerId: string, on: boolean) => void;
  onToggleSublayer: (sublayerId: string, on: boolean) => void;
  onShowFeature: (sublayerId: string, index: number) => void;
}

/** Error reasons of a layer: catalog status first, then files that failed to load. */
function layerErrors(definition: LayerDefinition, entry: CatalogLayer | undefined, data: LayerData): string[] {
  if (!entry) return ['couche absente du catalogue des données.'];
  if (entry.status === 'erreur') return [entry.statusMessage ?? 'erreur lors de la préparation des données.'];
  const messages = definition.sublayers.flatMap((s) => {
    const d = data[s.id];
    return d?.state === 'erreur' ? [`${s.title} : ${d.message}`] : [];
  });
  return [...new Set(messages)];
}

function LayerEntry({ definition, props }: { definition: LayerDefinition; props: LayerPanelProps }) {
  const { catalog, data, theme, visibility } = props;
  const entry = catalog.layers.find((l) => l.id === definition.id);
  const errors = layerErrors(definition, entry, data);
  const loading = definition.sublayers.some((s) => data[s.id]?.state === 'chargement');
  const layerOn = visibility.layers.has(definition.id);
  const inputId = `couche-${definition.id}`;
  return (
    <li className={`layer${errors.length ? ' layer-error' : ''}`} data-layer={definition.id}>
      <div className="layer-head">
        <input type="checkbox" id={inputId} checked={layerOn} onChange={(e) => props.onToggleLayer(definition.id, e.target.checked)} />
        <label htmlFor={inputId}>{definition.title}</label>
      </div>
      {errors.map((message) => (
        <Badge key={message} kind="erreur">{message}</Badge>
      ))}
      {!errors.length && entry?.status === 'partiel' && <Badge kind="avertissement">{entry.statusMessage ?? 'données incomplètes.'}</Badge>}
      {loading && <Badge kind="chargement">lecture des données…</Badge>}
      <p className="description">{definition.description}</p>
      <ul className="sublayers">
        {definition.sublayers.map((s) => {
          const cat = entry?.sublayers.find((c) => c.id === s.id);
          const d = data[s.id];
          const subId = `sous-couche-${s.id}`;
          const noGeometry = d?.state === 'sans-geometrie' || (cat && !cat.file);
          return (
            <li key={s.id} className="sublayer" data-sublayer={s.id}>
              {noGeometry ? (
                <p className="sublayer-title">
                  {s.title} <span className="count">(aucune géométrie)</span>
                </p>
              ) : (
                <div className="sublayer-head">
                  <input
                    type="checkbox"
                    id={subId}
                    checked={visibility.sublayers.has(s.id)}
                    disabled={d?.state === 'erreur'}
                    onChange={(e) => props.onToggleSublayer(s.id, e.target.checked)}
                  />
                  <label htmlFor={subId}>
                    {s.title} {cat && <span className="count">({formatCount(cat.featureCount)})</span>}
                  </label>
                </div>
              )}
              {!noGeometry && <Legend sublayer={s} theme={theme} />}
              {d?.state === 'ok' && <FeatureList sublayer={s} features={d.features} onShow={props.onShowFeature} />}
            </li>
          );
        })}
      </ul>
      <LayerInfo definition={definition} entry={entry} sources={catalog.sources} />
    </li>
  );
}

export function LayerPanel(props: LayerPanelProps) {
  return (
    <section className="layer-panel" aria-labelledby="titre-couches">
      <h2 id="titre-couches">Couches</h2>
      <ul className="layers">
        {layerDefinitions.map((definition) => (
          <LayerEntry key={definition.id} definition={definition} props={props} />
        ))}
      </ul>
    </section>
  );
}
