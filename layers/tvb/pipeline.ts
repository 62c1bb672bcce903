// Trame verte et bleue: green part by reference (GREEN_CORRIDORS), blue part and regional layers from
// their sources when present, and the gaps of the green network along the cavaliers and the EV5.
import { along, booleanPointInPolygon, length } from '@turf/turf';
import type { LayerPipeline, PipelineContext } from '../pipeline-types';
import type { AreaFeature, NetworkGap, NetworkMember } from '../metrics';
import { fr, gapsAlongPath, lengthInsideKm, lengthPerZoneKm, networkBreaks, round, unionAreaInsideHa, areaInsideHa } from '../metrics';
import { firstText, inTerritory } from '../select';
import type { GeoFeature, Metric } from '../types';
import { blueNetwork } from './blue';
import { BLUE_LINES, BLUE_MISSING, BLUE_SURFACES, GAPS, GREEN_CORRIDORS, REGIONAL_MISSING, SRCE, ZNIEFF } from './layer';

/** A green feature closer than this to a path or a line end touches it (the sources are generalised to ~10 m). */
export const TOUCH_M = 25;
/** The EV5 is walked at this step: gaps are measured to it. */
export const STEP_M = 25;
/** Shorter stretches are crossings of a road or a car park, not breaks of the network. */
export const MIN_GAP_M = 50;
/** A cavalier end further than this from any green feature is an end of the network, not a gap in it. */
export const MAX_LINK_M = 500;

const KIND: Record<string, string> = {
  'parcs-espaces': 'Espace',
  'parcs-terrils': 'Terril',
  'parcs-cavaliers': 'Cavalier',
  'parcs-cavaliers-unesco': 'Cavalier UNESCO',
};

/** "Terril T074", "Espace Parc de la Glissoire"; a name that already says its kind is kept as is. */
function memberName(from: string, f: GeoFeature): string {
  const name = firstText(f.properties, 'nom', 'identifiant') ?? 'sans nom';
  const kind = KIND[from];
  return name.toLowerCase().startsWith(kind.split(' ')[0].toLowerCase()) ? name : `${kind} ${name}`;
}

function regional(ctx: PipelineContext, id: string, source: string): GeoFeature[] {
  return (ctx.optional(id)?.features ?? [])
    .filter((f) => inTerritory(f, ctx.territory))
    .map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {
        nom: firstText(f.properties, 'nom', 'name', 'libelle', 'nom_site', 'NOM') ?? 'Sans nom',
        identifiant: firstText(f.properties, 'id_mnhn', 'identifiant', 'id', 'code'),
        type: firstText(f.properties, 'type', 'nature', 'sous_trame', 'TYPE'),
        source,
      },
    }));
}

function midpointInside(gap: NetworkGap, territory: AreaFeature): boolean {
  const line = { type: 'Feature' as const, properties: {}, geometry: gap.geometry };
  return booleanPointInPolygon(along(line, length(line) / 2), territory);
}

/** The gaps of the green network along the EV5 and between cavaliers, as features to draw and list. */
export function greenGaps(green: Record<string, GeoFeature[]>, ev5: GeoFeature[], ctx: PipelineContext): GeoFeature[] {
  const members: NetworkMember[] = GREEN_CORRIDORS.flatMap((g) => (green[g.id] ?? []).map((f) => ({ name: memberName(g.from, f), feature: f })));
  const cavaliers = members.filter((m) => m.feature.geometry.type === 'LineString' || m.feature.geometry.type === 'MultiLineString');
  const areas = members.filter((m) => !cavaliers.includes(m));
  const alongEv5 = ev5.flatMap((path) => gapsAlongPath(path, members, { toleranceM: TOUCH_M, stepM: STEP_M, minGapM: MIN_GAP_M }));
  const betweenCavaliers = networkBreaks(cavaliers, areas, { toleranceM: TOUCH_M, maxM: MAX_LINK_M }).filter((g) => midpointInside(g, ctx.territory));
  const shape = (gap: NetworkGap, i: number, route: string, how: string): GeoFeature => {
    const feature: GeoFeature = { type: 'Feature', geometry: gap.geometry, properties: {} };
    feature.properties = {
      nom: `Discontinuité ${route} n° ${i + 1}`,
      le_long_de: route,
      entre: `${gap.from} → ${gap.to}`,
      longueur_m: Math.round(gap.lengthM),
      communes: ctx.communes
        .filter((c) => inTerritory(feature, c))
        .map((c) => String(c.properties.nom))
        .join(', '),
      mesure: how,
    };
    return feature;
  };
  return [
    ...alongEv5.map((g, i) => shape(g, i, 'EuroVelo 5', `le long de l'itinéraire, au pas de ${STEP_M} m`)),
    ...betweenCavaliers
      .sort((a, b) => b.lengthM - a.lengthM)
      .map((g, i) => shape(g, i, 'cavaliers', "à vol d'oiseau depuis l'extrémité du cavalier (liaison la plus courte, pas un tracé proposé)")),
  ];
}

