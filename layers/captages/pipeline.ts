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
    // The list names catchment sites; other rows (the catchment area, a project outside the CALL)
    // are facts for the report cards, not places, and are reported rather than listed.
    const isCatchment = (r: Record<string, string>) => /^(champ captant|captage)/i.test((r.site_name ?? '').trim());
    const messages = rows.filter((r) => !isCatchment(r)).map((r) => `ligne « ${r.site_name} » : pas un captage, non listée`);
    const items: ListItem[] = rows.filter(isCatchment).map((r) => {
      const priority = /prioritaire|stratégique/i.test(r.status_in_source ?? '') ? r.status_in_source.replace(/\s*-\s*CARE$/, '') : '';
      const quote = (r.quote_from_source ?? '').split(' | ')[0].trim();
      return {
        name: r.site_name.trim(),
        commune: r.in_CALL === 'true' ? r.commune : `${r.commune} (hors CALL)`,
        detail: [priority && `priorité : ${priority}`, quote && `« ${quote} »`].filter(Boolean).join(' ; '),
        source: 'captages-noms',
      };
    });
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
      messages,
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
