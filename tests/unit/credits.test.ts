import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../layers/types';
import { attributionSentence, creditsFromCatalog, importCredit, mergeCredits, OSM_NOTICE } from '../../src/core/credits';
import type { Credit } from '../../src/core/types';

const CREDITS: Credit[] = [
  {
    producer: 'Mission Bassin Minier Nord-Pas de Calais',
    date: '2018 / 2026',
    licence: 'Licence Ouverte / Etalab 2.0',
    attribution: 'Mission Bassin Minier Nord-Pas de Calais – données UNESCO / zone tampon',
  },
  {
    producer: "© les contributeurs d'OpenStreetMap, export Waymarked Trails",
    date: '2022-01-23',
    licence: 'ODbL 1.0',
    attribution: "Itinéraire EuroVelo 5 : © les contributeurs d'OpenStreetMap (ODbL)",
  },
];

const layer = (id: string, sublayers: string[], sources: string[]): Catalog['layers'][number] => ({
  id,
  title: id,
  status: 'ok',
  sublayers: sublayers.map((s) => ({ id: s, title: s, file: `${s}.fgb`, featureCount: 1, bounds: null, geometry: 'point' })),
  metrics: [],
  items: [],
  sources,
  report: { read: 0, kept: 0, repaired: 0, skipped: 0, messages: [] },
});

const source = (id: string, producer: string, vintage: string, licence: string, origin: 'miroir' | 'absente' = 'miroir') => ({
  id,
  title: id,
  producer,
  vintage,
  licence,
  attribution: `${producer} – ${id}`,
  origin,
  sha256: null,
});

const catalog: Catalog = {
  version: 1,
  generatedAt: '2026-01-01T00:00:00Z',
  territory: { name: 'CALL', epci: '246200364', bounds: [2.6, 50.3, 3.0, 50.5] },
  layers: [
    layer('parcs', ['parcs-terrils', 'parcs-espaces'], ['terrils-unesco', 'terrils-zt', 'perimetres']),
    layer('cites', ['cites', 'cites-puits'], ['cites-unesco', 'terrils-unesco']),
    layer('ev5', ['ev5-troncons'], ['ev5-gpx']),
  ],
  sources: [
    source('terrils-unesco', 'Mission Bassin Minier', '2018', 'Licence Ouverte / Etalab 2.0'),
    source('terrils-zt', 'Mission Bassin Minier', '2026', 'Licence Ouverte / Etalab 2.0'),
    source('perimetres', 'CA de Lens-Liévin', 'en service', 'à confirmer', 'absente'),
    source('cites-unesco', 'Mission Bassin Minier', '2018', 'Licence Ouverte / Etalab 2.0'),
    source('ev5-gpx', "© les contributeurs d'OpenStreetMap", '2022-01-23', 'ODbL 1.0'),
  ],
  inputsDigest: 'x',
};

describe('creditsFromCatalog', () => {
  it('credits the sources of the layers owning the sublayers, once each, without absent sources', () => {
    const credits = creditsFromCatalog(catalog, ['parcs-terrils', 'cites-puits', 'parcs-espaces']);
    expect(credits.map((c) => c.attribution)).toEqual([
      'Mission Bassin Minier – terrils-unesco',
      'Mission Bassin Minier – terrils-zt',
      'Mission Bassin Minier – cites-unesco',
    ]);
    expect(credits[0]).toEqual({
      producer: 'Mission Bassin Minier',
      date: '2018',
      licence: 'Licence Ouverte / Etalab 2.0',
      attribution: 'Mission Bassin Minier – terrils-unesco',
    });
  });

  it('returns nothing for unknown sublayers', () => {
    expect(creditsFromCatalog(catalog, ['inconnue'])).toEqual([]);
  });
});

describe('importCredit', () => {
  it('names the file, keeps the day of import and says the licence is unknown', () => {
    const credit = importCredit('corridor vélo.zip', '2026-03-14T09:26:53.589Z');
    expect(credit).toEqual({
      producer: 'Fichier importé « corridor vélo.zip »',
      date: '2026-03-14',
      licence: 'selon le fichier source',
      attribution: expect.stringContaining('« corridor vélo.zip »'),
    });
  });
});

describe('mergeCredits', () => {
  it('deduplicates identical credits across lists, first seen first', () => {
    const imported = importCredit('a.geojson', '2026-01-02');
    expect(mergeCredits([CREDITS[1]], CREDITS, [imported, { ...CREDITS[1] }])).toEqual([CREDITS[1], CREDITS[0], imported]);
  });
});

describe('attributionSentence', () => {
  it('is one French line with producers, dates, licences, the OSM notice and the Atlas', () => {
    const sentence = attributionSentence(CREDITS);
    expect(sentence).toBe(
      'Sources : Mission Bassin Minier Nord-Pas de Calais (2018, 2026, Licence Ouverte / Etalab 2.0) ; ' +
        "© les contributeurs d'OpenStreetMap, export Waymarked Trails (2022-01-23, ODbL 1.0) ; " +
        "© les contributeurs d'OpenStreetMap (ODbL). Réalisé avec l'Atlas Lens-Liévin.",
    );
    expect(sentence).not.toMatch(/\n/);
  });

  it('groups dates of one producer and licence, like the map attribution', () => {
    const credits = creditsFromCatalog(catalog, ['parcs-terrils', 'cites']);
    expect(attributionSentence(credits)).toBe(
      "Sources : Mission Bassin Minier (2018, 2026, Licence Ouverte / Etalab 2.0). Réalisé avec l'Atlas Lens-Liévin.",
    );
  });

  it('adds the ODbL notice only when a licence is ODbL', () => {
    expect(attributionSentence([CREDITS[0]])).not.toContain(OSM_NOTICE);
    expect(attributionSentence(creditsFromCatalog(catalog, ['ev5-troncons']))).toContain(OSM_NOTICE);
  });

  it('keeps a file name with a line break on one line, and still credits the Atlas with no source', () => {
    expect(attributionSentence([importCredit('a\nb.kml', '2026-01-02')])).toBe(
      "Sources : Fichier importé « a b.kml » (2026-01-02, selon le fichier source). Réalisé avec l'Atlas Lens-Liévin.",
    );
    expect(attributionSentence([])).toBe("Réalisé avec l'Atlas Lens-Liévin.");
  });
});
