// Decks: editing operations, the view a slide saves and restores, the default deck's order, the
// file format (French refusals naming the place), the link codec and its size limit.
import { describe, expect, it } from 'vitest';
import type { BuiltCard, CardsFile } from '../../layers/cards';
import { translate, type MessageKey, type Params } from '../../src/app/i18n';
import {
  addSlide,
  captureView,
  cardSlide,
  clampSlide,
  copyDeck,
  createDeck,
  editSlide,
  moveSlide,
  removeSlide,
  renameDeck,
  slideTarget,
  viewSlide,
} from '../../src/app/present/deck/model';
import { defaultDeck, reportOrder } from '../../src/app/present/deck/default-deck';
import { decodeDeck, encodeDeck, SHARE_LIMIT } from '../../src/app/present/deck/share-codec';
import { DECK_FILE_TYPE, type Deck } from '../../src/core/deck/types';
import { checkDeckFile, deckFileName, deckToFile, readDeckText, type KnownIds } from '../../src/app/present/deck/validate';
import { defaultVisibility } from '../../src/app/state/visibility';
import { knownIds } from '../../src/app/present/state/useDecks';

const t = (key: MessageKey, params?: Params) => translate('fr', key, params);
const known: KnownIds = { ...knownIds({ status: 'chargement' }), cards: new Set(['ev5', 'npnru']) };
const NOW = '2026-12-01T10:00:00.000Z';

function sampleDeck(): Deck {
  let deck = createDeck('Conseil du 12 décembre', NOW);
  const view = captureView({
    camera: { zoom: 12.123456, lat: 50.4312345, lon: 2.8312345 },
    visibility: { layers: new Set(['ev5', 'communes']), sublayers: new Set(['ev5-troncons', 'communes']) },
    basemap: 'atlas',
    selection: { sublayerId: 'communes', index: 3 },
    card: 'ev5',
  });
  deck = addSlide(deck, viewSlide('EV5 à Lens', view, 'Tronçon prioritaire'), undefined, NOW);
  deck = addSlide(deck, cardSlide('npnru', 'Le NPNRU'), undefined, NOW);
  deck = addSlide(deck, viewSlide('Vue générale', captureView({ visibility: defaultVisibility(), basemap: 'osm' })), undefined, NOW);
  return deck;
}

describe('deck editing', () => {
  it('adds, moves, edits, removes and renames, each time a new deck', () => {
    const deck = sampleDeck();
    expect(deck.slides.map((s) => s.title)).toEqual(['EV5 à Lens', 'Le NPNRU', 'Vue générale']);
    const moved = moveSlide(deck, 2, -2, NOW);
    expect(moved.slides.map((s) => s.title)).toEqual(['Vue générale', 'EV5 à Lens', 'Le NPNRU']);
    expect(deck.slides[0].title).toBe('EV5 à Lens');
    expect(moveSlide(deck, 0, -1)).toBe(deck);
    expect(moveSlide(deck, 2, 1)).toBe(deck);
    const edited = editSlide(deck, 1, { title: 'NPNRU : 4 quartiers', note: 'x'.repeat(3000) }, NOW);
    expect(edited.slides[1].title).toBe('NPNRU : 4 quartiers');
    expect(edited.slides[1].note).toHaveLength(2000);
    expect(removeSlide(deck, 0, NOW).slides.map((s) => s.title)).toEqual(['Le NPNRU', 'Vue générale']);
    expect(renameDeck(deck, 'Réunion publique', NOW).title).toBe('Réunion publique');
    const copy = copyDeck(deck, 'Copie');
    expect(copy.id).not.toBe(deck.id);
    expect(copy.slides.map((s) => s.id)).not.toEqual(deck.slides.map((s) => s.id));
    expect(copy.slides.map((s) => s.title)).toEqual(deck.slides.map((s) => s.title));
  });

  it('ids follow the address syntax, slide numbers stay inside the deck', () => {
    const deck = sampleDeck();
    expect(deck.id).toMatch(/^jeu-[a-z0-9]+$/);
    for (const s of deck.slides) expect(s.id).toMatch(/^[a-z0-9-]+$/);
    expect(clampSlide(0, deck)).toBe(1);
    expect(clampSlide(99, deck)).toBe(3);
    expect(clampSlide(Number.NaN, deck)).toBe(1);
    expect(clampSlide(2, { slides: [] })).toBe(1);
  });

  it('a saved view restores what it saved; a card slide opens its card and lets it frame itself', () => {
    const [view, card] = sampleDeck().slides;
    const target = slideTarget(view);
    expect(target.url).toEqual({
      layers: ['ev5', 'communes'],
      sublayers: ['ev5-troncons', 'communes'],
      basemap: 'atlas',
      selection: { sublayerId: 'communes', index: 3 },
      card: 'ev5',
      camera: { zoom: 12.12, lat: 50.43123, lon: 2.83123 },
    });
    expect(target.camera).toEqual({ center: [2.83123, 50.43123], zoom: 12.12 });
    expect(slideTarget(card)).toEqual({ url: { card: 'npnru' }, camera: null });
  });
});

