// The blue network from whichever source this build has, in the order of authority: the CALL's own
// file (geodata/local), the IGN BD TOPO (Géoplateforme WFS), then OpenStreetMap. Each kept feature
// says which source drew it; nothing is ever drawn without a source.
import { bbox, booleanIntersects } from '@turf/turf';
import type { PipelineContext, SourceInput } from '../pipeline-types';
import { lengthInsideKm, round, shareInside, areaHa, type AreaFeature } from '../metrics';
import { firstText, inTerritory } from '../select';
import type { GeoFeature } from '../types';
import { BLUE_SOURCES } from './layer';

export type BlueCategory = 'canal' | 'cours-d-eau' | 'fosse';

export interface BlueNetwork {
  /** Which source was used, in words, or null when none is available. */
  sourceLabel: string | null;
  lines: GeoFeature[];
  surfaces: GeoFeature[];
  read: number;
  messages: string[];
}

export const SOURCE_LABELS = {
  local: 'Fichier de la CALL (geodata/local)',
  bdtopo: 'IGN BD TOPO, hydrographie (Géoplateforme)',
  osm: "© les contributeurs d'OpenStreetMap",
} as const;

const isLine = (f: GeoFeature) => f.geometry?.type === 'LineString' || f.geometry?.type === 'MultiLineString';
const isArea = (f: GeoFeature) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';

/** Category from free text (the CALL's file): "Canal de Lens" is a canal, an "écoulement canalisé" is not. */
export function categoryOf(...texts: (string | null)[]): BlueCategory {
  const all = texts.filter(Boolean).join(' ');
  if (/\bcanal\b/i.test(all)) return 'canal';
  if (/foss[ée]|rigole|drain|watergang/i.test(all)) return 'fosse';
  return 'cours-d-eau';
}

function communesCrossed(f: GeoFeature, communes: AreaFeature[]): string {
  const [w, s, e, n] = bbox(f);
  return communes
    .filter((c) => {
      const [cw, cs, ce, cn] = bbox(c);
      return !(w > ce || e < cw || s > cn || n < cs) && booleanIntersects(f, c);
    })
    .map((c) => String(c.properties.nom))
    .join(', ');
}

interface Shaped {
  nom: string | null;
  nature: string | null;
  categorie?: BlueCategory;
}

function shapeAll(
  input: SourceInput | null,
  source: string,
  ctx: PipelineContext,
  describe: (p: Record<string, unknown>) => Shaped | null,
): GeoFeature[] {
  return (input?.features ?? [])
    .filter((f) => inTerritory(f, ctx.territory))
    .flatMap((f): GeoFeature[] => {
      const shaped = describe(f.properties);
      if (!shaped) return [];
      const line = isLine(f);
      if (!line && !isArea(f)) return [];
      return [
        {
          type: 'Feature',
          geometry: f.geometry,
          properties: {
            nom: shaped.nom ?? (line ? 'Écoulement sans nom' : "Plan d'eau sans nom"),
            nature: shaped.nature,
            ...(line
              ? {
                  categorie: shaped.categorie ?? categoryOf(shaped.nom, shaped.nature),
                  longueur_dans_call_km: round(lengthInsideKm([f], ctx.territory), 3),
                  communes: communesCrossed(f, ctx.communes),
                }
              : { surface_dans_call_ha: round(areaHa([f]) * shareInside(f as AreaFeature, ctx.territory), 2) }),
            source,
          },
        },
      ];
    });
}

