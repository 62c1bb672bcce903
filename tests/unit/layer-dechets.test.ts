import { describe, expect, it } from 'vitest';
import { PRECISION_RADIUS_M } from '../../layers/dechets/layer';
import { dechetsPipeline } from '../../layers/dechets/pipeline';
import type { GeoFeature } from '../../layers/types';
import { fakeContext, features, point } from '../fixtures/territory';

// Communes: Lens lon 2.80–2.82 / lat 50.42–50.44, Liévin 2.78–2.80 / 50.42–50.44, Éleu 2.80–2.81 / 50.40–50.42.
interface Sources {
  irep2015?: GeoFeature[];
  declared?: GeoFeature[];
  geocoded?: GeoFeature[];
  irep2021?: GeoFeature[];
  names?: Record<string, string>[];
  names2?: Record<string, string>[];
  decheteries?: GeoFeature[];
}
const run = (s: Sources) => {
  const ctx = fakeContext({
    inputs: {
      'dechets-irep2015': { features: s.irep2015 ?? [] },
      'dechets-irep2019-declare': { features: s.declared ?? [] },
      'dechets-irep2019-geocode': { features: s.geocoded ?? [] },
      'dechets-irep2021': { features: s.irep2021 ?? [] },
      'dechets-decheteries-noms': { rows: s.names ?? [] },
      'dechets-decheteries-noms-2': { rows: s.names2 ?? [] },
    },
    optional: s.decheteries ? { 'dechets-decheteries': { features: s.decheteries } } : {},
  });
  return { ctx, built: dechetsPipeline.select(ctx) };
};
const irep = (id: string, nom: string, commune: string, lon: number, lat: number, extra: Record<string, unknown> = {}) =>
  point(lon, lat, { identifiant: id, nom_etablissement: nom, commune, ...extra }) as GeoFeature;
const declared = (id: string, nom: string, commune: string, x: string, y: string) =>
  irep(id, nom, commune, Number(x), Number(y), { coordonnees_x: x, coordonnees_y: y });
const geocoded = (id: string, nom: string, commune: string, lon: number, lat: number, score: number) =>
  irep(id, nom, commune, lon, lat, { geocode_qualite: score });
const y2021 = (id: string, nom: string, lon: number, lat: number, sharing = 1) =>
  point(lon, lat, { _irep_identifiant: id, nom_etablissement: nom, _n_sites_sharing_this_exact_point_in_source: sharing }) as GeoFeature;
const only = (built: ReturnType<typeof run>['built']) => {
  const list = built.sublayers['dechets-etablissements'];
  expect(list).toHaveLength(1);
  return list[0];
};

