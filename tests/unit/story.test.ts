// The story (#recit) reads the report's deck definitions: its chapters are the deck's card slides in
// the same order, and each chapter's map is the card's focus, framed on its features (the territory
// when the card has none loaded).
import { describe, expect, it } from 'vitest';
import type { BuiltCard, CardsFile } from '../../layers/cards';
import type { Bounds, GeoFeature } from '../../layers/types';
import { defaultDeck } from '../../src/app/present/deck/default-deck';
import { defaultVisibility } from '../../src/app/state/visibility';
import { focusVisibility } from '../../src/app/state/focus';
import { chapterBounds, chapterCounts, chapterVisibility, storyChapters } from '../../src/app/story/chapters';
import type { LayerData } from '../../src/app/data/useLayerData';

const P1 = 'Partie 1 : le fonctionnement interne des services';
const P2 = 'Partie 2 : les actions menées sur le territoire de la CALL et envers sa population';
const card = (id: string, part: string, theme: string, section: string, links: BuiltCard['links'] = []): BuiltCard =>
  ({ id, title: `Fiche ${id}`, part, theme, section, figures: [], links }) as unknown as BuiltCard;

const cards = [
  card('eau', P2, "Une politique des services urbains et d'écologie urbaine", "4- La gestion et le traitement de l'eau potable"),
  card('ev5', P2, 'Une politique de mobilités attractive et engagée', '1-Déplacements partagés', [{ sublayer: 'ev5-troncons' }]),
  card('gestes', P1, "Une stratégie d'amélioration continue pour les ressources internes", '1 - Les gestes éco-responsables'),
  card('terrils', P2, 'Une politique du cadre de vie', '2- Les terrils', [
    { sublayer: 'parcs-terrils', filter: { field: 'nom', values: ['Terril B'] } },
  ]),
];
const file = { version: 1, report: { title: 'Rapport', date: '28 janvier 2021', act: 'x' }, cards } as unknown as CardsFile;
const TERRITORY: Bounds = [2.6, 50.3, 3.0, 50.5];

const square = (nom: string, x: number, y: number): GeoFeature =>
  ({
    type: 'Feature',
    properties: { nom },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + 0.01, y],
          [x + 0.01, y + 0.01],
          [x, y + 0.01],
          [x, y],
        ],
      ],
    },
  }) as GeoFeature;

describe('story chapters', () => {
  it('are the report deck’s card slides, in the same order', () => {
    const deck = defaultDeck(file, TERRITORY, defaultVisibility(), { openingTitle: 'T', openingNote: '' });
    const slideCards = deck.slides.flatMap((s) => (s.kind === 'fiche' ? [s.card] : []));
    expect(storyChapters(file).map((c) => c.id)).toEqual(slideCards);
    expect(slideCards).toEqual(['gestes', 'ev5', 'eau', 'terrils']);
  });

  it('show the card’s focus on the map, and only the territory before the first chapter', () => {
    expect(chapterVisibility(cards[1])).toEqual(focusVisibility(cards[1]));
    expect([...chapterVisibility(cards[1]).sublayers].sort()).toEqual(['communes', 'ev5-troncons', 'territoire']);
    expect([...chapterVisibility(null).layers]).toEqual(['communes']);
    expect([...chapterVisibility(null).sublayers].sort()).toEqual(['communes', 'territoire']);
  });

  it('frame the card’s own features (its filter applied), else the territory', () => {
    const data = {
      'parcs-terrils': { state: 'ok', features: [square('Terril A', 2.7, 50.4), square('Terril B', 2.8, 50.42)] },
    } as unknown as LayerData;
    const [w, s, e, n] = chapterBounds(cards[3], data, TERRITORY);
    expect(w).toBeCloseTo(2.8, 6);
    expect(s).toBeCloseTo(50.42, 6);
    expect(e).toBeCloseTo(2.81, 6);
    expect(n).toBeCloseTo(50.43, 6);
    // EV5 not loaded, and a card without links: the territory.
    expect(chapterBounds(cards[1], data, TERRITORY)).toEqual(TERRITORY);
    expect(chapterBounds(cards[0], data, TERRITORY)).toEqual(TERRITORY);
    expect(chapterBounds(null, data, TERRITORY)).toEqual(TERRITORY);
  });

  it('count what the map shows of each declared sublayer; a sublayer without data has no count', () => {
    const data = {
      'parcs-terrils': { state: 'ok', features: [square('Terril A', 2.7, 50.4), square('Terril B', 2.8, 50.42)] },
    } as unknown as LayerData;
    expect([...chapterCounts(cards[3], data)]).toEqual([['parcs-terrils', 1]]);
    expect([...chapterCounts(cards[1], data)]).toEqual([]);
  });
});
