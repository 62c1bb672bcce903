// The trame verte et bleue rule on hand-made geometry: green part by reference, blue part from the
// best source present (CALL file, BD TOPO, OSM) or a plain statement, gaps of the green network.
import type { LineString } from 'geojson';
import { describe, expect, it } from 'vitest';
import { tvbLayer, GREEN_CORRIDORS, BLUE_MISSING, REGIONAL_MISSING } from '../../layers/tvb/layer';
import { tvbPipeline, MIN_GAP_M, TOUCH_M } from '../../layers/tvb/pipeline';
import { SOURCE_LABELS, categoryOf } from '../../layers/tvb/blue';
import { parcsLayer } from '../../layers/parcs/layer';
import { gapsAlongPath, networkBreaks } from '../../layers/metrics';
import type { GeoFeature } from '../../layers/types';
import { KM_PER_DEG, box, fakeContext, features, line, type FakeSources } from '../fixtures/territory';

// Territory: lon 2.78 – 2.82, lat 50.40 – 50.44 (communes Liévin west, Lens north-east, Éleu south).
const M_PER_DEG_LAT = KM_PER_DEG * 1000;
const green = (): Record<string, GeoFeature[]> => ({
  'parcs-espaces': features(box(2.785, 50.41, 2.79, 50.415, { nom: 'Parc A' }), box(2.81, 50.41, 2.815, 50.415, { nom: 'Parc B' })),
  'parcs-terrils': features(box(2.8, 50.43, 2.802, 50.432, { nom: 'Terril T1' })),
  'parcs-cavaliers': features(
    // A cavalier northwards from Parc A's north edge, stopping 0.002° (≈ 222 m) short of the terril's south edge.
    line(
      [
        [2.801, 50.415],
        [2.801, 50.428],
      ],
      { nom: 'Cavalier nord' },
    ),
  ),
  'parcs-cavaliers-unesco': [],
});
// The EV5 runs along the parallel 50.4125 through both parks: a 0.02° of longitude gap between them.
const ev5 = (): GeoFeature[] =>
  features(
    line(
      [
        [2.782, 50.4125],
        [2.818, 50.4125],
      ],
      { nom: 'EV5' },
    ),
  );

const ctx = (sources: FakeSources = {}) => fakeContext({ ...sources, built: { ...green(), 'ev5-troncons': ev5(), ...sources.built } });

describe('green part: one stated definition, reused by reference', () => {
  it('each green sublayer points at a Chaîne des Parcs sublayer and keeps its style classes', () => {
    for (const g of GREEN_CORRIDORS) {
      const sub = tvbLayer.sublayers.find((s) => s.id === g.id)!;
      const source = parcsLayer.sublayers.find((s) => s.id === g.from)!;
      expect(sub.from).toBe(g.from);
      expect(sub.geometry).toBe(source.geometry);
      expect(sub.popupFields).toBe(source.popupFields);
    }
  });

  it('the green count equals the source sublayers’ counts, per sublayer', () => {
    const c = ctx();
    const built = tvbPipeline.select(c);
    const sublayers = { ...built.sublayers, ...Object.fromEntries(GREEN_CORRIDORS.map((g) => [g.id, c.sublayer(g.from)])) };
    const elements = tvbPipeline.measure(sublayers, c).find((m) => m.id === 'vert-elements')!;
    expect(elements.value).toBe(4);
    expect(elements.details!.map((d) => d.value)).toEqual([2, 1, 1, 0]);
  });
});

