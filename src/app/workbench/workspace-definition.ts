// A workspace item seen through the thematic layers' definitions, so the feature panel (text only,
// focus handling, Escape) is the same for the planner's features as for the atlas's.
import type { GeoFeature, LayerDefinition, SublayerDefinition } from '../../../layers/types';
import type { Selection } from '../state/url-state';
import type { ThematicSource } from '../../core/worker-protocol';
import type { WorkspaceItem } from '../../core/types';
import { translate, type Locale } from '../i18n';
import { domainString } from '../i18n/domain';

const NAME_FIELDS = ['nom', 'name', 'libelle', 'label', 'title', 'titre', 'id'];

/** French titles, like the thematic layers' (the English UI translates them through the glossary). */
export function workspaceDefinition(item: WorkspaceItem): { layer: LayerDefinition; sublayer: SublayerDefinition } {
  const lower = new Map(item.propertyNames.map((n) => [n.toLowerCase(), n]));
  const nameField = NAME_FIELDS.map((n) => lower.get(n)).find((n): n is string => !!n) ?? '';
  const sublayer: SublayerDefinition = {
    id: item.id,
    title: item.name,
    geometry: 'polygon',
    classes: () => [],
    nameField,
    popupFields: item.propertyNames.map((key) => ({ key, label: key, format: 'texte' })),
    defaultVisible: true,
  };
  const layer: LayerDefinition = {
    id: item.id,
    title: item.kind === 'resultat' ? "Résultat d'analyse (atelier)" : item.kind === 'mesure' ? 'Mesure (atelier)' : 'Couche importée (atelier)',
    description: '',
    sources: [],
    sublayers: [sublayer],
    defaultVisible: true,
    order: 0,
  };
  return { layer, sublayer };
}

const nameOf = (feature: GeoFeature, field: string, fallback: string): string => {
  const v = feature.properties?.[field];
  return v === null || v === undefined || v === '' ? fallback : String(v);
};

/** The selected feature (thematic or from the workspace) as a buffer source offered by the workbench. */
export function pickedSource(
  thematic: { selection: Selection; feature: GeoFeature; def: { layer: LayerDefinition; sublayer: SublayerDefinition } } | null,
  workspace: { selection: { itemId: string; index: number }; item: WorkspaceItem; feature: GeoFeature } | null,
  locale: Locale = 'fr',
): { source: ThematicSource; label: string } | null {
  if (thematic) {
    const { selection, feature, def } = thematic;
    const name = nameOf(feature, def.sublayer.nameField, def.sublayer.title);
    const label = translate(locale, 'wb.picked', { name, layer: domainString(locale, def.layer.title) });
    return { source: { kind: 'thematique', sublayerId: selection.sublayerId, index: selection.index, name }, label };
  }
  if (workspace) {
    const { selection, item, feature } = workspace;
    const name = nameOf(
      feature,
      workspaceDefinition(item).sublayer.nameField,
      translate(locale, 'wb.pickedUnnamed', { n: selection.index + 1, layer: item.name }),
    );
    return {
      source: { kind: 'espace', itemId: selection.itemId, featureIndex: selection.index, name },
      label: translate(locale, 'wb.picked', { name, layer: item.name }),
    };
  }
  return null;
}