export const tvbPipeline: LayerPipeline = {
  layerId: 'tvb',
  select(ctx) {
    // The green sublayers are references (same files): the build fills them; only the gaps are computed here.
    const green = Object.fromEntries(GREEN_CORRIDORS.map((g) => [g.id, ctx.sublayer(g.from)]));
    const blue = blueNetwork(ctx);
    const srce = regional(ctx, 'tvb-srce', 'SRCE / SRADDET Hauts-de-France (geodata/local)');
    const srceLines = srce.filter((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString');
    const znieff = regional(ctx, 'tvb-znieff', 'ZNIEFF (geodata/local)').filter(
      (f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon',
    );
    const messages = [...blue.messages];
    if (srceLines.length < srce.length)
      messages.push(`SRCE : ${srce.length - srceLines.length} entités non linéaires (réservoirs ?) non tracées comme corridors`);
    const missing = [
      blue.lines.length + blue.surfaces.length === 0 ? BLUE_MISSING : null,
      srce.length + znieff.length === 0 ? REGIONAL_MISSING : null,
    ]
      .filter(Boolean)
      .join(' ');
    return {
      read: blue.read + (ctx.optional('tvb-srce')?.features.length ?? 0) + (ctx.optional('tvb-znieff')?.features.length ?? 0),
      messages,
      missing: missing || undefined,
      sublayers: {
        [BLUE_LINES]: blue.lines,
        [BLUE_SURFACES]: blue.surfaces,
        [SRCE]: srceLines,
        [ZNIEFF]: znieff,
        [GAPS]: greenGaps(green, ctx.sublayer('ev5-troncons'), ctx),
      },
    };
  },
  measure(s, ctx) {
    const green = GREEN_CORRIDORS.map((g) => ({ title: g.title, features: s[g.id] ?? [] }));
    const all = green.flatMap((g) => g.features);
    const gaps = s[GAPS] ?? [];
    const lines = s[BLUE_LINES] ?? [];
    const surfaces = s[BLUE_SURFACES] ?? [];
    const source = String(lines[0]?.properties.source ?? surfaces[0]?.properties.source ?? '');
    const perCommune = (features: GeoFeature[]) =>
      lengthPerZoneKm(features, ctx.communes, (c) => String(c.properties.nom)).map((d) => ({ ...d, value: round(d.value, 2) }));
    const km = (features: GeoFeature[]) => round(lengthInsideKm(features, ctx.territory), 2);
    const of = (c: string) => lines.filter((f) => f.properties.categorie === c);
    const gapsOf = (route: string) => gaps.filter((g) => g.properties.le_long_de === route);
    const metrics: Metric[] = [
      {
        id: 'vert-elements',
        label: 'Éléments de la trame verte',
        value: all.length,
        unit: 'nombre',
        details: green.map((g) => ({ label: g.title, value: g.features.length })),
        note: 'Tous les espaces néo-naturels, terrils et cavaliers de la Chaîne des Parcs',
      },
      {
        id: 'vert-surface',
        label: 'Surface de la trame verte dans la CALL',
        value: round(unionAreaInsideHa(all, ctx.territory), 1),
        unit: 'ha',
        note: `Espaces, terrils et emprises de cavaliers, superpositions comptées une fois (somme brute : ${fr(areaInsideHa(all, ctx.territory))} ha)`,
      },
      { id: 'vert-lineaire', label: 'Linéaire de cavaliers dans la CALL', value: km(s['tvb-vert-cavaliers'] ?? []), unit: 'km' },
      {
        id: 'discontinuites',
        label: 'Discontinuités de la trame verte',
        value: gaps.length,
        unit: 'nombre',
        details: gaps.map((g) => ({ label: `${g.properties.le_long_de} : ${g.properties.entre}`, value: Number(g.properties.longueur_m) })),
        note: `Longueurs en mètres. EuroVelo 5 : tronçons de plus de ${MIN_GAP_M} m sans élément vert à moins de ${TOUCH_M} m, entre deux éléments verts. Cavaliers : extrémités sans élément vert à moins de ${TOUCH_M} m, reliées à l'élément vert le plus proche s'il est à moins de ${MAX_LINK_M} m.`,
      },
      {
        id: 'discontinuites-longueur',
        label: 'Longueur cumulée des discontinuités',
        value: round(gaps.reduce((n, g) => n + Number(g.properties.longueur_m), 0) / 1000, 2),
        unit: 'km',
        details: ['EuroVelo 5', 'cavaliers'].map((route) => ({
          label: `${route} (${gapsOf(route).length})`,
          value: round(gapsOf(route).reduce((n, g) => n + Number(g.properties.longueur_m), 0) / 1000, 2),
        })),
      },
    ];
    if (lines.length > 0)
      metrics.push(
        {
          id: 'eau-lineaire',
          label: 'Réseau hydrographique dans la CALL',
          value: km(lines),
          unit: 'km',
          details: perCommune(lines),
          note: `Source : ${source}`,
        },
        {
          id: 'cours-d-eau',
          label: "Cours d'eau dans la CALL",
          value: km(of('cours-d-eau')),
          unit: 'km',
          details: perCommune(of('cours-d-eau')),
          note: `Source : ${source}`,
        },
        {
          id: 'canaux',
          label: 'Canaux dans la CALL',
          value: km(of('canal')),
          unit: 'km',
          details: perCommune(of('canal')),
          note: `Source : ${source}`,
        },
      );
    if (surfaces.length > 0)
      metrics.push({
        id: 'plans-d-eau',
        label: "Plans d'eau dans la CALL",
        value: round(areaInsideHa(surfaces, ctx.territory), 1),
        unit: 'ha',
        note: `Source : ${source}`,
      });
    if ((s[SRCE] ?? []).length > 0) metrics.push({ id: 'srce', label: 'Corridors régionaux (SRCE) dans la CALL', value: km(s[SRCE]), unit: 'km' });
    if ((s[ZNIEFF] ?? []).length > 0)
      metrics.push({ id: 'znieff', label: 'ZNIEFF dans la CALL', value: round(areaInsideHa(s[ZNIEFF], ctx.territory), 1), unit: 'ha' });
    return metrics;
  },
};