function card(id: string, part: string, theme: string, section: string, more: Partial<BuiltCard> = {}): BuiltCard {
  return { id, title: `Fiche ${id}`, part, theme, section, figures: [], ...more } as unknown as BuiltCard;
}

describe('default deck', () => {
  const P1 = 'Partie 1 : le fonctionnement interne des services';
  const P2 = 'Partie 2 : les actions menées sur le territoire de la CALL et envers sa population';
  const cards = [
    card('habitat', P2, "Une politique de l'habitat durable au service du développement urbain", '3- L’habitat'),
    card('velo', P2, 'Une politique de mobilités attractive et engagée', '1-Déplacements partagés (2)'),
    card('ev5', P2, 'Une politique de mobilités attractive et engagée', '1-Déplacements partagés'),
    card('alouette', P2, 'Une politique de mobilités attractive et engagée', '2-Améliorer la mobilité des salariés'),
    card('eau', P2, "Une politique des services urbains et d'écologie urbaine", "4- La gestion et le traitement de l'eau potable"),
    card('dechets', P2, "Une politique des services urbains et d'écologie urbaine", '1- Bilan de la collecte'),
    card('port', P2, 'Une politique économique durable', 'Port Fluvial de Harnes', {
      title: 'A port',
      figures: [{ section: '3–Une attractivité confirmée' }],
    } as Partial<BuiltCard>),
    card('attractivite', P2, 'Une politique économique durable', '3–Une attractivité confirmée', { title: 'Z attractivité' }),
    card('ads', P1, 'La mutualisation avec nos communes', '1 - Mise en commun', { sectionOccurrence: 2, title: 'A ADS' }),
    card('accompagnement', P1, 'La mutualisation avec nos communes', '2 - Accompagnement et conseils'),
    card('interne', P1, 'La mutualisation avec nos communes', '1 - Mise en commun', { title: 'Z groupements' }),
    card('gestes', P1, "Une stratégie d'amélioration continue pour les ressources internes", '1 - Les gestes éco-responsables'),
    card(
      'projet',
      'Projet de territoire de la Communauté d’Agglomération de Lens-Liévin à l’horizon 2030',
      'La « trajectoire » du territoire',
      'Une ambition',
    ),
  ];

  it('follows the report: the territorial project, part 1, then the themes of part 2 by their page, sections by number', () => {
    expect(reportOrder(cards).map((c) => c.id)).toEqual([
      'projet',
      'gestes',
      'interne',
      'ads',
      'accompagnement',
      'ev5',
      'velo',
      'alouette',
      'attractivite',
      'port',
      'dechets',
      'eau',
      'habitat',
    ]);
  });

  it('opens on the territory, then one slide per card', () => {
    const file = { version: 1, report: { title: 'Rapport 2019-2020', date: '28 janvier 2021', act: 'x' }, cards } as CardsFile;
    const deck = defaultDeck(file, [2.6, 50.3, 3.0, 50.5], defaultVisibility(), { openingTitle: 'Le territoire', openingNote: 'Note' });
    expect(deck.id).toBe('rapport');
    expect(deck.title).toBe('Rapport 2019-2020');
    expect(deck.slides).toHaveLength(cards.length + 1);
    expect(slideTarget(deck.slides[0]).camera).toEqual({ bounds: [2.6, 50.3, 3.0, 50.5] });
    expect(deck.slides[1]).toMatchObject({ kind: 'fiche', card: 'projet', title: 'Fiche projet' });
  });
});