/** BD TOPO: `nature` "Canal" is a canal; a named tronçon a watercourse; the rest secondary flows. */
function bdtopo(ctx: PipelineContext): { lines: GeoFeature[]; surfaces: GeoFeature[]; read: number; messages: string[] } {
  const troncons = ctx.optional(BLUE_SOURCES.troncons);
  const surfaces = ctx.optional(BLUE_SOURCES.surfaces);
  const coursDEau = ctx.optional(BLUE_SOURCES.coursDEau);
  // A tronçon without its own toponym takes the name of the watercourse it belongs to.
  const names = new Map<string, string>();
  for (const c of coursDEau?.features ?? []) {
    const id = firstText(c.properties, 'cleabs');
    const name = firstText(c.properties, 'toponyme', 'cpx_toponyme');
    if (id && name) names.set(id, name);
  }
  let fictive = 0;
  const lines = shapeAll(troncons, SOURCE_LABELS.bdtopo, ctx, (p) => {
    // Fictive tronçons join the network through lakes: no channel on the ground.
    if (p.fictif === true || p.fictif === 'true' || p.fictif === 'Vrai') {
      fictive++;
      return null;
    }
    const nature = firstText(p, 'nature');
    const nom = firstText(p, 'cpx_toponyme_de_cours_d_eau') ?? names.get(String(firstText(p, 'liens_vers_cours_d_eau') ?? '').split('/')[0]) ?? null;
    const categorie: BlueCategory = /^canal/i.test(nature ?? '') ? 'canal' : nom ? 'cours-d-eau' : 'fosse';
    return { nom, nature, categorie };
  });
  const water = shapeAll(surfaces, SOURCE_LABELS.bdtopo, ctx, (p) => ({
    nom: firstText(p, 'cpx_toponyme_de_plan_d_eau', 'cpx_toponyme_de_cours_d_eau', 'toponyme'),
    nature: firstText(p, 'nature'),
  }));
  const messages = fictive > 0 ? [`BD TOPO : ${fictive} tronçons fictifs (traversée de plans d'eau) non tracés`] : [];
  return {
    lines,
    surfaces: water,
    read: (troncons?.features.length ?? 0) + (surfaces?.features.length ?? 0) + (coursDEau?.features.length ?? 0),
    messages,
  };
}

const OSM_LINE: Record<string, BlueCategory> = { canal: 'canal', river: 'cours-d-eau', stream: 'cours-d-eau', ditch: 'fosse', drain: 'fosse' };

export function blueNetwork(ctx: PipelineContext): BlueNetwork {
  const local = ctx.optional(BLUE_SOURCES.local);
  if (local) {
    const shaped = shapeAll(local, SOURCE_LABELS.local, ctx, (p) => ({
      nom: firstText(p, 'nom', 'name', 'toponyme', 'libelle'),
      nature: firstText(p, 'nature', 'type', 'categorie'),
    }));
    return {
      sourceLabel: SOURCE_LABELS.local,
      lines: shaped.filter(isLine),
      surfaces: shaped.filter(isArea),
      read: local.features.length,
      messages: [`réseau hydrographique : ${SOURCE_LABELS.local}`],
    };
  }
  const ign = bdtopo(ctx);
  if (ign.lines.length + ign.surfaces.length > 0)
    return { sourceLabel: SOURCE_LABELS.bdtopo, ...ign, messages: [`réseau hydrographique : ${SOURCE_LABELS.bdtopo}`, ...ign.messages] };
  const osm = ctx.optional(BLUE_SOURCES.osm);
  if (osm) {
    const shaped = shapeAll(osm, SOURCE_LABELS.osm, ctx, (p) => {
      const waterway = firstText(p, 'waterway');
      if (isWaterway(waterway)) return { nom: firstText(p, 'name'), nature: `waterway=${waterway}`, categorie: OSM_LINE[waterway] };
      if (p.natural === 'water' || firstText(p, 'water')) return { nom: firstText(p, 'name'), nature: firstText(p, 'water') ?? 'natural=water' };
      return null;
    });
    if (shaped.length > 0)
      return {
        sourceLabel: SOURCE_LABELS.osm,
        lines: shaped.filter(isLine),
        surfaces: shaped.filter(isArea),
        read: osm.features.length + ign.read,
        messages: [`réseau hydrographique : ${SOURCE_LABELS.osm} (IGN BD TOPO indisponible)`],
      };
  }
  return { sourceLabel: null, lines: [], surfaces: [], read: ign.read + (osm?.features.length ?? 0), messages: [] };
}

const isWaterway = (w: string | null): w is keyof typeof OSM_LINE => !!w && w in OSM_LINE;
