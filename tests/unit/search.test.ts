// The header's search: accent- and case-insensitive matching, ranking, grouping by kind (communes,
// each sublayer, QPV, report cards), on small data written for the test.
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import type { BuiltCard } from '../../layers/cards';
import type { LayerData } from '../../src/app/data/useLayerData';
import { normalise } from '../../src/app/search/normalise';
import { buildSearchIndex, GROUP_ORDER, search } from '../../src/app/search/search-index';

const point = (properties: Record<string, unknown>): GeoFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.8, 50.4] },
  properties,
});

const data: LayerData = {
  communes: { state: 'ok', features: ['Lens', 'Liévin', 'Éleu-dit-Leauwette', 'Loos-en-Gohelle'].map((nom, i) => point({ nom, code: `6200${i}` })) },
  territoire: { state: 'ok', features: [point({ nom: "Communauté d'Agglomération de Lens-Liévin" })] },
  'parcs-terrils': {
    state: 'ok',
    features: [
      point({ nom: '7 de Liévin', communes: 'Avion' }),
      point({ nom: 'Terril du Pinchonvalles', communes: 'Avion, Liévin' }),
      point({ nom: 'Base 11/19', communes: 'Loos-en-Gohelle' }),
    ],
  },
  'parcs-cavaliers': {
    state: 'ok',
    features: [
      point({ nom: 'Cavalier de Lens', communes: 'Lens' }),
      point({ nom: 'Cavalier de Lens', communes: 'Lens' }),
      point({ nom: 'Cavalier de Lens', communes: 'Liévin' }),
    ],
  },
  'qpv-communes': {
    state: 'ok',
    features: [
      point({ nom: 'Harnes', qpv_noms: 'Cité Bellevue' }),
      point({ nom: 'Liévin', qpv_noms: ['Calonne - Marichelles - Vent De Bise', 'Blum - Salengro - 109'] }),
    ],
  },
  'cites-puits': { state: 'chargement' },
};

const cards = [
  { id: 'ev5', title: 'EuroVelo 5 : la véloroute sur le territoire', theme: 'Mobilités', summary: 'Le tracé à Liévin' },
  { id: 'cites', title: "Cités minières : l'ERBM", theme: 'Habitat', summary: 'Renouvellement' },
] as BuiltCard[];

const index = buildSearchIndex(data, cards);
const groupsOf = (text: string) => search(index, text).map((g) => [g.group, g.total, g.entries.map((e) => e.label)]);

describe('normalise', () => {
  it.each([
    ['Liévin', 'lievin'],
    ['LIÉVIN', 'lievin'],
    ['Éleu-dit-Leauwette', 'eleu dit leauwette'],
    ['  Base   11/19 ', 'base 11 19'],
    ['Œuvre', 'oeuvre'],
    ["l'Engagement", 'l engagement'],
  ])('%s → %s', (text, folded) => expect(normalise(text)).toBe(folded));
});

describe('search', () => {
  it('"lievin" finds Liévin, first among communes, then features and cards that name it', () => {
    const groups = search(index, 'lievin');
    expect(groups[0].group).toBe('communes');
    expect(groups[0].entries[0].label).toBe('Liévin');
    expect(groups[0].entries[0].target).toEqual({ kind: 'feature', sublayerId: 'communes', index: 1 });
    expect(groups.map((g) => g.group)).toEqual(['communes', 'ma-commune', 'parcs-terrils', 'parcs-cavaliers', 'qpv', 'fiches']);
    // « Ma commune »: the commune's page, right after the commune on the map.
    expect(groups[1].entries[0].label).toBe('Liévin');
    expect(groups[1].entries[0].target).toEqual({ kind: 'commune', code: '62001' });
  });

  it('is insensitive to case and accents in both directions', () => {
    const eleu = [
      ['communes', 1, ['Éleu-dit-Leauwette']],
      ['ma-commune', 1, ['Éleu-dit-Leauwette']],
    ];
    expect(groupsOf('ÉLEU')).toEqual(eleu);
    expect(groupsOf('eleu dit')).toEqual(eleu);
  });

  it('ranks a name that starts with the query before one that only contains it', () => {
    const terrils = search(index, 'liev').find((g) => g.group === 'parcs-terrils')!;
    expect(terrils.entries.map((e) => e.label)).toEqual(['7 de Liévin', 'Terril du Pinchonvalles']);
    // The second matches through its communes only (detail), so it comes last.
  });

  it('needs every word: "terril avion" narrows to the terrils of Avion', () => {
    expect(groupsOf('terril avion')).toEqual([['parcs-terrils', 1, ['Terril du Pinchonvalles']]]);
  });

  it('offers a repeated name once per distinct detail (cavalier sections)', () => {
    expect(groupsOf('cavalier de lens')).toEqual([['parcs-cavaliers', 2, ['Cavalier de Lens', 'Cavalier de Lens']]]);
  });

  it('finds QPV by name and leads to the commune that has them', () => {
    const qpv = search(index, 'bellevue');
    expect(qpv).toHaveLength(1);
    expect(qpv[0].group).toBe('qpv');
    expect(qpv[0].entries[0]).toMatchObject({
      label: 'Cité Bellevue',
      detail: 'Harnes',
      target: { kind: 'feature', sublayerId: 'qpv-communes', index: 0 },
    });
    expect(groupsOf('salengro')).toEqual([['qpv', 1, ['Blum - Salengro - 109']]]);
  });

  it('finds report cards by title, theme or summary', () => {
    expect(search(index, 'veloroute')[0].entries[0].target).toEqual({ kind: 'card', cardId: 'ev5' });
    expect(search(index, 'habitat')[0].entries[0].target).toEqual({ kind: 'card', cardId: 'cites' });
  });

  it('skips the territory and sublayers still loading; an empty query finds nothing', () => {
    expect(search(index, 'agglomeration')).toEqual([]);
    expect(search(index, '   ')).toEqual([]);
    expect(index.some((e) => e.group === 'cites-puits')).toBe(false);
  });

  it('caps each group and keeps the full count', () => {
    const many: LayerData = { communes: { state: 'ok', features: Array.from({ length: 20 }, (_, i) => point({ nom: `Commune ${i}` })) } };
    const [g] = search(buildSearchIndex(many, []), 'commune', 6);
    expect(g.total).toBe(20);
    expect(g.entries).toHaveLength(6);
  });

  it('orders groups as the panel does: communes first, then the cards, the report text last', () => {
    expect(GROUP_ORDER[0]).toBe('communes');
    expect(GROUP_ORDER.slice(-2)).toEqual(['fiches', 'texte']);
    expect(GROUP_ORDER).toContain('qpv');
  });
});