describe('déchets: best position and its precision', () => {
  it('a 2015 point alone is the commune reference point, 1.5 km of uncertainty', () => {
    const f = only(run({ irep2015: [irep('0001', 'Centre de tri', 'LENS', 2.81, 50.43)] }).built);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [2.81, 50.43] });
    expect(f.properties).toMatchObject({
      nom: 'Centre de tri',
      commune: 'Lens',
      precision: 'commune',
      precision_m: PRECISION_RADIUS_M.commune,
      precision_texte: 'position approximative : point de référence de la commune, pas le site',
      identifiant_irep: '0001',
      declarations: '2015',
    });
    expect(PRECISION_RADIUS_M.commune).toBe(1500);
  });

  it('a declared position with 5 decimals inside the commune beats every other source', () => {
    const { built } = run({
      irep2015: [irep('0001', 'Centre de tri', 'LENS', 2.81, 50.43)],
      declared: [declared('0001', 'Centre de tri', 'Lens', '2.81234', '50.43456')],
      geocoded: [geocoded('0001', 'Centre de tri', 'Lens', 2.815, 50.425, 0.95)],
      irep2021: [y2021('0001', 'SUEZ Centre de tri de Lens', 2.813, 50.431)],
    });
    const f = only(built);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [2.81234, 50.43456] });
    expect(f.properties).toMatchObject({
      precision: 'adresse',
      precision_m: 150,
      source_position: "IREP 2019 (position déclarée par l'exploitant)",
      // The most recent name first, the others kept.
      nom: 'SUEZ Centre de tri de Lens',
      autres_noms: 'Centre de tri',
      declarations: '2015, 2019, 2021',
    });
  });

  it('a declared position rounded to 0.01° is "arrondie" (700 m) and loses to a good geocode', () => {
    const rounded = run({ declared: [declared('0002', 'Broyage', 'Liévin', '2.79', '50.43')] }).built;
    expect(only(rounded).properties).toMatchObject({ precision: 'arrondie', precision_m: 700 });
    expect(only(rounded).properties.precision_texte).toContain('arrondie au centième de degré');

    const withGeocode = run({
      declared: [declared('0002', 'Broyage', 'Liévin', '2.79', '50.43')],
      geocoded: [geocoded('0002', 'Broyage', 'LIEVIN', 2.7912, 50.4321, 0.8)],
    }).built;
    expect(only(withGeocode).geometry).toEqual({ type: 'Point', coordinates: [2.7912, 50.4321] });
    expect(only(withGeocode).properties).toMatchObject({ precision: 'adresse', source_position: "Géocodage BAN de l'adresse IREP 2019 (score 0.8)" });
  });

  it('a precise-looking declared position outside the declared commune counts as "arrondie"', () => {
    // 5 decimals, but in Liévin while the establishment declares Lens.
    const f = only(
      run({ irep2015: [irep('0004', 'Plateforme', 'Lens', 2.81, 50.43)], declared: [declared('0004', 'Plateforme', 'Lens', '2.78123', '50.43123')] })
        .built,
    );
    expect(f.properties.precision).toBe('arrondie');
  });

  it('ignores geocodes with a score below 0.5 or outside the commune', () => {
    const { built } = run({
      irep2015: [irep('0003', 'Compostage', 'ELEU DIT LEAUWETTE', 2.805, 50.41)],
      geocoded: [
        geocoded('0003', 'Compostage', 'Éleu-dit-Leauwette', 2.8061, 50.4112, 0.3),
        geocoded('0003', 'Compostage', 'Éleu-dit-Leauwette', 2.79, 50.43, 0.99),
      ],
    });
    expect(only(built).properties.precision).toBe('commune');
    expect(only(built).geometry).toEqual({ type: 'Point', coordinates: [2.805, 50.41] });
  });

  it('a 2021 geocode inside the commune beats a rounded declaration and the commune point', () => {
    const f = only(
      run({
        irep2015: [irep('0003', 'Compostage', 'Éleu-dit-Leauwette', 2.805, 50.41)],
        declared: [declared('0003', 'Compostage', 'Éleu-dit-Leauwette', '2.80', '50.41')],
        irep2021: [y2021('0003', 'Compostage', 2.8061, 50.4112)],
      }).built,
    );
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [2.8061, 50.4112] });
    expect(f.properties).toMatchObject({ precision: 'adresse', source_position: "Géocodage Nominatim (OSM) de l'adresse IREP 2021" });
  });

  it('ignores a 2021 geocode outside the declared commune, and says so', () => {
    const { built } = run({
      irep2015: [irep('0004', 'Plateforme', 'Lens', 2.81, 50.43)],
      irep2021: [y2021('0004', 'Plateforme', 2.79, 50.43)],
    });
    const f = only(built);
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [2.81, 50.43] });
    expect(f.properties.precision).toBe('commune');
    expect(f.properties.declarations).toBe('2015, 2021');
    expect(built.messages).toEqual(['Plateforme : position IREP 2021 hors de la commune déclarée (Lens), ignorée']);
  });

  it('ignores, without message, a 2021 point shared by several sites', () => {
    const { built } = run({
      irep2015: [irep('0006', 'Site partagé', 'Lens', 2.81, 50.43)],
      irep2021: [y2021('0006', 'Site partagé', 2.815, 50.435, 3)],
    });
    expect(only(built).properties.precision).toBe('commune');
    expect(built.messages).toEqual([]);
  });

  it('names an establishment with no usable position instead of placing it', () => {
    const { built } = run({ geocoded: [geocoded('0007', 'Sans position', 'Liévin', 2.79, 50.43, 0.2)] });
    expect(built.sublayers['dechets-etablissements']).toEqual([]);
    expect(built.messages).toEqual(['Sans position : aucune position utilisable']);
  });
});

