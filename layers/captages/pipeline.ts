// Captages: names and priorities only in open data; protection perimeters when a source provides them.
import type { LayerPipeline } from '../pipeline-types';
import { firstText, inTerritory } from '../select';
import type { GeoFeature, ListItem } from '../types';
import { CAPTAGES_MISSING } from './layer';

export const captagesPipeline: LayerPipeline = {
  layerId: 'captages',
  select(ctx) {
    const rows = ctx.input('captages-noms').rows;
    const perimetres = ctx.optional('captages-perimetres');
    const items: ListItem[] = rows
      .filter((r) => (r.site_name ?? '').trim() !== '')
      .map((r) => ({
        name: r.site_name.trim(),
        commune: r.in_CALL === 'true' ? r.commune : `${r.commune} (hors CALL)`,
        detail: [r.status_in_source, r.details_in_source].filter((x) => x && x.trim()).join(' ; '),
        source: 'captages-noms',
      }));
    const features: GeoFeature[] = (perimetres?.features ?? [])
      .filter((f) => inTerritory(f, ctx.territory))
      .map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          nom: firstText(f.properties, 'nom', 'name', 'libelle', 'nom_captage') ?? 'Périmètre de protection',
          type: firstText(f.properties, 'type', 'type_perimetre', 'perimetre'),
          commune: firstText(f.properties, 'commune', 'nom_commune'),
        },
      }));
    return {
      read: rows.length + (perimetres?.features.length ?? 0),
      items,
      missing: features.length > 0 ? undefined : CAPTAGES_MISSING,
      sublayers: { 'captages-perimetres': features },
    };
  },
  measure(s, ctx) {
    void ctx;
    return [
      ...((s['captages-perimetres'] ?? []).length > 0
        ? [{ id: 'perimetres', label: 'Périmètres de protection dessinés', value: s['captages-perimetres'].length, unit: 'nombre' as const }]
        : []),
    ];
  },
};
