// « Ma commune » step: for each of the 36 communes, every figure of the layers measured inside it
// with the layers' own functions (layers/metrics.ts, the layers' pipelines), its rank among the 36
// and the CALL's total, the features behind it, the report cards concerning it and every sentence
// of the report naming it. Written to public/data/communes.json beside catalog.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { area, bbox, distance, pointOnFeature } from '@turf/turf';
import type { Point } from 'geojson';
import type { BuiltCard } from '../../layers/cards';
import { matchesFilter } from '../../layers/cards';
import type { CardMention, CommuneFigure, CommuneProfile, CommunesFile, FeatureRef, FigureTotal, NearestSite } from '../../layers/commune-profile';
import { placeKey, ranks } from '../../layers/commune-profile';
import type { AreaFeature } from '../../layers/metrics';
import { areaInsideHa, lengthInsideKm, round } from '../../layers/metrics';
import type { Member } from '../../layers/pipeline-types';
import type { CatalogLayer, GeoFeature } from '../../layers/types';
import { placeFeatures, type Placement } from './commune-features';
import { namedIn, reportMentions } from './report-mentions';

export interface ProfileInput {
  projectRoot: string;
  layers: CatalogLayer[];
  features: Map<string, GeoFeature[]>;
  members: Member[];
  communes: AreaFeature[];
  territory: AreaFeature;
  cards: BuiltCard[];
  log: (line: string) => void;
}

type Raw = Omit<CommuneFigure, 'rank' | 'tiedWith' | 'callTotal' | 'sharePercent'>;

interface FigureSpec {
  id: string;
  label: string;
  unit: string;
  layer: string;
  /** 'somme': the 36 values add up to the CALL's; 'moyenne': the CALL's figure is their mean. */
  total: 'somme' | 'moyenne' | 'liste';
  callTotal: number;
  none: string;
  note?: string;
}

const metricValue = (layers: CatalogLayer[], layer: string, id: string, detail?: string): number | null => {
  const m = layers.find((l) => l.id === layer)?.metrics.find((x) => x.id === id);
  if (!m) return null;
  if (detail === undefined) return m.value;
  return m.details?.find((d) => d.label === detail)?.value ?? null;
};

