import { describe, expect, it } from 'vitest';
import { citesPipeline } from '../../layers/cites/pipeline';
import { lsmId, mergeCites, outlineOverlap } from '../../layers/cites/merge';
import { box, boxAreaHa, fakeContext, features, point } from '../fixtures/territory';

// Outlines (all inside the territory lon 2.78 – 2.82, lat 50.40 – 50.44, except FAR).
const A_ERBM = [2.79, 50.41, 2.795, 50.415] as const;
const A_UNESCO = [2.7905, 50.4105, 2.7955, 50.4155] as const; // the inscribed outline of the same cité
const B = [2.805, 50.425, 2.81, 50.43] as const;
const C = [2.8, 50.405, 2.805, 50.41] as const;
const C_ZT = [2.8001, 50.4051, 2.8051, 50.4101] as const; // ≈ 96 % of C
const D = [2.812, 50.432, 2.816, 50.436] as const;
const D_HALF = [2.814, 50.432, 2.818, 50.436] as const; // 50 % of D
const FAR = [2.9, 50.5, 2.905, 50.505] as const;
type Box = readonly [number, number, number, number];
const b = (x: Box, p: Record<string, unknown>) => box(x[0], x[1], x[2], x[3], p);
const ha = (x: Box) => boxAreaHa(x[0], x[1], x[2], x[3]);

const erbm = () =>
  features(
    b(A_ERBM, { id_lsm: 348, nom: 'Cité 9 (ERBM)', compagnie: 'Compagnie des mines de Lens', type: 'pavillonnaire', commune_1: 'LIEVIN' }),
    b(B, { id_lsm: 500, nom: 'Cité des Provinces', proprietaire: 'Maisons & Cités', commune_1: 'LENS' }),
    b(FAR, { id_lsm: 900, nom: 'Cité lointaine' }),
  );
const unesco = () =>
  features(
    b(A_UNESCO, { id_unesco: '87-CI-12', id_lsm: '348.0', nom: 'Cité n°9', interet: 'exceptionnel', type: '' }),
    b(C, { id_unesco: '87-CI-20', id_lsm: null, nom: 'Cité Saint-Pierre', commune_1: 'ELEU DIT LEAUWETTE' }),
    // Appended by the harvester from the ERBM layer: no UNESCO id, same cité as ERBM 500.
    b([2.806, 50.426, 2.809, 50.429], { id_unesco: null, id_lsm: 500, nom: 'Provinces (copie)', compagnie: 'Compagnie de Lens' }),
  );
const zoneTampon = () =>
  features(
    b([2.805, 50.425, 2.81, 50.43], { id_lsm: '500', nom: 'Cité des Provinces ZT' }),
    b(C_ZT, { id_lsm: null, nom: 'Cité Saint-Pierre (ZT)', proprietaire: 'Bailleur' }),
    b(D, { nom: 'Cité du Moulin' }),
    b(D_HALF, { nom: 'Cité voisine' }),
  );

describe('cites merge helpers', () => {
  it('lsmId compares ids as integers', () => {
    expect(lsmId(348)).toBe('348');
    expect(lsmId('348.0')).toBe('348');
    expect(lsmId(348.0000001)).toBe('348');
    expect(lsmId('')).toBeNull();
    expect(lsmId(null)).toBeNull();
    expect(lsmId('A12')).toBe('A12');
  });

  it('outlineOverlap is the share of the smaller outline covered by the other', () => {
    expect(outlineOverlap(b(C, {}), b(C, {}))).toBeCloseTo(1, 9);
    expect(outlineOverlap(b(D, {}), b(D_HALF, {}))).toBeCloseTo(0.5, 6);
    // A small outline wholly inside a large one: 1, whichever comes first.
    expect(outlineOverlap(b([2.78, 50.4, 2.82, 50.44], {}), b(D, {}))).toBeCloseTo(1, 9);
    expect(outlineOverlap(b(D, {}), b(FAR, {}))).toBe(0);
    // Sharing only an edge.
    expect(outlineOverlap(b([2.8, 50.4, 2.81, 50.41], {}), b([2.81, 50.4, 2.82, 50.41], {}))).toBe(0);
  });
});

