// What the legend of an export lists: every visible sublayer that has features (its classes, from
// the same style definitions as the map), the highlighted card features and selection, and the
// visible imported layers. Also the credits lines, in the map attribution's own wording.
import type { BuiltCard } from '../../../../layers/cards';
import { findSublayer, layerDefinitions } from '../../../../layers/index';
import type { Catalog, GeometryKind, Rgba, SymbolStyle, Theme } from '../../../../layers/types';
import type { Locale } from '../../i18n';
import type { BasemapId } from '../../../core/map-style/basemaps';
import type { Selection } from '../../state/url-state';
import { isSublayerShown, shownClass, type Visibility } from '../../state/visibility';
import { visibleCredits } from '../../ui/Attribution';
import type { WorkspaceItem } from '../../../core/types';
import { workspaceSymbol } from '../../map/workspace-symbol';
import type { Translate } from '../deck/validate';

export type LegendEntry =
  | { kind: 'titre'; text: string }
  | { kind: 'symbole'; text: string; symbol: SymbolStyle; geometry: GeometryKind }
  | { kind: 'incertitude'; text: string; colour: Rgba }
  | { kind: 'couleur'; text: string; colour: Rgba; outline: boolean };

export interface LegendInput {
  catalog: Catalog;
  visibility: Visibility;
  theme: Theme;
  workspaceItems: WorkspaceItem[];
  card: BuiltCard | null;
  selection: Selection | null;
  t: Translate;
}

export function legendEntries({ catalog, visibility, theme, workspaceItems, card, selection, t }: LegendInput): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const layer of layerDefinitions) {
    const entry = catalog.layers.find((l) => l.id === layer.id);
    const drawn = layer.sublayers.filter((s) => {
      const c = entry?.sublayers.find((x) => x.id === s.id);
      return isSublayerShown(visibility, layer.id, s.id) && !!c?.file && c.featureCount > 0;
    });
    for (const sublayer of drawn) {
      const heading = layer.sublayers.length > 1 && sublayer.title !== layer.title ? `${layer.title} · ${sublayer.title}` : layer.title;
      entries.push({ kind: 'titre', text: heading });
      const classes = sublayer.classes(theme);
      // The legend filter: the map draws one class of the sublayer, the legend lists that one.
      const only = shownClass(visibility, sublayer.id);
      for (const c of classes.filter((x) => !only || x.id === only))
        entries.push({ kind: 'symbole', text: c.label, symbol: c.symbol, geometry: sublayer.geometry });
      const first = classes[0]?.symbol;
      if (sublayer.uncertaintyMetres && first)
        entries.push({ kind: 'incertitude', text: t('present.export.uncertainty'), colour: first.fill ?? first.line });
    }
  }
  if (card) entries.push({ kind: 'couleur', text: t('present.export.cardFeatures', { title: card.title }), colour: theme.highlight, outline: false });
  if (selection) {
    const title = findSublayer(selection.sublayerId)?.sublayer.title ?? selection.sublayerId;
    entries.push({ kind: 'couleur', text: t('present.export.selected', { layer: title }), colour: theme.highlight, outline: true });
  }
  const imported = [...workspaceItems].filter((i) => i.visible).sort((a, b) => a.order - b.order);
  if (imported.length) {
    entries.push({ kind: 'titre', text: t('present.export.imported') });
    // The symbol the map draws (fill, outline, dashes of a result, point), as on the legend over the map.
    for (const item of imported) entries.push({ kind: 'symbole', text: item.name, ...workspaceSymbol(item) });
  }
  return entries;
}

/** One line per credit, as the map's attribution words them; then the imported layers' sources. */
export function creditLines(input: {
  catalog: Catalog;
  visibility: Visibility;
  basemap: BasemapId;
  locale: Locale;
  workspaceItems: WorkspaceItem[];
  t: Translate;
}): string[] {
  const lines = visibleCredits(input.catalog, input.visibility, input.basemap, input.locale).map((c) => `${c.text} — ${c.licence}`);
  for (const item of input.workspaceItems.filter((i) => i.visible)) {
    for (const c of item.credits) {
      const line = t2(input.t, item.name, c.attribution || `${c.producer} (${c.date}) — ${c.licence}`);
      if (!lines.includes(line)) lines.push(line);
    }
  }
  return lines;
}

const t2 = (t: Translate, name: string, text: string): string => t('present.export.importedCredit', { name, text });