describe('deck files', () => {
  it('round-trips through the file format, with new ids', () => {
    const deck = sampleDeck();
    const read = readDeckText(JSON.stringify(deckToFile(deck)), 'jeu.json', t, known, NOW);
    expect(read.warnings).toEqual([]);
    expect(read.deck.title).toBe(deck.title);
    expect(read.deck.slides.map((s) => ({ ...s, id: '' }))).toEqual(deck.slides.map((s) => ({ ...s, id: '' })));
    expect(read.deck.id).not.toBe(deck.id);
    expect(deckFileName(deck)).toBe('jeu-conseil-du-12-decembre.json');
  });

  it('refuses what is not a deck, in French, naming the file and the place', () => {
    expect(() => readDeckText('{"type": "x",\n  "version": 1', 'cassé.json', t, known)).toThrow(
      /Le fichier « cassé\.json » n’est pas un JSON valide/,
    );
    expect(() => readDeckText('[1, 2]', 'liste.json', t, known)).toThrow(
      'Le fichier « liste.json » n’est pas un jeu de diapositives de l’Atlas Lens-Liévin (champ « type » absent ou différent).',
    );
    expect(() => checkDeckFile({ type: DECK_FILE_TYPE, version: 2, deck: {} }, 'v2.json', t, known)).toThrow(
      'version 2 : cette version de l’atlas lit la version 1',
    );
    const file = deckToFile(sampleDeck()) as unknown as { deck: { slides: Record<string, unknown>[] } };
    delete file.deck.slides[1].card;
    (file.deck.slides[0].view as Record<string, unknown>).camera = { zoom: 40, lat: 50, lon: 2 };
    file.deck.slides[2].extra = true;
    let message = '';
    try {
      checkDeckFile(file, 'jeu.json', t, known);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Le fichier « jeu\.json » n’est pas un jeu de diapositives valide : /);
    expect(message).toContain('diapositive 1 › vue › caméra › zoom : valeur hors limites (22)');
    expect(message).toContain('diapositive 2 : il manque « fiche »');
    expect(message).toContain('diapositive 3 : champ inconnu « extra »');
  });

  it('drops what this build does not know, and says so', () => {
    const deck = sampleDeck();
    const file = deckToFile(deck);
    const slides = file.deck.slides.map((s) =>
      s.kind === 'vue'
        ? { ...s, view: { ...s.view, layers: [...s.view.layers, 'ancienne-couche'], imported: ['import-1'] } }
        : { ...s, card: 'fiche-disparue' },
    );
    const read = checkDeckFile({ ...file, deck: { ...file.deck, slides } }, 'jeu.json', t, known);
    expect(read.deck.slides).toHaveLength(2);
    expect(read.deck.slides[0].kind === 'vue' && read.deck.slides[0].view.layers).toEqual(['ev5', 'communes']);
    expect(read.warnings).toEqual([
      'Diapositive 1 : couches inconnues de cette version ignorées (ancienne-couche).',
      'Diapositive 1 : elle montre des couches importées, qui n’existent que dans le navigateur où elles ont été déposées.',
      'Diapositive 2 retirée : la fiche « fiche-disparue » n’existe pas dans cette version de l’atlas.',
      'Diapositive 3 : couches inconnues de cette version ignorées (ancienne-couche).',
      'Diapositive 3 : elle montre des couches importées, qui n’existent que dans le navigateur où elles ont été déposées.',
    ]);
  });
});

describe('deck links', () => {
  it('encodes a small deck compactly and reads it back', () => {
    const deck = sampleDeck();
    const encoded = encodeDeck(deck);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.value).toMatch(/^1\.[\w-]+$/);
    expect(encoded.length).toBeLessThan(JSON.stringify(deck).length);
    const read = checkDeckFile(decodeDeck(encoded.value), 'lien', t, known);
    expect(read.deck.slides.map((s) => s.title)).toEqual(deck.slides.map((s) => s.title));
  });

  it('refuses a deck too big for a link, and a cut or altered link', () => {
    let deck = createDeck('Gros jeu', NOW);
    // Random notes do not compress: the limit is reached.
    for (let i = 0; i < 12; i++)
      deck = addSlide(
        deck,
        viewSlide(
          `Vue ${i}`,
          captureView({ visibility: defaultVisibility(), basemap: 'atlas' }),
          Array.from({ length: 400 }, () => Math.random().toString(36)[2]).join(''),
        ),
      );
    const encoded = encodeDeck(deck);
    expect(encoded).toMatchObject({ ok: false, limit: SHARE_LIMIT });
    expect(encoded.length).toBeGreaterThan(SHARE_LIMIT);
    const ok = encodeDeck(sampleDeck());
    if (!ok.ok) throw new Error('small deck');
    expect(decodeDeck(ok.value.slice(0, -6))).toBeNull();
    expect(decodeDeck('2.abc')).toBeNull();
    expect(decodeDeck(`1.${'A'.repeat(5 * SHARE_LIMIT)}`)).toBeNull();
  });
});
