// Cités minières / ERBM: one outline per cité with its UNESCO, ERBM and buffer-zone status; UNESCO
// buildings and former mine shafts as sub-layers.
import { area } from '@turf/turf';
import type { LayerPipeline } from '../pipeline-types';
import { areaHa, areaInsideHa, fr, round } from '../metrics';
import { communeNames, firstText, inTerritory, memberByName } from '../select';
import type { GeoFeature } from '../types';
import { mergeCites } from './merge';

export const ERBM_MIN_HA_IN_COMMUNE = 0.5;

function statut(r: { unesco: boolean; erbm: boolean; zoneTampon: boolean }): string {
  return [r.unesco && 'Bien UNESCO', r.zoneTampon && 'Zone tampon UNESCO', r.erbm && 'ERBM'].filter(Boolean).join(' · ');
}

export const citesPipeline: LayerPipeline = {
  layerId: 'cites',
  select(ctx) {
    const unesco = ctx.input('cites-unesco').features;
    const erbm = ctx.input('cites-erbm').features;
    const zoneTampon = ctx.input('cites-zt').features;
    const batis = ctx.input('cites-batis').features;
    const puits = ctx.input('cites-puits').features;
    const { records, messages } = mergeCites({ unesco, erbm, zoneTampon });
    const cites: GeoFeature[] = records
      .filter((r) => inTerritory(r.feature, ctx.territory))
      .map((r) => {
        const p = r.properties;
        return {
          type: 'Feature',
          geometry: r.feature.geometry,
          properties: {
            nom: firstText(p, 'nom') ?? 'Cité sans nom',
            nom_2: firstText(p, 'nom_2'),
            communes: communeNames(p, ctx.members).join(', '),
            type: firstText(p, 'type'),
            compagnie: firstText(p, 'compagnie'),
            interet: firstText(p, 'interet'),
            proprietaire: firstText(p, 'proprietaire'),
            id_unesco: firstText(p, 'id_unesco'),
            id_lsm: firstText(p, 'id_lsm') === null ? null : Math.round(Number(p.id_lsm)),
            unesco: r.unesco,
            erbm: r.erbm,
            zone_tampon: r.zoneTampon,
            statut: statut(r),
            surface_ha: round(area(r.feature) / 10_000, 2),
            sources: r.sources.join(', '),
          },
        };
      });
    const batisKept = batis
      .filter((f) => inTerritory(f, ctx.territory))
      .map((f) => ({
        type: 'Feature' as const,
        geometry: f.geometry,
        properties: {
          nom: firstText(f.properties, 'nom', 'denomination') ?? 'Bâtiment',
          typologie: firstText(f.properties, 'typologie'),
          communes: communeNames(f.properties, ctx.members).join(', '),
          periode: firstText(f.properties, 'periode'),
          protection: firstText(f.properties, 'protection'),
          id_unesco: firstText(f.properties, 'id_unesco'),
        },
      }));
    const puitsKept = puits
      .filter((f) => inTerritory(f, ctx.territory))
      .map((f) => {
        const p = f.properties;
        const brgm = firstText(p, 'brgm');
        return {
          type: 'Feature' as const,
          geometry: f.geometry,
          properties: {
            nom: `Fosse ${firstText(p, 'fosse') ?? '?'} – puits ${firstText(p, 'puits') ?? '?'}`,
            commune: memberByName(ctx.members, p.commune)?.nom ?? firstText(p, 'commune'),
            compagnie: firstText(p, 'compagnie'),
            creusement: firstText(p, 'creusement'),
            fermeture: firstText(p, 'fermeture'),
            profondeur_m: typeof p.profondeur === 'number' ? p.profondeur : null,
            fiche_brgm: brgm && /^https?:\/\//.test(brgm) ? brgm : null,
          },
        };
      });
    return {
      read: unesco.length + erbm.length + zoneTampon.length + batis.length + puits.length,
      messages,
      sublayers: { cites, 'cites-batis': batisKept, 'cites-puits': puitsKept },
    };
  },
  measure(s, ctx) {
    const cites = s.cites ?? [];
    const count = (pred: (p: Record<string, unknown>) => boolean) => cites.filter((c) => pred(c.properties)).length;
    const erbm = cites.filter((c) => c.properties.erbm === true);
    return [
      {
        id: 'cites',
        label: 'Cités minières',
        value: cites.length,
        unit: 'nombre',
        details: [
          { label: 'du bien UNESCO', value: count((p) => p.unesco === true) },
          { label: 'de la zone tampon', value: count((p) => p.zone_tampon === true) },
          { label: 'du programme ERBM', value: count((p) => p.erbm === true) },
        ],
        note: 'Une cité présente dans plusieurs sources est comptée une fois',
      },
      {
        id: 'cites-surface',
        label: 'Surface des cités dans la CALL',
        value: round(areaInsideHa(cites, ctx.territory), 1),
        unit: 'ha',
        note: `Surface totale des contours : ${fr(areaHa(cites))} ha`,
      },
      { id: 'erbm', label: 'Cités ERBM identifiées', value: erbm.length, unit: 'nombre', note: 'Sur 29 cités ERBM annoncées pour la CALL' },
      { id: 'erbm-surface', label: 'Surface des cités ERBM', value: round(areaInsideHa(erbm, ctx.territory), 1), unit: 'ha' },
      (() => {
        // A cité spilling a few metres over a limit does not make a commune concerned: 0.5 ha at least.
        const perCommune = ctx.communes
          .map((c) => ({ label: String(c.properties.nom), value: round(areaInsideHa(erbm, c), 1) }))
          .filter((d) => d.value >= ERBM_MIN_HA_IN_COMMUNE)
          .sort((a, b) => b.value - a.value);
        return {
          id: 'erbm-communes',
          label: 'Communes comptant une cité ERBM identifiée',
          value: perCommune.length,
          unit: 'nombre' as const,
          details: perCommune,
          note: `Communes où se trouvent au moins ${fr(ERBM_MIN_HA_IN_COMMUNE)} ha d'une cité ERBM ; détail en hectares`,
        };
      })(),
      { id: 'batis', label: 'Bâtiments UNESCO', value: (s['cites-batis'] ?? []).length, unit: 'nombre' },
      { id: 'puits', label: 'Anciens puits de mine', value: (s['cites-puits'] ?? []).length, unit: 'nombre' },
    ];
  },
};
