// Déchets: one point per establishment at the best position any source gives, with that
// position's precision, so that nobody takes a commune reference point for a plant's site.
import type { Point } from 'geojson';
import { booleanPointInPolygon, distance, pointOnFeature } from '@turf/turf';
import type { LayerPipeline, Member } from '../pipeline-types';
import type { AreaFeature } from '../metrics';
import { round } from '../metrics';
import { communeAt, firstText, memberByName } from '../select';
import type { GeoFeature, ListItem } from '../types';
import { PRECISION_RADIUS_M } from './layer';

type Precision = 'adresse' | 'arrondie' | 'commune';

interface Candidate {
  point: [number, number];
  precision: Precision;
  rank: number;
  origin: string;
}

interface Establishment {
  id: string;
  names: string[];
  commune: Member;
  activite: string | null;
  years: Set<string>;
  candidates: Candidate[];
}

const PRECISION_TEXT: Record<Precision, string> = {
  adresse: 'position approximative : adresse géocodée ou déclarée (à environ 150 m près)',
  arrondie: 'position approximative : déclaration arrondie au centième de degré (à environ 700 m près)',
  commune: 'position approximative : point de référence de la commune, pas le site',
};

const decimals = (v: unknown) => (String(v ?? '').split('.')[1] ?? '').length;
const coords = (f: GeoFeature): [number, number] | null =>
  f.geometry?.type === 'Point' ? [f.geometry.coordinates[0], f.geometry.coordinates[1]] : null;

function inCommune(point: [number, number], commune: AreaFeature | undefined): boolean {
  return !!commune && booleanPointInPolygon({ type: 'Point', coordinates: point } as Point, commune);
}

/** Straight-line distance from a point inside each commune to the nearest site, farthest first. */
export function nearestSiteKm(communes: AreaFeature[], sites: GeoFeature[]): { label: string; value: number }[] {
  const points = sites.filter((f) => f.geometry?.type === 'Point');
  if (points.length === 0) return [];
  return communes
    .map((c) => {
      const inside = pointOnFeature(c);
      const km = Math.min(...points.map((p) => distance(inside, p as GeoFeature & { geometry: Point }, { units: 'kilometers' })));
      return { label: String(c.properties.nom), value: round(km, 1) };
    })
    .sort((a, b) => b.value - a.value);
}

