// Which map features a report card covers and which cards cover a feature (src/app/cards/card-features.ts),
// with the pipeline's own filter (matchesFilter, layers/cards.ts).
import { describe, expect, it } from 'vitest';
import type { BuiltCard, CardLink, FeatureFilter } from '../../layers/cards';
import { matchesFilter } from '../../layers/cards';
import type { GeoFeature } from '../../layers/types';
import { cardFeatures, cardsOfFeature, featuresBounds } from '../../src/app/cards/card-features';
import type { LayerData } from '../../src/app/data/useLayerData';
import { box, features, line, point } from '../fixtures/territory';

function card(id: string, links: CardLink[]): BuiltCard {
  return {
    id,
    title: `Fiche ${id}`,
    summary: '',
    part: '',
    theme: '',
    section: '',
    finalites: { values: [], origin: 'atlas' },
    officials: [],
    partners: [],
    perspectives: [],
    figures: [],
    links,
    measured: {},
    mapMeasured: [],
  };
}

// Cités: two UNESCO, one ERBM only; puits; a cycle route.
const [unesco1, unesco2, erbm] = features(
  box(2.7, 50.4, 2.72, 50.42, { nom: 'Cité 9', statut: 'unesco', code: 1 }),
  box(2.8, 50.45, 2.83, 50.47, { nom: 'Cité 12', statut: 'unesco', code: 2 }),
  box(2.9, 50.35, 2.91, 50.36, { nom: 'Cité des Provinces', statut: 'erbm', code: '3' }),
);
const [puits1, puits2] = features(point(2.75, 50.43, { nom: 'Puits 11', classe: true }), point(2.6, 50.5, { nom: 'Puits 3', classe: false }));
const [route] = features(
  line(
    [
      [2.7, 50.4],
      [2.95, 50.48],
    ],
    { nom: 'EV5' },
  ),
);
const noProps: GeoFeature = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.71, 50.41] },
  properties: null as unknown as Record<string, unknown>,
};

const data: LayerData = {
  cites: { state: 'ok', features: [unesco1, unesco2, erbm] },
  'cites-puits': { state: 'ok', features: [puits1, puits2, noProps] },
  'ev5-troncons': { state: 'ok', features: [route] },
  'parcs-espaces': { state: 'chargement' },
  'qpv-contours': { state: 'erreur', message: 'fichier illisible' },
  'captages-perimetres': { state: 'sans-geometrie' },
};

const unescoCard = card('unesco', [{ sublayer: 'cites', filter: { field: 'statut', values: ['unesco'] } }, { sublayer: 'cites-puits' }]);
const erbmCard = card('erbm', [{ sublayer: 'cites', filter: { field: 'statut', values: ['erbm', 'unesco'] } }]);
const veloCard = card('velo', [{ sublayer: 'ev5-troncons' }]);
const parcsCard = card('parcs', [
  { sublayer: 'parcs-espaces' },
  { sublayer: 'qpv-contours' },
  { sublayer: 'captages-perimetres' },
  { sublayer: 'inconnue' },
]);
const classeCard = card('puits-classes', [{ sublayer: 'cites-puits', filter: { field: 'classe', values: [true] } }]);
const cards = [unescoCard, erbmCard, veloCard, parcsCard, classeCard];

describe('matchesFilter', () => {
  const props = { statut: 'unesco', code: 2, classe: true, vide: null };
  const f = (field: string, values: FeatureFilter['values']): FeatureFilter => ({ field, values });

  it('no filter: every feature matches', () => {
    expect(matchesFilter(props, undefined)).toBe(true);
    expect(matchesFilter({}, undefined)).toBe(true);
  });

  it('matches when the value is one of the listed values', () => {
    expect(matchesFilter(props, f('statut', ['unesco']))).toBe(true);
    expect(matchesFilter(props, f('statut', ['erbm', 'unesco']))).toBe(true);
    expect(matchesFilter(props, f('statut', ['erbm']))).toBe(false);
  });

  it('compares as text, so numbers and booleans match their written form either way', () => {
    expect(matchesFilter(props, f('code', ['2']))).toBe(true);
    expect(matchesFilter({ code: '2' }, f('code', [2]))).toBe(true);
    expect(matchesFilter(props, f('classe', ['true']))).toBe(true);
    expect(matchesFilter(props, f('classe', [false]))).toBe(false);
  });

  it('is exact: no case folding, no substring, no trimming', () => {
    expect(matchesFilter(props, f('statut', ['UNESCO']))).toBe(false);
    expect(matchesFilter(props, f('statut', ['unes']))).toBe(false);
    expect(matchesFilter({ statut: 'unesco ' }, f('statut', ['unesco']))).toBe(false);
  });

  it('a missing property or an empty value list never matches a real value', () => {
    expect(matchesFilter({}, f('statut', ['unesco']))).toBe(false);
    expect(matchesFilter(props, f('vide', ['']))).toBe(false);
    expect(matchesFilter(props, f('statut', []))).toBe(false);
  });
});

