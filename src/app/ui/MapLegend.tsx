// The legend over the map (top-left): only the sublayers drawn now, each class with the symbol the
// map draws (SymbolSwatch). A class is a button: pressed, only that class of its sublayer is drawn
// (the legend filter, in the address as `classe=`); pressed again or « Tout afficher », all of them.
// Collapsible (collapsed by default on narrow screens), always open in presentation. With a card
// open, the card's focus control sits on top, one click from the whole map.
import { useState, type ReactNode } from 'react';
import { layerDefinitions } from '../../../layers/index';
import type { Catalog, LayerDefinition, SublayerDefinition, Theme } from '../../../layers/types';
import type { WorkspaceItem } from '../../core/types';
import { workspaceSymbol } from '../map/workspace-symbol';
import { useI18n } from '../i18n';
import { domainString } from '../i18n/domain';
import { isSublayerShown, shownClass, type Visibility } from '../state/visibility';
import { SymbolSwatch } from './SymbolSwatch';
import { BREAKPOINTS } from './screen';
import './map-legend.css';

/** Below this width the legend starts collapsed: the map needs the room. */
export const LEGEND_COLLAPSED_BELOW = BREAKPOINTS.legendCollapsed;

/** Sublayers drawn now (shown, with a file and features), in the panel's order. */
export function drawnSublayers(catalog: Catalog, visibility: Visibility): { layer: LayerDefinition; sublayer: SublayerDefinition }[] {
  return layerDefinitions.flatMap((layer) => {
    const entry = catalog.layers.find((l) => l.id === layer.id);
    return layer.sublayers
      .filter((s) => {
        const c = entry?.sublayers.find((x) => x.id === s.id);
        return isSublayerShown(visibility, layer.id, s.id) && !!c?.file && c.featureCount > 0;
      })
      .map((sublayer) => ({ layer, sublayer }));
  });
}

interface MapLegendProps {
  catalog: Catalog;
  visibility: Visibility;
  theme: Theme;
  onToggleClass: (sublayerId: string, classId: string | null) => void;
  /** Presentation: always open, no toggle. */
  presenting: boolean;
  /** The card's focus control (FocusToggle), when a card is open. */
  focus?: ReactNode;
  /** The planner's workspace: its visible items are listed after the thematic layers. */
  workspaceItems?: WorkspaceItem[];
}

export function MapLegend({ catalog, visibility, theme, onToggleClass, presenting, focus, workspaceItems = [] }: MapLegendProps) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(() => window.innerWidth >= LEGEND_COLLAPSED_BELOW);
  const drawn = drawnSublayers(catalog, visibility);
  const imported = workspaceItems.filter((i) => i.visible).sort((a, b) => a.order - b.order);
  const expanded = presenting || open;
  const filtered = Object.keys(visibility.classes ?? {}).length > 0;
  const title = (layer: LayerDefinition, sublayer: SublayerDefinition): string =>
    domainString(locale, layer.sublayers.length > 1 && sublayer.title !== layer.title ? sublayer.title : layer.title);
  return (
    <section className={`map-legend${expanded ? ' open' : ''}`} aria-label={t('focus.legend.region')}>
      {focus}
      {presenting ? (
        <p className="map-legend-title">{t('focus.legend.title')}</p>
      ) : (
        <button type="button" className="map-legend-toggle" aria-expanded={open} aria-controls="legende-carte" onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>
          {t('focus.legend.toggle')}
        </button>
      )}
      <div id="legende-carte" className="map-legend-body" hidden={!expanded}>
        {drawn.length === 0 && imported.length === 0 && <p className="map-legend-empty">{t('focus.legend.empty')}</p>}
        {drawn.length > 0 && !presenting && <p className="map-legend-help">{t('focus.legend.filterHelp')}</p>}
        {drawn.map(({ layer, sublayer }) => {
          const only = shownClass(visibility, sublayer.id);
          const name = title(layer, sublayer);
          return (
            <div key={sublayer.id} className="map-legend-group" data-sublayer={sublayer.id}>
              <p className="map-legend-heading">{name}</p>
              <ul>
                {sublayer.classes(theme).map((c) => {
                  const label = domainString(locale, c.label);
                  return (
                    <li key={c.id} className={only && only !== c.id ? 'filtered-out' : undefined}>
                      <button
                        type="button"
                        aria-pressed={only === c.id}
                        title={t('focus.legend.onlyClass', { label, sublayer: name })}
                        data-class={c.id}
                        onClick={() => onToggleClass(sublayer.id, c.id)}
                      >
                        <SymbolSwatch symbol={c.symbol} geometry={sublayer.geometry} ground={theme.territoryFill} />
                        <span>{label}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
              {only && (
                <button type="button" className="link-button map-legend-clear" onClick={() => onToggleClass(sublayer.id, null)}>
                  {t('focus.legend.clearOne', { sublayer: name })}
                </button>
              )}
            </div>
          );
        })}
        {imported.length > 0 && (
          <div className="map-legend-group" data-workspace="">
            <p className="map-legend-heading">{t('present.export.imported')}</p>
            <ul>
              {imported.map((item) => {
                const { symbol, geometry } = workspaceSymbol(item);
                return (
                  <li key={item.id} className="map-legend-item" data-item={item.id}>
                    <SymbolSwatch symbol={symbol} geometry={geometry} ground={theme.territoryFill} />
                    <span>{item.name}</span>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        {filtered && drawn.length > 1 && (
          <button
            type="button"
            className="secondary-button map-legend-clear-all"
            onClick={() => {
              for (const id of Object.keys(visibility.classes ?? {})) onToggleClass(id, null);
            }}
          >
            {t('focus.legend.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