describe('mergeCites', () => {
  const merged = () => mergeCites({ unesco: unesco(), erbm: erbm(), zoneTampon: zoneTampon() });
  const byName = (name: string) => merged().records.find((r) => r.properties.nom === name)!;

  it('gives one record per cité', () => {
    expect(
      merged()
        .records.map((r) => r.properties.nom)
        .sort(),
    ).toEqual(['Cité des Provinces', 'Cité du Moulin', 'Cité lointaine', 'Cité n°9', 'Cité Saint-Pierre', 'Cité voisine'].sort());
  });

  it('merges ERBM and UNESCO records by id_lsm (348 ≡ "348.0"): UNESCO outline and names win, ERBM fills gaps', () => {
    const r = byName('Cité n°9');
    expect(r).toMatchObject({ unesco: true, erbm: true, zoneTampon: false, sources: ['cites-erbm', 'cites-unesco'] });
    expect(r.feature.geometry).toEqual(b(A_UNESCO, {}).geometry);
    expect(r.properties).toMatchObject({
      id_unesco: '87-CI-12',
      interet: 'exceptionnel',
      compagnie: 'Compagnie des mines de Lens',
      commune_1: 'LIEVIN',
    });
    // An empty UNESCO field is filled from ERBM.
    expect(r.properties.type).toBe('pavillonnaire');
  });

  it('merges a harvester copy and a buffer-zone record by id_lsm, keeping the ERBM outline', () => {
    const r = byName('Cité des Provinces');
    expect(r).toMatchObject({ unesco: false, erbm: true, zoneTampon: true, sources: ['cites-erbm', 'cites-unesco', 'cites-zt'] });
    expect(r.feature.geometry).toEqual(b(B, {}).geometry);
    expect(r.properties).toMatchObject({ proprietaire: 'Maisons & Cités', compagnie: 'Compagnie de Lens' });
  });

  it('merges records with different ids whose outlines nearly coincide, and says so', () => {
    const { records, messages } = merged();
    const r = records.find((x) => x.properties.nom === 'Cité Saint-Pierre')!;
    expect(r).toMatchObject({ unesco: true, zoneTampon: true, erbm: false, sources: ['cites-unesco', 'cites-zt'] });
    expect(r.properties.proprietaire).toBe('Bailleur');
    expect(records.some((x) => x.properties.nom === 'Cité Saint-Pierre (ZT)')).toBe(false);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^contours confondus : « Cité Saint-Pierre » \(unesco:87-CI-20\) et « Cité Saint-Pierre \(ZT\) » \(zt:.*\) fusionnés$/,
    );
  });

  it('keeps outlines that overlap by less than the threshold apart', () => {
    expect(byName('Cité du Moulin').zoneTampon).toBe(true);
    expect(byName('Cité voisine').zoneTampon).toBe(true);
    // With a threshold of 0.5 they are merged.
    const loose = mergeCites({ unesco: [], erbm: [], zoneTampon: zoneTampon().slice(2) }, 0.5);
    expect(loose.records).toHaveLength(1);
  });

  it('deduplicates a UNESCO cité listed twice under the same id_unesco', () => {
    const twice = features(b(C, { id_unesco: '87-CI-20', nom: 'Cité Saint-Pierre' }), b(C, { id_unesco: '87-CI-20', nom: 'Cité Saint-Pierre' }));
    const { records } = mergeCites({ unesco: twice, erbm: [], zoneTampon: [] });
    expect(records).toHaveLength(1);
    expect(records[0].sources).toEqual(['cites-unesco']);
  });
});

