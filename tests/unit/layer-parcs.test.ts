import { describe, expect, it } from 'vitest';
import { parcsPipeline } from '../../layers/parcs/pipeline';
import type { GeoFeature } from '../../layers/types';
import { KM_PER_DEG, box, boxAreaHa, fakeContext, features, line } from '../fixtures/territory';

// Territory: lon 2.78 – 2.82, lat 50.40 – 50.44.
const sources = (): Record<string, GeoFeature[]> => ({
  'parcs-espaces-unesco': features(
    box(2.79, 50.41, 2.8, 50.42, { nom_usuel: 'Parc des Glissoires', id_unesco: '87-E1', commune_1: 'LIEVIN' }),
    box(2.9, 50.41, 2.91, 50.42, { nom_usuel: 'Espace lointain', id_unesco: '87-E2' }),
  ),
  'parcs-espaces-zt': features(
    // Straddles the eastern boundary: a quarter inside.
    box(2.815, 50.42, 2.835, 50.43, { nom: 'Marais de la Souchez', id: 'ZT-7', commune_1: 'LENS', commune_2: 'HENIN-SUR-COJEUL' }),
    // Touches the boundary from outside only.
    box(2.82, 50.42, 2.83, 50.43, { nom: 'Voisin', id: 'ZT-8' }),
  ),
  'parcs-terrils-unesco': features(box(2.801, 50.421, 2.803, 50.423, { no_terril: 'T74', forme: 'conique' })),
  'parcs-terrils-zt': features(box(2.811, 50.401, 2.813, 50.403, { nom: 'Terril 58', id: 'TZ-58', forme: 'tabulaire' })),
  'parcs-cavaliers-zt': features(
    // Meridian 2.815 from 50.43 to 50.46: 0.01° inside, 0.03° in all.
    line(
      [
        [2.815, 50.43],
        [2.815, 50.46],
      ],
      { id_troncon: 'C1', nom: 'Cavalier de Lens' },
    ),
    line(
      [
        [2.9, 50.43],
        [2.9, 50.46],
      ],
      { id_troncon: 'C2' },
    ),
  ),
  'parcs-cavaliers-unesco': features(
    line(
      [
        [2.785, 50.405],
        [2.785, 50.41],
      ],
      { id_unesco: '87-C3', longueur_m: 556 },
    ),
  ),
});

const build = () => {
  const s = sources();
  const ctx = fakeContext({ inputs: Object.fromEntries(Object.entries(s).map(([id, f]) => [id, { features: f }])) });
  return { ctx, built: parcsPipeline.select(ctx) };
};

describe('parcs layer: selection', () => {
  it('keeps the features in the territory, UNESCO first, with their status', () => {
    const { built } = build();
    expect(built.read).toBe(9);
    const espaces = built.sublayers['parcs-espaces'];
    expect(espaces.map((f) => [f.properties.nom, f.properties.statut, f.properties.unesco, f.properties.identifiant])).toEqual([
      ['Parc des Glissoires', 'Bien inscrit UNESCO', true, '87-E1'],
      ['Marais de la Souchez', 'Zone tampon UNESCO', false, 'ZT-7'],
    ]);
  });

  it('gives polygons their whole area and the area inside the territory', () => {
    const { built } = build();
    const [parc, marais] = built.sublayers['parcs-espaces'];
    expect(parc.properties.surface_ha as number).toBeCloseTo(boxAreaHa(2.79, 50.41, 2.8, 50.42), 2);
    expect(parc.properties.surface_dans_call_ha as number).toBeCloseTo(boxAreaHa(2.79, 50.41, 2.8, 50.42), 2);
    expect(marais.properties.surface_ha as number).toBeCloseTo(boxAreaHa(2.815, 50.42, 2.835, 50.43), 2);
    expect(marais.properties.surface_dans_call_ha as number).toBeCloseTo(boxAreaHa(2.815, 50.42, 2.82, 50.43), 2);
  });

  it('lists the communes in their official spelling', () => {
    const { built } = build();
    const [parc, marais] = built.sublayers['parcs-espaces'];
    expect(parc.properties.communes).toBe('Liévin');
    expect(marais.properties.communes).toBe('Lens, Henin-sur-Cojeul');
  });

  it('names terrils by name or number, with their shape and status', () => {
    const { built } = build();
    expect(built.sublayers['parcs-terrils'].map((f) => f.properties)).toEqual([
      expect.objectContaining({ nom: 'T74', identifiant: 'T74', forme: 'conique', statut: 'Bien inscrit UNESCO', unesco: true }),
      expect.objectContaining({ nom: 'Terril 58', identifiant: 'TZ-58', forme: 'tabulaire', statut: 'Zone tampon UNESCO', unesco: false }),
    ]);
  });

  it('gives cavaliers their whole length and the length inside the territory', () => {
    const { built } = build();
    const cavaliers = built.sublayers['parcs-cavaliers'];
    expect(cavaliers).toHaveLength(1);
    expect(cavaliers[0].properties.identifiant).toBe('C1');
    expect(cavaliers[0].properties.longueur_km as number).toBeCloseTo(0.03 * KM_PER_DEG, 3);
    expect(cavaliers[0].properties.longueur_dans_call_km as number).toBeCloseTo(0.01 * KM_PER_DEG, 3);
    // The geometry is not clipped: the whole tracé is drawn.
    expect(cavaliers[0].geometry).toEqual(
      line([
        [2.815, 50.43],
        [2.815, 50.46],
      ]).geometry,
    );
    const unesco = built.sublayers['parcs-cavaliers-unesco'];
    expect(unesco.map((f) => [f.properties.nom, f.properties.identifiant, f.properties.longueur_m, f.properties.statut])).toEqual([
      ['Cavalier 87-C3', '87-C3', 556, 'Bien inscrit UNESCO'],
    ]);
  });

  it('fails, naming the source, when one is missing', () => {
    const s = sources();
    delete s['parcs-terrils-zt'];
    const ctx = fakeContext({ inputs: Object.fromEntries(Object.entries(s).map(([id, f]) => [id, { features: f }])) });
    expect(() => parcsPipeline.select(ctx)).toThrow(/parcs-terrils-zt/);
  });
});

describe('parcs layer: metrics', () => {
  it('measures what lies inside the territory and counts terrils by status', () => {
    const { ctx, built } = build();
    const byId = Object.fromEntries(parcsPipeline.measure(built.sublayers, ctx).map((m) => [m.id, m]));
    const inside = boxAreaHa(2.79, 50.41, 2.8, 50.42) + boxAreaHa(2.815, 50.42, 2.82, 50.43);
    expect(byId['espaces-surface'].value).toBeCloseTo(inside, 1);
    expect(byId['espaces-surface'].details?.map((d) => d.label)).toEqual(['Parc des Glissoires', 'Marais de la Souchez']);
    expect(byId.terrils.value).toBe(2);
    expect(byId.terrils.details).toEqual([
      { label: 'inscrits UNESCO', value: 1 },
      { label: 'zone tampon', value: 1 },
    ]);
    expect(byId['terrils-surface'].value).toBeCloseTo(boxAreaHa(2.801, 50.421, 2.803, 50.423) + boxAreaHa(2.811, 50.401, 2.813, 50.403), 1);
    expect(byId['cavaliers-longueur'].value).toBeCloseTo(0.01 * KM_PER_DEG, 1);
    expect(byId['cavaliers-unesco'].value).toBe(1);
  });
});