export function buildCommuneProfiles(input: ProfileInput): CommunesFile {
  const { layers, features, members, communes, territory, cards } = input;
  const sub = (id: string) => features.get(id) ?? [];
  const placed = new Map<string, Placement[]>();
  const place = (id: string) => {
    if (!placed.has(id)) placed.set(id, placeFeatures(sub(id), communes, id === 'communes' || id === 'qpv-communes'));
    return placed.get(id)!;
  };
  const refs = (sublayer: string, code: string, where: (f: GeoFeature) => boolean = () => true): FeatureRef[] =>
    place(sublayer)
      .filter((p) => p.inside.has(code) && where(p.feature))
      .map((p) => ({
        sublayer,
        index: p.index,
        name: String(p.feature.properties.nom ?? ''),
        ...(p.feature.geometry.type === 'Point' ? {} : { inside: round(p.inside.get(code)!, 3) }),
        counted: p.owner === code,
      }));
  const counted = (list: FeatureRef[]) => list.filter((r) => r.counted).length;
  const metric = (layer: string, id: string, detail?: string) => metricValue(layers, layer, id, detail);
  const territoryHa = (list: GeoFeature[]) => round(areaInsideHa(list, territory), 1);

  const cites = sub('cites');
  const terrils = sub('parcs-terrils');
  const isUnesco = (f: GeoFeature) => f.properties.unesco === true;
  const isErbm = (f: GeoFeature) => f.properties.erbm === true;
  const isTampon = (f: GeoFeature) => f.properties.zone_tampon === true;
  const notUnesco = (f: GeoFeature) => f.properties.unesco !== true;
  const qpvLayer = layers.find((l) => l.id === 'qpv');
  const qpvOutlines = sub('qpv-contours').length > 0;
  const catchments = layers.find((l) => l.id === 'captages')?.items ?? [];
  const wasteSites = sub('dechets-etablissements');
  const hasWaste = wasteSites.some((f) => f.geometry?.type === 'Point');

  const specs: FigureSpec[] = [
    {
      id: 'population',
      label: 'Population municipale',
      unit: 'habitants',
      layer: 'communes',
      total: 'somme',
      callTotal: metric('communes', 'population') ?? 0,
      none: 'population non renseignée',
    },
    {
      id: 'surface',
      label: 'Surface',
      unit: 'ha',
      layer: 'communes',
      total: 'somme',
      callTotal: metric('communes', 'surface-communes') ?? 0,
      none: 'surface inconnue',
    },
    {
      id: 'ev5',
      label: 'EuroVelo 5 dans la commune',
      unit: 'km',
      layer: 'ev5',
      total: 'somme',
      callTotal: metric('ev5', 'longueur-call') ?? 0,
      none: 'l’EuroVelo 5 ne traverse pas la commune',
    },
    {
      id: 'cavaliers',
      label: 'Cavaliers (tracés)',
      unit: 'km',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'cavaliers-longueur') ?? 0,
      none: 'aucun cavalier recensé',
    },
    {
      id: 'terrils',
      label: 'Terrils',
      unit: 'nombre',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'terrils') ?? 0,
      none: 'aucun terril recensé',
      note: 'Un terril à cheval sur une limite est compté dans la commune qui en porte la plus grande part',
    },
    {
      id: 'terrils-unesco',
      label: 'Terrils inscrits UNESCO',
      unit: 'nombre',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'terrils', 'inscrits UNESCO') ?? 0,
      none: 'aucun terril inscrit UNESCO',
    },
    {
      id: 'terrils-zone-tampon',
      label: 'Terrils de la zone tampon',
      unit: 'nombre',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'terrils', 'zone tampon') ?? 0,
      none: 'aucun terril de la zone tampon',
    },
    {
      id: 'terrils-surface',
      label: 'Surface des terrils',
      unit: 'ha',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'terrils-surface') ?? 0,
      none: 'aucun terril recensé',
    },
    {
      id: 'espaces',
      label: 'Espaces néo-naturels',
      unit: 'ha',
      layer: 'parcs',
      total: 'somme',
      callTotal: metric('parcs', 'espaces-surface') ?? 0,
      none: 'aucun espace néo-naturel recensé',
    },
    {
      id: 'cites',
      label: 'Cités minières',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites') ?? 0,
      none: 'aucune cité minière recensée',
      note: 'Une cité à cheval sur une limite est comptée dans la commune qui en porte la plus grande part',
    },
    {
      id: 'cites-unesco',
      label: 'Cités du bien UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'du bien UNESCO') ?? 0,
      none: 'aucune cité du bien UNESCO',
    },
    {
      id: 'cites-erbm',
      label: 'Cités ERBM',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'du programme ERBM') ?? 0,
      none: 'aucune cité ERBM identifiée',
    },
    {
      id: 'cites-zone-tampon',
      label: 'Cités de la zone tampon UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites', 'de la zone tampon') ?? 0,
      none: 'aucune cité de la zone tampon',
    },
    {
      id: 'cites-surface',
      label: 'Surface des cités minières',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'cites-surface') ?? 0,
      none: 'aucune cité minière recensée',
    },
    {
      id: 'cites-unesco-surface',
      label: 'Surface des cités du bien UNESCO',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: territoryHa(cites.filter(isUnesco)),
      none: 'aucune cité du bien UNESCO',
    },
    {
      id: 'cites-erbm-surface',
      label: 'Surface des cités ERBM',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'erbm-surface') ?? 0,
      none: 'aucune cité ERBM identifiée',
    },
    {
      id: 'cites-zone-tampon-surface',
      label: 'Surface des cités de la zone tampon',
      unit: 'ha',
      layer: 'cites',
      total: 'somme',
      callTotal: territoryHa(cites.filter(isTampon)),
      none: 'aucune cité de la zone tampon',
    },
    {
      id: 'batis',
      label: 'Bâtiments UNESCO',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'batis') ?? 0,
      none: 'aucun bâtiment UNESCO recensé',
    },
    {
      id: 'puits',
      label: 'Anciens puits de mine',
      unit: 'nombre',
      layer: 'cites',
      total: 'somme',
      callTotal: metric('cites', 'puits') ?? 0,
      none: 'aucun puits de mine recensé',
    },
    {
      id: 'qpv',
      label: 'Quartiers prioritaires (liste 2024)',
      unit: 'nombre',
      layer: 'qpv',
      total: 'liste',
      callTotal: metric('qpv', 'qpv') ?? 0,
      none: 'aucun quartier prioritaire',
      note: 'Un quartier à cheval sur plusieurs communes compte dans chacune : la somme des communes peut dépasser le total de la CALL',
    },
    ...(qpvOutlines
      ? [
          {
            id: 'qpv-surface',
            label: 'Surface des QPV (contours officiels)',
            unit: 'ha',
            layer: 'qpv',
            total: 'somme' as const,
            callTotal: territoryHa(sub('qpv-contours')),
            none: 'aucun quartier prioritaire',
          },
        ]
      : []),
    {
      id: 'dechets',
      label: 'Établissements de traitement des déchets',
      unit: 'nombre',
      layer: 'dechets',
      total: 'somme',
      callTotal: metric('dechets', 'etablissements') ?? 0,
      none: 'aucun établissement de traitement des déchets',
      note: 'Commune déclarée par l’exploitant (IREP)',
    },
    ...(hasWaste
      ? [
          {
            id: 'dechets-distance',
            label: 'Distance à l’établissement de traitement le plus proche',
            unit: 'km',
            layer: 'dechets',
            total: 'moyenne' as const,
            callTotal: metric('dechets', 'distance-communes') ?? 0,
            none: '',
            note: 'À vol d’oiseau depuis le point de référence de la commune (pointOnFeature de Turf) ; rang 1 = la plus éloignée ; total : moyenne des 36 communes',
          },
        ]
      : []),
    {
      id: 'captages',
      label: 'Captages d’eau potable nommés',
      unit: 'nombre',
      layer: 'captages',
      total: 'somme',
      callTotal: catchments.filter((c) => !/hors CALL/.test(c.commune ?? '')).length,
      none: 'aucun captage nommé dans la commune',
    },
  ];

  const qpv = qpvLayer?.items.map((i) => ({ code: i.detail ?? '', nom: i.name, communes: (i.commune ?? '').split(', ').filter(Boolean) })) ?? [];
  const names = members.map((m) => m.nom);
  const mentions = reportMentions(input.projectRoot, names);

  const rawProfiles = communes.map((c) => {
    const code = String(c.properties.code);
    const nom = String(c.properties.nom);
    const member = members.find((m) => m.code === code)!;
    const inCommune = (f: GeoFeature) => placeKey(String(f.properties.commune ?? '')) === placeKey(nom);
    const refPoint = pointOnFeature(c);
    const figures = new Map<string, Raw & { features?: FeatureRef[] }>();
    const set = (id: string, value: number, list?: FeatureRef[], extra: Partial<Raw> = {}) => {
      const spec = specs.find((s) => s.id === id);
      if (!spec) return;
      figures.set(id, {
        id,
        label: spec.label,
        unit: spec.unit,
        layer: spec.layer,
        value,
        ...(value === 0 && spec.none ? { none: spec.none } : {}),
        ...(spec.note ? { note: spec.note } : {}),
        ...(list && list.length > 0 ? { features: list } : {}),
        ...extra,
      });
    };
    const communeRef = refs('communes', code)[0] ?? { sublayer: 'communes', index: -1, name: nom };
    set('population', member.population);
    set('surface', round(area(c) / 10_000, 1));
    set('ev5', round(lengthInsideKm(sub('ev5-troncons'), c), 2), refs('ev5-troncons', code));
    set('cavaliers', round(lengthInsideKm(sub('parcs-cavaliers'), c), 2), refs('parcs-cavaliers', code));
    const terrilRefs = refs('parcs-terrils', code);
    set('terrils', counted(terrilRefs), terrilRefs);
    set('terrils-unesco', counted(refs('parcs-terrils', code, isUnesco)), refs('parcs-terrils', code, isUnesco));
    set('terrils-zone-tampon', counted(refs('parcs-terrils', code, notUnesco)), refs('parcs-terrils', code, notUnesco));
    set('terrils-surface', round(areaInsideHa(terrils, c), 1), terrilRefs);
    set('espaces', round(areaInsideHa(sub('parcs-espaces'), c), 1), refs('parcs-espaces', code));
    const citeRefs = refs('cites', code);
    set('cites', counted(citeRefs), citeRefs);
    set('cites-unesco', counted(refs('cites', code, isUnesco)), refs('cites', code, isUnesco));
    set('cites-erbm', counted(refs('cites', code, isErbm)), refs('cites', code, isErbm));
    set('cites-zone-tampon', counted(refs('cites', code, isTampon)), refs('cites', code, isTampon));
    set('cites-surface', round(areaInsideHa(cites, c), 1), citeRefs);
    set('cites-unesco-surface', round(areaInsideHa(cites.filter(isUnesco), c), 1));
    set('cites-erbm-surface', round(areaInsideHa(cites.filter(isErbm), c), 1));
    set('cites-zone-tampon-surface', round(areaInsideHa(cites.filter(isTampon), c), 1));
    const batis = refs('cites-batis', code);
    set('batis', counted(batis), batis);
    const puits = refs('cites-puits', code);
    set('puits', counted(puits), puits);
    const communeQpv = qpv.filter((q) => q.communes.some((n) => placeKey(n) === placeKey(nom)));
    set('qpv', communeQpv.length, refs('qpv-communes', code).concat(qpvOutlines ? refs('qpv-contours', code) : []));
    if (qpvOutlines) set('qpv-surface', round(areaInsideHa(sub('qpv-contours'), c), 1), refs('qpv-contours', code));
    const waste = place('dechets-etablissements')
      .filter((p) => inCommune(p.feature))
      .map((p) => ({ sublayer: 'dechets-etablissements', index: p.index, name: String(p.feature.properties.nom ?? ''), counted: true }));
    set('dechets', waste.length, waste);
    let nearest: NearestSite | null = null;
    for (const p of place('dechets-etablissements')) {
      if (p.feature.geometry?.type !== 'Point') continue;
      const km = distance(refPoint, p.feature as GeoFeature & { geometry: Point }, { units: 'kilometers' });
      if (nearest && nearest.km <= km) continue;
      const pr = p.feature.properties;
      const precisionM = Number(pr.precision_m ?? 0);
      nearest = {
        name: String(pr.nom ?? ''),
        commune: String(pr.commune ?? ''),
        km,
        precisionM,
        precision: String(pr.precision ?? ''),
        precisionText: String(pr.precision_texte ?? ''),
        plusMinusKm: round(precisionM / 1000, 1),
        feature: { sublayer: 'dechets-etablissements', index: p.index, name: String(pr.nom ?? '') },
        position: (p.feature.geometry as Point).coordinates.slice(0, 2) as [number, number],
      };
    }
    if (nearest) {
      nearest.km = round(nearest.km, 1);
      set('dechets-distance', nearest.km, [nearest.feature], {
        approximate: nearest.precisionM > 0 ? `± ${String(nearest.plusMinusKm).replace('.', ',')} km : ${nearest.precisionText}` : undefined,
      });
    }
    const communeCatchments = catchments
      .filter((i) => placeKey(i.commune ?? '') === placeKey(nom))
      .map((i) => ({ name: i.name, detail: i.detail ?? '' }));
    set('captages', communeCatchments.length);

    const cardMentions: CardMention[] = [];
    for (const card of cards) {
      const reasons: CardMention['reasons'] = [];
      for (const link of card.links) {
        if (link.sublayer === 'communes' && !link.filter) {
          if (!reasons.includes('territoire')) reasons.push('territoire');
          continue;
        }
        const here = place(link.sublayer).some((p) => p.inside.has(code) && matchesFilter(p.feature.properties, link.filter));
        if (here && !reasons.includes('objets')) reasons.push('objets');
      }
      const text = [card.title, card.summary, ...card.figures.map((f) => f.quote), ...card.officials.map((o) => o.quote), ...card.perspectives].join(
        ' \n ',
      );
      if (namedIn(text, names).includes(nom)) reasons.push('texte');
      if (reasons.length > 0) cardMentions.push({ id: card.id, title: card.title, reasons });
    }

    const [w, s, e, n] = bbox(c);
    return {
      code,
      nom,
      population: member.population,
      feature: communeRef,
      bounds: [w, s, e, n] as [number, number, number, number],
      referencePoint: refPoint.geometry.coordinates.slice(0, 2).map((x) => round(x, 6)) as [number, number],
      raw: figures,
      qpv: communeQpv,
      qpvOutlines,
      wasteSites: waste,
      nearestWasteSite: nearest,
      catchments: communeCatchments,
      cards: cardMentions,
      quotes: mentions?.byCommune.get(nom) ?? [],
    };
  });

  // Ranks among the 36, on the stored (rounded) values.
  const profiles: CommuneProfile[] = rawProfiles.map(({ raw: _raw, ...rest }) => ({ ...rest, figures: [] }));
  for (const spec of specs) {
    const values = rawProfiles.map((p) => p.raw.get(spec.id)?.value ?? 0);
    const ranked = ranks(values);
    rawProfiles.forEach((p, i) => {
      const raw = p.raw.get(spec.id);
      if (!raw) return;
      profiles[i].figures.push({
        ...raw,
        rank: ranked[i].rank,
        tiedWith: ranked[i].tiedWith,
        callTotal: spec.callTotal,
        ...(spec.total === 'somme' && spec.callTotal > 0 ? { sharePercent: round((100 * raw.value) / spec.callTotal, 1) } : {}),
      });
    });
  }
  const totals: FigureTotal[] = specs.map((spec) => {
    const sum = rawProfiles.reduce((n, p) => n + (p.raw.get(spec.id)?.value ?? 0), 0);
    const sumOfCommunes = spec.total === 'moyenne' ? round(sum / rawProfiles.length, 1) : round(sum, 3);
    return {
      id: spec.id,
      label: spec.label,
      unit: spec.unit,
      kind: spec.total,
      callTotal: spec.callTotal,
      sumOfCommunes,
      gap: spec.total === 'somme' ? round(spec.callTotal - sumOfCommunes, 3) : 0,
    };
  });
  const populationNote = layers.find((l) => l.id === 'communes')?.metrics.find((m) => m.id === 'population')?.note ?? '';
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    populationYear: /millésime (\d{4})/.exec(populationNote)?.[1] ?? null,
    referencePoint:
      'Les distances partent du point de référence de chaque commune : un point intérieur à son polygone (pointOnFeature de Turf), le même que la mesure des distances de la couche Déchets.',
    rankRule: 'Rang 1 = la plus grande valeur des 36 communes ; des valeurs égales partagent le même rang.',
    report: mentions ? { file: mentions.file, sha256: mentions.sha256 } : null,
    ...(mentions
      ? {}
      : {
          reportMissing:
            'Le rapport développement durable n’était pas disponible lors de la construction des données : les citations ne sont pas extraites.',
        }),
    totals,
    totalsNote:
      'Les totaux de la CALL sont mesurés dans le contour de l’EPCI, les chiffres communaux dans les 36 polygones communaux : deux sources dont les limites diffèrent de quelques mètres (le long des canaux surtout). La somme des communes peut donc s’écarter du total de la CALL au-delà de l’arrondi ; l’écart est donné pour chaque chiffre.',
    communes: profiles.sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
  };
}

/** Builds and writes communes.json into the directory (the build's staging folder). */
export function writeCommuneProfiles(dir: string, input: ProfileInput): void {
  const t0 = performance.now();
  const file = buildCommuneProfiles(input);
  writeFileSync(join(dir, 'communes.json'), JSON.stringify(file, null, 1));
  const quotes = file.communes.reduce((n, c) => n + c.quotes.length, 0);
  input.log(
    `Fiches des communes : ${file.communes.length}, ${file.communes[0]?.figures.length ?? 0} chiffres chacune, ${quotes} phrases du rapport${file.report ? '' : ' (rapport absent)'} en ${Math.round(performance.now() - t0)} ms.`,
  );
}