describe('déchets: membership', () => {
  it('keeps establishments by their declared commune name, however spelled, and only members', () => {
    const { built } = run({
      irep2015: [
        irep('0001', 'A', 'LENS', 2.81, 50.43),
        irep('0002', 'B', 'Lievin', 2.79, 50.43),
        irep('0003', 'C', 'Eleu-dit-Leauwette', 2.805, 50.41),
        // Declared in Arras, even though its point falls inside Lens: not a member.
        irep('0005', 'D', 'ARRAS', 2.81, 50.43),
        irep('', 'Sans identifiant', 'Lens', 2.81, 50.43),
      ],
      irep2021: [y2021('0005', 'D', 2.815, 50.435)],
    });
    const list = built.sublayers['dechets-etablissements'];
    expect(list.map((f) => [f.properties.identifiant_irep, f.properties.commune])).toEqual([
      ['0001', 'Lens'],
      ['0002', 'Liévin'],
      ['0003', 'Éleu-dit-Leauwette'],
    ]);
    expect(built.read).toBe(6);
  });

  it('merges the declarations of one establishment by its IREP identifier', () => {
    const { built } = run({
      irep2015: [irep('0001', 'Centre de tri', 'Lens', 2.81, 50.43, { libelle_ape: 'Traitement des déchets' })],
      declared: [declared('0001', 'Centre de tri (nouveau nom)', 'Lens', '2.8', '50.43')],
    });
    expect(only(built).properties).toMatchObject({
      nom: 'Centre de tri',
      autres_noms: 'Centre de tri (nouveau nom)',
      activite: 'Traitement des déchets',
      declarations: '2015, 2019',
    });
  });
});

describe('déchets: déchèteries', () => {
  const names = [
    { site_name: 'Déchèterie de Lens', commune: 'Lens', in_CALL: 'true' },
    { site_name: 'Déchèterie d’Arras', commune: 'Arras', in_CALL: 'false' },
  ];
  const names2 = [{ site_name: 'Déchèterie de Liévin', commune: 'Liévin', in_CALL: 'true' }];

  it('lists the déchèteries of the CALL without placing them, and says why', () => {
    const { built } = run({ names, names2 });
    expect(built.items).toEqual([
      {
        name: 'Déchèterie de Lens',
        commune: 'Lens',
        detail: 'déchèterie : position non publiée en données ouvertes',
        source: 'dechets-decheteries-noms',
      },
      {
        name: 'Déchèterie de Liévin',
        commune: 'Liévin',
        detail: 'déchèterie : position non publiée en données ouvertes',
        source: 'dechets-decheteries-noms',
      },
    ]);
    expect(built.missing).toMatch(/n'ont pas de position publiée/);
  });

  it('places the déchèteries an optional source locates in a commune, and lists only the others', () => {
    const { built, ctx } = run({
      names,
      names2,
      decheteries: features(point(2.811, 50.431, { nom: 'Déchèterie de Lens' }), point(3.2, 50.6, { nom: 'Ailleurs' })),
    });
    const list = built.sublayers['dechets-etablissements'];
    expect(list).toHaveLength(1);
    expect(list[0].properties).toMatchObject({
      nom: 'Déchèterie de Lens',
      commune: 'Lens',
      activite: 'Déchèterie',
      precision: 'adresse',
      precision_m: 150,
    });
    expect(built.items?.map((i) => i.name)).toEqual(['Déchèterie de Liévin']);
    expect(built.missing).toBeUndefined();
    const [m] = dechetsPipeline.measure(built.sublayers, ctx);
    expect(m.value).toBe(1);
  });
});

describe('déchets: metrics', () => {
  it('counts establishments by precision class', () => {
    const { built, ctx } = run({
      irep2015: [
        irep('0001', 'A', 'Lens', 2.81, 50.43),
        irep('0002', 'B', 'Liévin', 2.79, 50.43),
        irep('0003', 'C', 'Éleu-dit-Leauwette', 2.805, 50.41),
      ],
      declared: [declared('0001', 'A', 'Lens', '2.81111', '50.43111'), declared('0002', 'B', 'Liévin', '2.79', '50.43')],
    });
    const [m] = dechetsPipeline.measure(built.sublayers, ctx);
    expect(m).toMatchObject({ id: 'etablissements', value: 3, unit: 'nombre' });
    expect(m.details).toEqual([
      { label: 'position à l’adresse', value: 1 },
      { label: 'position arrondie', value: 1 },
      { label: 'position de la commune', value: 1 },
    ]);
  });
});