describe('blue part', () => {
  it('offline: no blue feature, no blue metric, and a statement naming the sources that would fill it', () => {
    const c = ctx();
    const built = tvbPipeline.select(c);
    expect(built.sublayers['tvb-cours-d-eau']).toEqual([]);
    expect(built.sublayers['tvb-plans-d-eau']).toEqual([]);
    expect(built.missing).toBe(`${BLUE_MISSING} ${REGIONAL_MISSING}`);
    expect(built.missing).toContain('geodata/local/hydrographie.geojson');
    expect(built.missing).toContain('npm run data -- --en-ligne');
    expect(built.missing).toContain('OpenStreetMap');
    const ids = tvbPipeline.measure(built.sublayers, c).map((m) => m.id);
    expect(ids).not.toContain('eau-lineaire');
    expect(ids).not.toContain('canaux');
  });

  // A canal across Liévin and Lens near the parallel 50.43 (0.04° of longitude inside; slightly
  // oblique, as a perfectly horizontal line has a flat box that the clip cannot use), a brook along the
  // meridian 2.79 in Liévin (0.01°), a pond; and one line outside the territory.
  const localFile = () =>
    features(
      line(
        [
          [2.775, 50.429],
          [2.825, 50.431],
        ],
        { nom: 'Canal de Lens', type: 'canal' },
      ),
      line(
        [
          [2.79, 50.425],
          [2.79, 50.435],
        ],
        { nom: 'Ruisseau du Surgeon' },
      ),
      box(2.805, 50.405, 2.807, 50.407, { nom: 'Étang' }),
      line(
        [
          [2.9, 50.43],
          [2.95, 50.43],
        ],
        { nom: 'Ailleurs' },
      ),
    );

  it('the CALL’s own file comes first and is measured per commune', () => {
    const c = ctx({
      optional: {
        'hydro-local': { features: localFile(), origin: 'local' },
        'hydro-bdtopo-troncons': {
          features: features(
            line(
              [
                [2.79, 50.41],
                [2.8, 50.41],
              ],
              { nature: 'Canal' },
            ),
          ),
          origin: 'telechargement',
        },
      },
    });
    const built = tvbPipeline.select(c);
    const lines = built.sublayers['tvb-cours-d-eau'];
    expect(lines.map((f) => [f.properties.nom, f.properties.categorie, f.properties.source])).toEqual([
      ['Canal de Lens', 'canal', SOURCE_LABELS.local],
      ['Ruisseau du Surgeon', 'cours-d-eau', SOURCE_LABELS.local],
    ]);
    expect(built.sublayers['tvb-plans-d-eau'].map((f) => f.properties.nom)).toEqual(['Étang']);
    expect(built.missing).toBe(REGIONAL_MISSING);
    const metrics = tvbPipeline.measure(built.sublayers, c);
    const canaux = metrics.find((m) => m.id === 'canaux')!;
    const degLon = Math.cos((50.43 * Math.PI) / 180) * KM_PER_DEG;
    expect(canaux.value).toBeCloseTo(0.04 * degLon, 1);
    expect(Object.fromEntries(canaux.details!.map((d) => [d.label, d.value]))).toEqual({
      Lens: expect.closeTo(0.02 * degLon, 1),
      Liévin: expect.closeTo(0.02 * degLon, 1),
    });
    const brook = metrics.find((m) => m.id === 'cours-d-eau')!;
    expect(brook.details).toEqual([{ label: 'Liévin', value: expect.closeTo(0.01 * KM_PER_DEG, 1) }]);
    expect(metrics.find((m) => m.id === 'eau-lineaire')!.note).toBe(`Source : ${SOURCE_LABELS.local}`);
  });

  it('BD TOPO next: canals by nature, names from the watercourse, fictive tronçons left out', () => {
    const c = ctx({
      optional: {
        'hydro-bdtopo-troncons': {
          features: features(
            line(
              [
                [2.79, 50.41],
                [2.8, 50.41],
              ],
              { nature: 'Canal', cpx_toponyme_de_cours_d_eau: 'Canal de la Deûle' },
            ),
            line(
              [
                [2.79, 50.42],
                [2.8, 50.42],
              ],
              { nature: 'Ecoulement naturel', liens_vers_cours_d_eau: 'COURDEAU1' },
            ),
            line(
              [
                [2.79, 50.43],
                [2.8, 50.43],
              ],
              { nature: 'Ecoulement naturel', fictif: true },
            ),
            line(
              [
                [2.79, 50.435],
                [2.8, 50.435],
              ],
              { nature: 'Ecoulement naturel' },
            ),
          ),
          origin: 'telechargement',
        },
        'hydro-bdtopo-cours-d-eau': {
          features: features(
            line(
              [
                [0, 0],
                [0, 1],
              ],
              { cleabs: 'COURDEAU1', toponyme: 'la Souchez' },
            ),
          ),
          origin: 'telechargement',
        },
        'hydro-osm': {
          features: features(
            line(
              [
                [2.79, 50.41],
                [2.8, 50.41],
              ],
              { waterway: 'river', name: 'OSM' },
            ),
          ),
          origin: 'telechargement',
        },
      },
    });
    const built = tvbPipeline.select(c);
    expect(built.sublayers['tvb-cours-d-eau'].map((f) => [f.properties.nom, f.properties.categorie, f.properties.source])).toEqual([
      ['Canal de la Deûle', 'canal', SOURCE_LABELS.bdtopo],
      ['la Souchez', 'cours-d-eau', SOURCE_LABELS.bdtopo],
      ['Écoulement sans nom', 'fosse', SOURCE_LABELS.bdtopo],
    ]);
    expect(built.messages).toContain(`réseau hydrographique : ${SOURCE_LABELS.bdtopo}`);
  });

  it('OpenStreetMap when the BD TOPO gave nothing, and it says so', () => {
    const c = ctx({
      optional: {
        'hydro-osm': {
          features: features(
            line(
              [
                [2.79, 50.41],
                [2.8, 50.41],
              ],
              { waterway: 'canal', name: 'Canal de Lens' },
            ),
            line(
              [
                [2.79, 50.42],
                [2.8, 50.42],
              ],
              { waterway: 'ditch' },
            ),
            box(2.805, 50.405, 2.807, 50.407, { natural: 'water', name: 'Étang' }),
            line(
              [
                [2.79, 50.43],
                [2.8, 50.43],
              ],
              { highway: 'path' },
            ),
          ),
          origin: 'telechargement',
        },
      },
    });
    const built = tvbPipeline.select(c);
    expect(built.sublayers['tvb-cours-d-eau'].map((f) => [f.properties.categorie, f.properties.source])).toEqual([
      ['canal', "© les contributeurs d'OpenStreetMap"],
      ['fosse', "© les contributeurs d'OpenStreetMap"],
    ]);
    expect(built.sublayers['tvb-plans-d-eau']).toHaveLength(1);
    expect(built.messages!.join()).toContain('OpenStreetMap (IGN BD TOPO indisponible)');
  });

  it('reads categories from the CALL’s free text', () => {
    expect(categoryOf('Canal de Lens', null)).toBe('canal');
    expect(categoryOf('la Souchez', 'Ecoulement canalisé')).toBe('cours-d-eau');
    expect(categoryOf(null, 'fossé')).toBe('fosse');
  });
});

