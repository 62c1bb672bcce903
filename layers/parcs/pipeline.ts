// Chaîne des Parcs: néo-natural spaces, terrils and cavaliers of the Mission Bassin Minier layers
// that lie in the territory (by area share for polygons, by intersection for lines).
import { area, length } from '@turf/turf';
import type { LayerPipeline, PipelineContext } from '../pipeline-types';
import type { AreaFeature } from '../metrics';
import { areaHa, areaInsideHa, fr, lengthInsideKm, lengthKm, round, shareInside } from '../metrics';
import { communeNames, firstText, inTerritory } from '../select';
import type { GeoFeature } from '../types';

const UNESCO = 'Bien inscrit UNESCO';
const TAMPON = 'Zone tampon UNESCO';

function shape(f: GeoFeature, ctx: PipelineContext, extra: Record<string, unknown>): GeoFeature {
  const p = f.properties;
  const polygon = f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon';
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      nom: firstText(p, 'nom_usuel', 'nom') ?? firstText(p, 'id_unesco', 'id') ?? 'Sans nom',
      communes: communeNames(p, ctx.members).join(', '),
      ...(polygon
        ? {
            surface_ha: round(area(f) / 10_000, 2),
            surface_dans_call_ha: round((area(f) / 10_000) * shareInside(f as AreaFeature, ctx.territory), 2),
          }
        : { longueur_km: round(length(f, { units: 'kilometers' }), 3) }),
      ...extra,
    },
  };
}

export const parcsPipeline: LayerPipeline = {
  layerId: 'parcs',
  select(ctx) {
    const sources = {
      espacesZt: ctx.input('parcs-espaces-zt').features,
      espacesUnesco: ctx.input('parcs-espaces-unesco').features,
      terrilsUnesco: ctx.input('parcs-terrils-unesco').features,
      terrilsZt: ctx.input('parcs-terrils-zt').features,
      cavaliersZt: ctx.input('parcs-cavaliers-zt').features,
      cavaliersUnesco: ctx.input('parcs-cavaliers-unesco').features,
    };
    const inside = (list: GeoFeature[]) => list.filter((f) => inTerritory(f, ctx.territory));
    const espaces = [
      ...inside(sources.espacesUnesco).map((f) => shape(f, ctx, { identifiant: firstText(f.properties, 'id_unesco'), statut: UNESCO, unesco: true })),
      ...inside(sources.espacesZt).map((f) => shape(f, ctx, { identifiant: firstText(f.properties, 'id'), statut: TAMPON, unesco: false })),
    ];
    const terrils = [
      ...inside(sources.terrilsUnesco).map((f) =>
        shape(f, ctx, {
          nom: firstText(f.properties, 'nom') ?? firstText(f.properties, 'no_terril'),
          identifiant: firstText(f.properties, 'no_terril', 'id_unesco'),
          forme: firstText(f.properties, 'forme'),
          statut: UNESCO,
          unesco: true,
        }),
      ),
      ...inside(sources.terrilsZt).map((f) =>
        shape(f, ctx, { identifiant: firstText(f.properties, 'id'), forme: firstText(f.properties, 'forme'), statut: TAMPON, unesco: false }),
      ),
    ];
    const cavaliers = inside(sources.cavaliersZt).map((f) =>
      shape(f, ctx, {
        identifiant: firstText(f.properties, 'id_troncon'),
        statut: TAMPON,
        longueur_dans_call_km: round(lengthInsideKm([f], ctx.territory), 3),
      }),
    );
    const cavaliersUnesco = inside(sources.cavaliersUnesco).map((f) =>
      shape(f, ctx, {
        nom: `Cavalier ${firstText(f.properties, 'id_unesco') ?? ''}`.trim(),
        identifiant: firstText(f.properties, 'id_unesco'),
        longueur_m: typeof f.properties.longueur_m === 'number' ? f.properties.longueur_m : null,
        statut: UNESCO,
      }),
    );
    return {
      read: Object.values(sources).reduce((n, list) => n + list.length, 0),
      sublayers: { 'parcs-espaces': espaces, 'parcs-terrils': terrils, 'parcs-cavaliers': cavaliers, 'parcs-cavaliers-unesco': cavaliersUnesco },
    };
  },
  measure(s, ctx) {
    const espaces = s['parcs-espaces'] ?? [];
    const terrils = s['parcs-terrils'] ?? [];
    const cavaliers = s['parcs-cavaliers'] ?? [];
    const named = (list: GeoFeature[]) =>
      list.map((f) => ({ label: String(f.properties.nom), value: round(areaInsideHa([f], ctx.territory), 1) })).sort((a, b) => b.value - a.value);
    return [
      {
        id: 'espaces-surface',
        label: 'Espaces néo-naturels (surface dans la CALL)',
        value: round(areaInsideHa(espaces, ctx.territory), 1),
        unit: 'ha',
        details: named(espaces),
        note: `Surface totale des ${espaces.length} espaces, y compris hors CALL : ${fr(areaHa(espaces))} ha`,
      },
      {
        id: 'terrils',
        label: 'Terrils',
        value: terrils.length,
        unit: 'nombre',
        details: [
          { label: 'inscrits UNESCO', value: terrils.filter((t) => t.properties.unesco === true).length },
          { label: 'zone tampon', value: terrils.filter((t) => t.properties.unesco !== true).length },
        ],
      },
      { id: 'terrils-surface', label: 'Surface des terrils dans la CALL', value: round(areaInsideHa(terrils, ctx.territory), 1), unit: 'ha' },
      {
        id: 'cavaliers-longueur',
        label: 'Cavaliers (tracés) dans la CALL',
        value: round(lengthInsideKm(cavaliers, ctx.territory), 1),
        unit: 'km',
        note: `Longueur totale des ${cavaliers.length} tronçons touchant la CALL : ${fr(lengthKm(cavaliers))} km`,
      },
      { id: 'cavaliers-unesco', label: 'Cavaliers inscrits UNESCO', value: (s['parcs-cavaliers-unesco'] ?? []).length, unit: 'nombre' },
    ];
  },
};