describe('cardFeatures', () => {
  it('no card: nothing is linked', () => {
    expect(cardFeatures(null, data)).toEqual([]);
  });

  it('keeps only the features that pass the link filter, per linked sublayer, in link order', () => {
    const linked = cardFeatures(unescoCard, data);
    expect(linked.map((l) => l.sublayerId)).toEqual(['cites', 'cites-puits']);
    expect(linked[0].features).toEqual([unesco1, unesco2]);
    // No filter: every feature of the sublayer, null properties included.
    expect(linked[1].features).toEqual([puits1, puits2, noProps]);
  });

  it('a filter with several values takes the union', () => {
    expect(cardFeatures(erbmCard, data)[0].features).toEqual([unesco1, unesco2, erbm]);
  });

  it('a boolean filter matches features whose property is that boolean; null properties do not match', () => {
    expect(cardFeatures(classeCard, data)).toEqual([{ sublayerId: 'cites-puits', features: [puits1] }]);
  });

  it('skips sublayers still loading, in error, without geometry or unknown', () => {
    expect(cardFeatures(parcsCard, data)).toEqual([]);
  });

  it('returns the very feature objects (so the map can highlight them by identity)', () => {
    expect(cardFeatures(veloCard, data)[0].features[0]).toBe(route);
  });

  it('an ok sublayer where nothing matches still appears, with no features', () => {
    const c = card('vide', [{ sublayer: 'cites', filter: { field: 'statut', values: ['autre'] } }]);
    expect(cardFeatures(c, data)).toEqual([{ sublayerId: 'cites', features: [] }]);
  });
});

describe('featuresBounds', () => {
  it('no features: no bounds (the map keeps its view)', () => {
    expect(featuresBounds([])).toBeNull();
    expect(featuresBounds([{ sublayerId: 'cites', features: [] }])).toBeNull();
  });

  it('covers every linked feature across sublayers, as [west, south, east, north]', () => {
    const bounds = featuresBounds(cardFeatures(unescoCard, data));
    expect(bounds).toEqual([2.6, 50.4, 2.83, 50.5]);
  });

  it('a single point gives a degenerate box on that point', () => {
    expect(featuresBounds([{ sublayerId: 'cites-puits', features: [puits1] }])).toEqual([2.75, 50.43, 2.75, 50.43]);
  });

  it('features without geometry are ignored; if all lack one, no bounds', () => {
    const bare = { type: 'Feature', geometry: null, properties: {} } as unknown as GeoFeature;
    expect(featuresBounds([{ sublayerId: 'x', features: [bare] }])).toBeNull();
    expect(featuresBounds([{ sublayerId: 'x', features: [bare, route] }])).toEqual([2.7, 50.4, 2.95, 50.48]);
  });
});

describe('cardsOfFeature', () => {
  it('lists the cards whose links cover the feature, in card order', () => {
    expect(cardsOfFeature(cards, 'cites', unesco1).map((c) => c.id)).toEqual(['unesco', 'erbm']);
    expect(cardsOfFeature(cards, 'cites', erbm).map((c) => c.id)).toEqual(['erbm']);
    expect(cardsOfFeature(cards, 'cites-puits', puits1).map((c) => c.id)).toEqual(['unesco', 'puits-classes']);
    expect(cardsOfFeature(cards, 'cites-puits', puits2).map((c) => c.id)).toEqual(['unesco']);
  });

  it('a feature only counts for links on its own sublayer, even with matching properties', () => {
    expect(cardsOfFeature(cards, 'cites-batis', unesco1)).toEqual([]);
    expect(cardsOfFeature(cards, 'ev5-troncons', unesco1).map((c) => c.id)).toEqual(['velo']);
  });

  it('a feature with null properties only matches unfiltered links', () => {
    expect(cardsOfFeature(cards, 'cites-puits', noProps).map((c) => c.id)).toEqual(['unesco']);
  });

  it('no cards, no result; a card without links covers nothing', () => {
    expect(cardsOfFeature([], 'cites', unesco1)).toEqual([]);
    expect(cardsOfFeature([card('seule', [])], 'cites', unesco1)).toEqual([]);
  });

  it('agrees with cardFeatures: a card lists a feature iff the feature lists the card', () => {
    for (const [sublayerId, d] of Object.entries(data)) {
      if (d.state !== 'ok') continue;
      for (const feature of d.features) {
        for (const c of cards) {
          const inCard = cardFeatures(c, data).some((l) => l.sublayerId === sublayerId && l.features.includes(feature));
          expect(cardsOfFeature(cards, sublayerId, feature).includes(c), `${c.id} / ${sublayerId}`).toBe(inCard);
        }
      }
    }
  });
});