describe('continuity of the green network', () => {
  it('the EV5 gap between the two parks is listed, mapped and measured along the route', () => {
    const c = ctx();
    const gaps = tvbPipeline.select(c).sublayers['tvb-discontinuites'];
    const ev5Gaps = gaps.filter((g) => g.properties.le_long_de === 'EuroVelo 5');
    // Parc A ends at 2.79, Parc B starts at 2.81 (the cavalier starts 280 m north of the route).
    expect(ev5Gaps.map((g) => g.properties.entre)).toEqual(['Espace Parc A → Espace Parc B']);
    const kmPerDegLon = Math.cos((50.4125 * Math.PI) / 180) * KM_PER_DEG * 1000;
    // Measured to the 25 m step, with 25 m of touch on each side.
    expect(Number(ev5Gaps[0].properties.longueur_m)).toBeGreaterThan(0.02 * kmPerDegLon - 2 * TOUCH_M - 30);
    expect(Number(ev5Gaps[0].properties.longueur_m)).toBeLessThan(0.02 * kmPerDegLon + 30);
    expect(ev5Gaps[0].geometry.type).toBe('LineString');
  });

  it('a cavalier ending short of a terril is a break of the network, linked as the crow flies', () => {
    const c = ctx();
    const gaps = tvbPipeline.select(c).sublayers['tvb-discontinuites'].filter((g) => g.properties.le_long_de === 'cavaliers');
    expect(gaps).toHaveLength(1);
    expect(gaps[0].properties.entre).toBe('Cavalier nord → Terril T1');
    expect(Number(gaps[0].properties.longueur_m)).toBeCloseTo(0.002 * M_PER_DEG_LAT, -1);
    const [from, to] = (gaps[0].geometry as LineString).coordinates;
    expect(from).toEqual([2.801, 50.428]);
    expect(to[0]).toBeCloseTo(2.801, 6);
    expect(to[1]).toBeCloseTo(50.43, 6);
  });

  it('touching features make no gap; short breaks are crossings, not gaps', () => {
    const parc = { name: 'Parc', feature: box(2.79, 50.41, 2.8, 50.42) as GeoFeature };
    const next = { name: 'Suite', feature: box(2.8003, 50.41, 2.81, 50.42) as GeoFeature };
    const path = line([
      [2.79, 50.415],
      [2.81, 50.415],
    ]) as GeoFeature;
    expect(gapsAlongPath(path, [parc, next], { toleranceM: TOUCH_M, stepM: 25, minGapM: MIN_GAP_M })).toEqual([]);
    const end = {
      name: 'Cavalier',
      feature: line([
        [2.7, 50.415],
        [2.7898, 50.415],
      ]) as GeoFeature,
    };
    expect(networkBreaks([end], [parc], { toleranceM: TOUCH_M, maxM: 500 })).toEqual([]);
  });
});