export const dechetsPipeline: LayerPipeline = {
  layerId: 'dechets',
  select(ctx) {
    const irep2015 = ctx.input('dechets-irep2015').features;
    const declared = ctx.input('dechets-irep2019-declare').features;
    const geocoded = ctx.input('dechets-irep2019-geocode').features;
    const irep2021 = ctx.input('dechets-irep2021').features;
    const names = [...ctx.input('dechets-decheteries-noms').rows, ...ctx.input('dechets-decheteries-noms-2').rows];
    const decheteries = ctx.optional('dechets-decheteries');
    const messages: string[] = [];
    const polygonOf = (m: Member) => ctx.communes.find((c) => c.properties.code === m.code);

    // Membership by the declared commune (IREP rows name their commune).
    const establishments = new Map<string, Establishment>();
    const register = (f: GeoFeature, year: string) => {
      const id = firstText(f.properties, 'identifiant');
      const commune = memberByName(ctx.members, f.properties.commune);
      if (!id || !commune) return undefined;
      const e = establishments.get(id) ?? { id, names: [], commune, activite: null, years: new Set<string>(), candidates: [] };
      const name = firstText(f.properties, 'nom_etablissement');
      if (name && !e.names.includes(name)) e.names.push(name);
      e.activite ??= firstText(f.properties, 'libelle_ape');
      e.years.add(year);
      establishments.set(id, e);
      return e;
    };
    for (const f of irep2015) {
      const e = register(f, '2015');
      const p = coords(f);
      if (e && p) e.candidates.push({ point: p, precision: 'commune', rank: 5, origin: 'IREP 2015 (point de référence de la commune)' });
    }
    for (const f of declared) {
      const e = register(f, '2019');
      const p = coords(f);
      if (!e || !p) continue;
      const precise = decimals(f.properties.coordonnees_x) >= 5 && inCommune(p, polygonOf(e.commune));
      e.candidates.push(
        precise
          ? { point: p, precision: 'adresse', rank: 1, origin: "IREP 2019 (position déclarée par l'exploitant)" }
          : { point: p, precision: 'arrondie', rank: 4, origin: 'IREP 2019 (position déclarée, arrondie)' },
      );
    }
    for (const f of geocoded) {
      const e = register(f, '2019');
      const p = coords(f);
      const score = Number(f.properties.geocode_qualite);
      if (e && p && Number.isFinite(score) && score >= 0.5 && inCommune(p, polygonOf(e.commune))) {
        e.candidates.push({ point: p, precision: 'adresse', rank: 2, origin: `Géocodage BAN de l'adresse IREP 2019 (score ${score})` });
      }
    }
    for (const f of irep2021) {
      const id = firstText(f.properties, '_irep_identifiant');
      const p = coords(f);
      const e = id ? establishments.get(id) : undefined;
      if (!e || !p) continue;
      const name = firstText(f.properties, 'nom_etablissement');
      if (name && !e.names.includes(name)) e.names.unshift(name);
      e.years.add('2021');
      // Nominatim fell back to a locality when several sites share one point: not a site position.
      const shared = Number(f.properties._n_sites_sharing_this_exact_point_in_source ?? 1) > 1;
      if (!shared && inCommune(p, polygonOf(e.commune))) {
        e.candidates.push({ point: p, precision: 'adresse', rank: 3, origin: "Géocodage Nominatim (OSM) de l'adresse IREP 2021" });
      } else if (!shared) {
        messages.push(`${e.names[0]} : position IREP 2021 hors de la commune déclarée (${e.commune.nom}), ignorée`);
      }
    }

    const features: GeoFeature[] = [];
    for (const e of establishments.values()) {
      const best = [...e.candidates].sort((a, b) => a.rank - b.rank)[0];
      if (!best) {
        messages.push(`${e.names[0]} : aucune position utilisable`);
        continue;
      }
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: best.point },
        properties: {
          nom: e.names[0],
          autres_noms: e.names.slice(1).join(', '),
          commune: e.commune.nom,
          activite: e.activite,
          precision: best.precision,
          precision_m: PRECISION_RADIUS_M[best.precision],
          precision_texte: PRECISION_TEXT[best.precision],
          source_position: best.origin,
          identifiant_irep: e.id,
          declarations: [...e.years].sort().join(', '),
        },
      });
    }
    const located: GeoFeature[] = (decheteries?.features ?? [])
      .filter((f) => f.geometry?.type === 'Point' && communeAt(f, ctx.communes))
      .map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          nom: firstText(f.properties, 'nom', 'name', 'libelle') ?? 'Déchèterie',
          commune: communeAt(f, ctx.communes)?.properties.nom ?? null,
          activite: 'Déchèterie',
          precision: 'adresse',
          precision_m: PRECISION_RADIUS_M.adresse,
          precision_texte: 'position fournie par la CALL',
          source_position: 'Service des déchèteries de la CALL',
        },
      }));
    const items: ListItem[] = names
      .filter((r) => r.in_CALL === 'true' && !located.some((f) => String(f.properties.commune) === r.commune))
      .map((r) => ({
        name: r.site_name,
        commune: r.commune,
        detail: 'déchèterie : position non publiée en données ouvertes',
        source: 'dechets-decheteries-noms',
      }));
    return {
      read: irep2015.length + declared.length + geocoded.length + irep2021.length + names.length + (decheteries?.features.length ?? 0),
      messages,
      items,
      missing:
        located.length > 0
          ? undefined
          : "Les déchèteries n'ont pas de position publiée en données ouvertes (le service cartographique de la CALL en recense 3 fixes et 10 mobiles, licence à confirmer) : elles sont listées sans être placées.",
      sublayers: { 'dechets-etablissements': [...features, ...located] },
    };
  },
  measure(s, ctx) {
    const list = s['dechets-etablissements'] ?? [];
    const by = (p: string) => list.filter((f) => f.properties.precision === p).length;
    const distances = nearestSiteKm(ctx.communes, list);
    return [
      {
        id: 'etablissements',
        label: 'Établissements de traitement des déchets',
        value: list.length,
        unit: 'nombre',
        details: [
          { label: 'position à l’adresse', value: by('adresse') },
          { label: 'position arrondie', value: by('arrondie') },
          { label: 'position de la commune', value: by('commune') },
        ],
      },
      ...(distances.length > 0
        ? [
            {
              id: 'distance-communes',
              label: 'Distance de chaque commune à l’établissement de traitement le plus proche',
              value: round(distances.reduce((s2, d) => s2 + d.value, 0) / distances.length, 1),
              unit: 'km' as const,
              details: distances,
              note: 'Valeur : moyenne sur les 36 communes ; distance à vol d’oiseau depuis un point intérieur de la commune, positions des établissements approximatives',
            },
          ]
        : []),
    ];
  },
};
