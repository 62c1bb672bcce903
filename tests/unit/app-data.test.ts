// The app's data loading (src/core/data/catalog.ts, cards.ts, fgb.ts, useLayerData.ts) with a stubbed
// fetch: what the user reads when the catalog, the cards or a layer file is missing or broken.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { layerDefinitions } from '../../layers/index';
import type { BuiltCard, CardsFile } from '../../layers/cards';
import type { Catalog, CatalogLayer } from '../../layers/types';
import { checkCatalog, fetchCatalog } from '../../src/core/data/catalog';
import { checkCardsFile, fetchCards, findCard, type CardsState } from '../../src/app/data/cards';
import { loadFeatures } from '../../src/core/fgb/read';
import { allSettled, initialLayerData, type LayerData } from '../../src/app/data/useLayerData';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import { box, point } from '../fixtures/territory';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** fetch answering with a body (string or bytes) and a status; records the URLs asked for. */
function stubFetch(body: string | Uint8Array, status = 200) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body as BodyInit, { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}
function stubFetchFailure() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
  );
}

const catalogLayer = (id: string, over: Partial<CatalogLayer> = {}): CatalogLayer => {
  const def = layerDefinitions.find((l) => l.id === id)!;
  return {
    id,
    title: def.title,
    status: 'ok',
    sublayers: def.sublayers.map((s) => ({ id: s.id, title: s.title, file: `${s.id}.fgb`, featureCount: 1, bounds: null, geometry: s.geometry })),
    metrics: [],
    items: [],
    sources: [],
    report: { read: 0, kept: 0, repaired: 0, skipped: 0, messages: [] },
    ...over,
  };
};

const catalog = (layers: CatalogLayer[]): Catalog => ({
  version: 1,
  generatedAt: '2025-01-01T00:00:00Z',
  territory: { name: 'CALL', epci: '246200364', bounds: [2.6, 50.3, 3.0, 50.5] },
  layers,
  sources: [],
  inputsDigest: 'x',
});

describe('checkCatalog', () => {
  it('accepts a minimal catalog and returns it as is', () => {
    const c = catalog([]);
    expect(checkCatalog(c)).toBe(c);
  });

  it.each([
    ['null', null, /version inconnue/],
    ['an array', [], /version inconnue/],
    ['version 2', { ...catalog([]), version: 2 }, /version inconnue/],
    ['version "1"', { ...catalog([]), version: '1' }, /version inconnue/],
    ['no territory', { ...catalog([]), territory: undefined }, /emprise du territoire/],
    ['bounds of 3 numbers', { ...catalog([]), territory: { bounds: [1, 2, 3] } }, /emprise du territoire/],
    ['no layers', { ...catalog([]), layers: undefined }, /liste de couches/],
    ['no sources', { ...catalog([]), sources: {} }, /liste de couches ou de sources/],
  ])('rejects %s with a French message', (_label, json, message) => {
    expect(() => checkCatalog(json)).toThrow(message);
  });
});

describe('fetchCatalog', () => {
  it('reads ./data/catalog.json by default', async () => {
    const fetch = stubFetch(JSON.stringify(catalog([])));
    await expect(fetchCatalog()).resolves.toMatchObject({ version: 1 });
    expect(fetch.mock.calls[0][0]).toBe('./data/catalog.json');
  });

  it('network failure, HTTP error and invalid JSON each give their own French message', async () => {
    stubFetchFailure();
    await expect(fetchCatalog()).rejects.toThrow('le catalogue des données est injoignable (réseau).');
    stubFetch('not found', 404);
    await expect(fetchCatalog()).rejects.toThrow(/introuvable \(HTTP 404\).*npm run data/);
    stubFetch('{"version":1,');
    await expect(fetchCatalog()).rejects.toThrow("le catalogue des données n'est pas un JSON valide.");
    stubFetch('{"version":7}');
    await expect(fetchCatalog()).rejects.toThrow('catalogue de version inconnue.');
  });
});

const goodCard = (id: string): BuiltCard => ({
  id,
  title: `Fiche ${id}`,
  summary: 's',
  part: 'p',
  theme: 't',
  section: 'x',
  finalites: { values: ['climat'], origin: 'rapport' },
  officials: [],
  partners: ['CALL'],
  perspectives: [],
  figures: [{ id: 'f', label: 'Longueur', value: 37, unit: 'km', quote: '37 km', section: 'x' }],
  links: [{ sublayer: 'ev5-troncons' }],
  measured: {},
  mapMeasured: [],
});
const cardsFile = (cards: unknown[]): CardsFile =>
  ({ version: 1, report: { title: 'Rapport', date: '2024', act: 'délibération' }, cards }) as unknown as CardsFile;