describe('cites layer', () => {
  const batis = () =>
    features(
      point(2.791, 50.411, { denomination: 'Église Saint-Amé', typologie: 'église', commune_1: 'LIEVIN', id_unesco: '87-BA-1' }),
      point(2.95, 50.5, { nom: 'Hors territoire' }),
    );
  const puits = () =>
    features(
      point(2.807, 50.427, { fosse: '11', puits: '11 bis', commune: 'LENS', profondeur: 512, brgm: 'https://fiches.brgm.fr/puits-11' }),
      point(2.792, 50.43, { fosse: '3', commune: 'Liévin', profondeur: '600', brgm: 'voir fiche papier' }),
      point(2.95, 50.5, { fosse: '99', puits: '1' }),
    );
  const build = () => {
    const ctx = fakeContext({
      inputs: {
        'cites-unesco': { features: unesco() },
        'cites-erbm': { features: erbm() },
        'cites-zt': { features: zoneTampon() },
        'cites-batis': { features: batis() },
        'cites-puits': { features: puits() },
      },
    });
    return { ctx, built: citesPipeline.select(ctx) };
  };
  const cite = (nom: string) => build().built.sublayers.cites.find((f) => f.properties.nom === nom)!;

  it('keeps the cités in the territory with a readable status', () => {
    const { built } = build();
    expect(built.read).toBe(3 + 3 + 4 + 2 + 3);
    const statuses = Object.fromEntries(built.sublayers.cites.map((f) => [f.properties.nom, f.properties.statut]));
    expect(statuses).toEqual({
      'Cité n°9': 'Bien UNESCO · ERBM',
      'Cité des Provinces': 'Zone tampon UNESCO · ERBM',
      'Cité Saint-Pierre': 'Bien UNESCO · Zone tampon UNESCO',
      'Cité du Moulin': 'Zone tampon UNESCO',
      'Cité voisine': 'Zone tampon UNESCO',
    });
    expect(built.messages).toHaveLength(1);
  });

  it('publishes integer id_lsm, official commune names, sources and area', () => {
    const p = cite('Cité n°9').properties;
    expect(p).toMatchObject({ id_lsm: 348, id_unesco: '87-CI-12', communes: 'Liévin', unesco: true, erbm: true, zone_tampon: false });
    expect(p.sources).toBe('cites-erbm, cites-unesco');
    expect(p.surface_ha as number).toBeCloseTo(ha(A_UNESCO), 2);
    expect(cite('Cité Saint-Pierre').properties).toMatchObject({ id_lsm: null, communes: 'Éleu-dit-Leauwette' });
  });

  it('keeps UNESCO buildings and mine shafts in the territory, with safe links only', () => {
    const { built } = build();
    expect(built.sublayers['cites-batis'].map((f) => f.properties)).toEqual([
      expect.objectContaining({ nom: 'Église Saint-Amé', typologie: 'église', communes: 'Liévin', id_unesco: '87-BA-1' }),
    ]);
    expect(built.sublayers['cites-puits'].map((f) => f.properties)).toEqual([
      expect.objectContaining({ nom: 'Fosse 11 – puits 11 bis', commune: 'Lens', profondeur_m: 512, fiche_brgm: 'https://fiches.brgm.fr/puits-11' }),
      expect.objectContaining({ nom: 'Fosse 3 – puits ?', commune: 'Liévin', profondeur_m: null, fiche_brgm: null }),
    ]);
  });

  it('counts each cité once in the metrics', () => {
    const { ctx, built } = build();
    const byId = Object.fromEntries(citesPipeline.measure(built.sublayers, ctx).map((m) => [m.id, m]));
    expect(byId.cites.value).toBe(5);
    expect(byId.cites.details).toEqual([
      { label: 'du bien UNESCO', value: 2 },
      { label: 'de la zone tampon', value: 4 },
      { label: 'du programme ERBM', value: 2 },
    ]);
    expect(byId.erbm.value).toBe(2);
    expect(byId['erbm-surface'].value).toBeCloseTo(ha(A_UNESCO) + ha(B), 1);
    expect(byId['cites-surface'].value).toBeCloseTo(ha(A_UNESCO) + ha(B) + ha(C) + ha(D) + ha(D_HALF), 1);
    expect(byId.batis.value).toBe(1);
    expect(byId.puits.value).toBe(2);
  });
});

describe('cites merge: records that cannot be identified, cités in two parts', () => {
  it('names the records it cannot identify instead of dropping them silently', () => {
    const { records, messages } = mergeCites({
      erbm: features(b(B, { nom: 'ERBM sans id' })),
      unesco: features(b(C, { nom: 'UNESCO sans id' })),
      zoneTampon: [],
    });
    expect(records).toHaveLength(0);
    expect(messages.join('\n')).toMatch(/ERBM sans id/);
    expect(messages.join('\n')).toMatch(/UNESCO sans id/);
  });

  it('keeps both parts of a UNESCO cité given as two records with the same id', () => {
    const { records } = mergeCites({
      erbm: [],
      unesco: features(b(C, { id_unesco: '63X', nom: 'Cité en deux parties' }), b(FAR, { id_unesco: '63X', nom: 'Cité en deux parties' })),
      zoneTampon: [],
    });
    expect(records).toHaveLength(1);
    expect(records[0].feature.geometry.type).toBe('MultiPolygon');
    expect(records[0].feature.geometry.coordinates).toHaveLength(2);
  });
});
