// « Ma commune » step: for each of the 36 communes, every figure of the layers measured inside it
// with the layers' own functions (layers/metrics.ts, the layers' pipelines), its rank among the 36
// and the CALL's total, the features behind it, the report cards concerning it and every sentence
// of the report naming it. Written to public/data/communes.json beside catalog.json.
import { area, bbox, pointOnFeature } from '@turf/turf';
import type { CommunesFile, FeatureRef } from '../../../layers/commune-profile';
import { placeKey } from '../../../layers/commune-profile';
import { areaInsideHa, lengthInsideKm, round } from '../../../layers/metrics';
import type { GeoFeature } from '../../../layers/types';
import { reportMentions } from '../report-mentions';
import { cardMentions } from './card-mentions';
import { isErbm, isTampon, isUnesco, notUnesco, profileContext, type ProfileInput, type Raw, type RawFigure } from './context';
import { nearestWasteSite } from './nearest-waste';
import { rankFigures, type RawProfile } from './ranking';
import { figureSpecs } from './specs';

export type { ProfileInput } from './context';

export function buildCommuneProfiles(input: ProfileInput): CommunesFile {
  const { layers, members, communes, cards } = input;
  const ctx = profileContext(input);
  const { sub, place, refs, counted, qpvOutlines, catchments } = ctx;
  const cites = sub('cites');
  const terrils = sub('parcs-terrils');
  const qpvLayer = layers.find((l) => l.id === 'qpv');
  const specs = figureSpecs(ctx);

  const qpv = qpvLayer?.items.map((i) => ({ code: i.detail ?? '', nom: i.name, communes: (i.commune ?? '').split(', ').filter(Boolean) })) ?? [];
  const names = members.map((m) => m.nom);
  const mentions = reportMentions(input.projectRoot, names);

  const rawProfiles = communes.map((c): RawProfile => {
    const code = String(c.properties.code);
    const nom = String(c.properties.nom);
    const member = members.find((m) => m.code === code)!;
    const inCommune = (f: GeoFeature) => placeKey(String(f.properties.commune ?? '')) === placeKey(nom);
    const refPoint = pointOnFeature(c);
    const figures = new Map<string, RawFigure>();
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
    const nearest = nearestWasteSite(ctx, refPoint);
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

    const mentionedIn = cardMentions(cards, ctx, code, nom, names);

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
      cards: mentionedIn,
      quotes: mentions?.byCommune.get(nom) ?? [],
    };
  });

  const { profiles, totals } = rankFigures(rawProfiles, specs);
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