describe('checkCardsFile', () => {
  it('accepts a well-formed file', () => {
    const file = cardsFile([goodCard('ev5'), goodCard('parcs')]);
    expect(checkCardsFile(file)).toBe(file);
    expect(checkCardsFile(cardsFile([])).cards).toEqual([]);
  });

  it('rejects an unknown version, a missing report reference or card list', () => {
    expect(() => checkCardsFile({ ...cardsFile([]), version: 2 })).toThrow('fichier des fiches de version inconnue.');
    expect(() => checkCardsFile({ ...cardsFile([]), report: { title: 'R' } })).toThrow('fichier des fiches sans référence du rapport.');
    expect(() => checkCardsFile({ ...cardsFile([]), cards: {} })).toThrow('fichier des fiches sans liste de fiches.');
  });

  it('names the faulty card by position when it has no id, by id otherwise', () => {
    expect(() => checkCardsFile(cardsFile([goodCard('a'), { title: 'sans id' }]))).toThrow('fiche n° 2 sans identifiant ni titre.');
    expect(() => checkCardsFile(cardsFile([null]))).toThrow('fiche n° 1 sans identifiant ni titre.');
    const { links: _links, ...noLinks } = goodCard('ev5');
    expect(() => checkCardsFile(cardsFile([noLinks]))).toThrow('fiche « ev5 » incomplète.');
  });

  it.each([
    ['a figure value given as text', (c: BuiltCard) => ({ ...c, figures: [{ ...c.figures[0], value: '37' }] })],
    ['partners not all text', (c: BuiltCard) => ({ ...c, partners: ['CALL', 3] })],
    ['finalités not a list', (c: BuiltCard) => ({ ...c, finalites: { values: 'climat', origin: 'rapport' } })],
    ['measured missing', (c: BuiltCard) => ({ ...c, measured: undefined })],
    ['charts not a list', (c: BuiltCard) => ({ ...c, charts: {} })],
    ['no summary', (c: BuiltCard) => ({ ...c, summary: undefined })],
  ])('a card with %s is reported incomplete', (_label, breakIt) => {
    expect(() => checkCardsFile(cardsFile([breakIt(goodCard('ev5'))]))).toThrow('fiche « ev5 » incomplète.');
  });

  // BUG (src/app/data/cards.ts, checkCardsFile): `mapMeasured` (added with MapMeasures.tsx) is required
  // by BuiltCard and read unguarded by MapMeasures (`card.mapMeasured.length`), but not checked. A
  // cards.json written before that field (stale public/data, hand-edited file) passes the check and
  // opening any card throws "Cannot read properties of undefined (reading 'length')" instead of the
  // Rapport tab's message. Expected: « fiche « ev5 » incomplète. ».
  it('a card without mapMeasured is reported incomplete (the card view reads it)', () => {
    const { mapMeasured: _m, ...old } = goodCard('ev5');
    expect(() => checkCardsFile(cardsFile([old]))).toThrow('fiche « ev5 » incomplète.');
  });

  it('optional charts may be absent', () => {
    expect(() => checkCardsFile(cardsFile([{ ...goodCard('ev5'), charts: undefined }]))).not.toThrow();
  });
});

describe('fetchCards', () => {
  it('reads ./data/cards.json and passes the abort signal', async () => {
    const fetch = stubFetch(JSON.stringify(cardsFile([goodCard('ev5')])));
    const controller = new AbortController();
    const file = await fetchCards(undefined, controller.signal);
    expect(file.cards.map((c) => c.id)).toEqual(['ev5']);
    expect(fetch.mock.calls[0][0]).toBe('./data/cards.json');
    expect(fetch.mock.calls[0][1]?.signal).toBe(controller.signal);
  });

  it('network failure, HTTP error and invalid JSON each give their own French message', async () => {
    stubFetchFailure();
    await expect(fetchCards()).rejects.toThrow('les fiches du rapport sont injoignables (réseau).');
    stubFetch('', 500);
    await expect(fetchCards()).rejects.toThrow(/introuvables \(HTTP 500\)/);
    stubFetch('<html>');
    await expect(fetchCards()).rejects.toThrow("le fichier des fiches du rapport n'est pas un JSON valide.");
  });
});

describe('findCard', () => {
  const ok: CardsState = { status: 'ok', file: cardsFile([goodCard('ev5'), goodCard('parcs')]) };

  it('finds the card by id', () => {
    expect(findCard(ok, 'parcs')?.id).toBe('parcs');
  });

  it('no id, an unknown id (e.g. from an old link) or cards not loaded: no card', () => {
    expect(findCard(ok, null)).toBeNull();
    expect(findCard(ok, '')).toBeNull();
    expect(findCard(ok, 'supprimee')).toBeNull();
    expect(findCard({ status: 'chargement' }, 'ev5')).toBeNull();
    expect(findCard({ status: 'erreur', message: 'x' }, 'ev5')).toBeNull();
  });
});

describe('initialLayerData', () => {
  it('every sublayer of the definitions gets a state, even those the catalog lacks', () => {
    const data = initialLayerData(catalog([catalogLayer('ev5')]));
    const ids = layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id));
    expect(Object.keys(data).sort()).toEqual([...ids].sort());
    expect(data['ev5-troncons']).toEqual({ state: 'chargement' });
    expect(data.communes).toEqual({ state: 'erreur', message: 'couche absente du catalogue des données.' });
  });

  it("a layer in error passes on the pipeline's message (or a generic one) to all its sublayers", () => {
    const data = initialLayerData(
      catalog([catalogLayer('cites', { status: 'erreur', statusMessage: 'source absente' }), catalogLayer('ev5', { status: 'erreur' })]),
    );
    expect(data.cites).toEqual({ state: 'erreur', message: 'source absente' });
    expect(data['cites-puits']).toEqual({ state: 'erreur', message: 'source absente' });
    expect(data['ev5-troncons']).toEqual({ state: 'erreur', message: 'erreur lors de la préparation des données.' });
  });

  it('a sublayer without file has no geometry; one missing from its layer entry is an error', () => {
    const qpv = catalogLayer('qpv', { status: 'partiel' });
    qpv.sublayers[0].file = null;
    qpv.sublayers.splice(1, 1);
    const data = initialLayerData(catalog([qpv]));
    expect(data['qpv-contours']).toEqual({ state: 'sans-geometrie' });
    expect(data['qpv-communes']).toEqual({ state: 'erreur', message: 'sous-couche absente du catalogue des données.' });
  });
});

describe('allSettled', () => {
  it('false while nothing is known or something still loads; true once every sublayer is settled', () => {
    expect(allSettled({})).toBe(false);
    const data: LayerData = { a: { state: 'ok', features: [] }, b: { state: 'chargement' } };
    expect(allSettled(data)).toBe(false);
    expect(allSettled({ ...data, b: { state: 'erreur', message: 'x' } })).toBe(true);
    expect(allSettled({ a: { state: 'sans-geometrie' } })).toBe(true);
  });
});

describe('loadFeatures (FlatGeobuf over fetch)', () => {
  it('reads every feature with its geometry and properties from ./data/<file>', async () => {
    const bytes = writeFlatGeobuf([point(2.8, 50.4, { nom: 'Puits 11', n: 3 }), box(2.7, 50.3, 2.75, 50.35, { nom: 'Cité 9', n: 4 })]);
    const fetch = stubFetch(bytes);
    const features = await loadFeatures('cites.fgb');
    expect(fetch.mock.calls[0][0]).toBe('./data/cites.fgb');
    expect(features).toHaveLength(2);
    const names = features.map((f) => f.properties.nom).sort();
    expect(names).toEqual(['Cité 9', 'Puits 11']);
    for (const f of features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry).toBeTruthy();
    }
  });

  it('missing file, network failure and bytes that are not FlatGeobuf give French messages naming the file', async () => {
    stubFetch('', 404);
    await expect(loadFeatures('ev5.fgb')).rejects.toThrow('le fichier ev5.fgb est introuvable (HTTP 404).');
    stubFetchFailure();
    await expect(loadFeatures('ev5.fgb')).rejects.toThrow('le fichier ev5.fgb est injoignable (réseau).');
    stubFetch(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
    await expect(loadFeatures('ev5.fgb')).rejects.toThrow('le fichier ev5.fgb est illisible (FlatGeobuf invalide).');
  });

  it('an abort is passed on as is (not turned into a network message)', async () => {
    const controller = new AbortController();
    controller.abort();
    const abortError = new DOMException('aborted', 'AbortError');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(abortError)),
    );
    await expect(loadFeatures('ev5.fgb', controller.signal)).rejects.toBe(abortError);
  });
});
