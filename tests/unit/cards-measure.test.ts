// measureCards on hand-written features: a card's measured figure is computed by the shared
// metric functions, from a catalog metric or from a filtered sublayer.
import { describe, expect, it } from 'vitest';
import { measureCards } from '../../scripts/geodata/cards';
import type { ReportCard } from '../../layers/cards';
import type { CatalogLayer } from '../../layers/types';
import { box, features, line } from '../fixtures/territory';
import type { AreaFeature } from '../../layers/metrics';

const territory = box(2.78, 50.4, 2.82, 50.44, {}) as AreaFeature;
const roads = features(
  line(
    [
      [2.79, 50.41],
      [2.79, 50.42],
    ],
    { segment: 1 },
  ),
  line(
    [
      [2.8, 50.41],
      [2.8, 50.43],
    ],
    { segment: 2 },
  ),
);
const layer: CatalogLayer = {
  id: 'velo',
  title: 'Vélo',
  status: 'ok',
  sublayers: [],
  items: [],
  sources: [],
  report: { read: 0, kept: 0, repaired: 0, skipped: 0, messages: [] },
  metrics: [{ id: 'longueur', label: 'Longueur', value: 3.34, unit: 'km', details: [{ label: 'Lens', value: 1.2 }] }],
};
const card = (figures: ReportCard['figures'], links: ReportCard['links'] = []): ReportCard => ({
  id: 'essai',
  title: 'Essai',
  summary: 'Une fiche d’essai.',
  part: 'Partie 2',
  theme: 'Thème',
  section: 'Section',
  finalites: { values: ['climat'], origin: 'atlas' },
  officials: [],
  partners: [],
  perspectives: [],
  figures,
  links,
});
const ctx = { layers: [layer], features: new Map([['routes', roads]]), territory };
// One degree of latitude on Turf's sphere (R = 6371.0088 km).
const KM_PER_DEG = (Math.PI * 6371.0088) / 180;

describe('measureCards', () => {
  it('takes a catalog metric, or one line of its details, with the difference to the reported value', () => {
    const [built] = measureCards(
      [
        card([
          {
            id: 'a',
            label: 'Total',
            value: 4,
            unit: 'km',
            quote: '4 km',
            section: 'S',
            measure: { metric: { layer: 'velo', id: 'longueur' }, explanation: 'Tracé OSM différent du projet.' },
          },
          {
            id: 'b',
            label: 'Lens',
            value: 1,
            unit: 'km',
            quote: '1 km',
            section: 'S',
            measure: { metric: { layer: 'velo', id: 'longueur', detail: 'Lens' }, explanation: 'Découpe communale généralisée.' },
          },
          { id: 'c', label: 'Europe', value: 3900, unit: 'km', quote: '3 900 km', section: 'S', noMeasure: 'Hors du territoire cartographié.' },
        ]),
      ],
      ctx,
    );
    expect(built.measured.a).toEqual({ value: 3.34, unit: 'km', difference: -0.66, explanation: 'Tracé OSM différent du projet.' });
    expect(built.measured.b.value).toBe(1.2);
    expect(built.measured.c).toBeUndefined();
    expect(built.mapMeasured).toEqual([]);
  });

  it('measures what the map adds beyond the report, keeping the breakdown', () => {
    const [built] = measureCards(
      [
        {
          ...card([{ id: 'a', label: 'Total', value: 4, unit: 'km', quote: '4 km', section: 'S', noMeasure: 'Pas de donnée ici.' }]),
          mapMeasures: [
            { id: 'par-commune', label: 'Par commune', measure: { metric: { layer: 'velo', id: 'longueur' }, explanation: 'Découpe communale.' } },
            { id: 'segments', label: 'Segments', measure: { op: 'nombre', sublayer: 'routes', explanation: 'Comptage des segments.' } },
          ],
        },
      ],
      ctx,
    );
    expect(built.mapMeasured).toEqual([
      {
        id: 'par-commune',
        label: 'Par commune',
        value: 3.34,
        unit: 'km',
        details: [{ label: 'Lens', value: 1.2 }],
        explanation: 'Découpe communale.',
      },
      { id: 'segments', label: 'Segments', value: 2, unit: 'nombre', explanation: 'Comptage des segments.' },
    ]);
  });

  it('measures a filtered sublayer with the shared length function', () => {
    const [built] = measureCards(
      [
        card([
          {
            id: 'a',
            label: 'Segment 2',
            value: 2,
            unit: 'km',
            quote: '2 km',
            section: 'S',
            measure: { op: 'longueur-km', sublayer: 'routes', filter: { field: 'segment', values: [2] }, explanation: 'Mesure sur le tracé.' },
          },
        ]),
      ],
      ctx,
    );
    expect(built.measured.a.value).toBeCloseTo(0.02 * KM_PER_DEG, 2);
    const [count] = measureCards(
      [
        card([
          {
            id: 'n',
            label: 'Segments',
            value: 3,
            unit: 'nombre',
            quote: '3',
            section: 'S',
            measure: { op: 'nombre', sublayer: 'routes', explanation: 'Comptage des segments.' },
          },
        ]),
      ],
      ctx,
    );
    expect(count.measured.n).toMatchObject({ value: 2, difference: -1 });
  });

  it('fails loudly, naming the card, on an unknown metric, detail, sublayer or an empty filter', () => {
    const bad = (measure: NonNullable<ReportCard['figures'][number]['measure']>) => () =>
      measureCards([card([{ id: 'x', label: 'X', value: 1, unit: 'km', quote: '1', section: 'S', measure }])], ctx);
    expect(bad({ metric: { layer: 'velo', id: 'inconnue' }, explanation: 'x'.repeat(10) })).toThrow(/fiche « essai ».*inconnue/);
    expect(bad({ metric: { layer: 'velo', id: 'longueur', detail: 'Arras' }, explanation: 'x'.repeat(10) })).toThrow(/Arras/);
    expect(bad({ op: 'nombre', sublayer: 'nulle-part', explanation: 'x'.repeat(10) })).toThrow(/nulle-part/);
    expect(bad({ op: 'nombre', sublayer: 'routes', filter: { field: 'segment', values: [9] }, explanation: 'x'.repeat(10) })).toThrow(/aucun objet/);
    expect(() => measureCards([card([], [{ sublayer: 'absente' }])], ctx)).toThrow(/absente/);
  });

  it('leaves out, without failing, the measures of a layer the build could not make (unreadable source)', () => {
    const broken: CatalogLayer = {
      ...layer,
      id: 'dechets',
      status: 'erreur',
      statusMessage: 'source « irep » : JSON illisible',
      metrics: [],
      sublayers: [{ id: 'sites', title: 'Sites', file: null, featureCount: 0, bounds: null, geometry: 'point' }],
    };
    const [built] = measureCards(
      [
        {
          ...card(
            [
              {
                id: 'm',
                label: 'Sites',
                value: 8,
                unit: 'nombre',
                quote: '8',
                section: 'S',
                measure: { metric: { layer: 'dechets', id: 'sites' }, explanation: 'x'.repeat(10) },
              },
              {
                id: 's',
                label: 'Sites',
                value: 8,
                unit: 'nombre',
                quote: '8',
                section: 'S',
                measure: { op: 'nombre', sublayer: 'sites', explanation: 'x'.repeat(10) },
              },
              {
                id: 'a',
                label: 'Total',
                value: 4,
                unit: 'km',
                quote: '4 km',
                section: 'S',
                measure: { metric: { layer: 'velo', id: 'longueur' }, explanation: 'x'.repeat(10) },
              },
            ],
            [{ sublayer: 'sites' }],
          ),
          mapMeasures: [{ id: 'x', label: 'X', measure: { op: 'nombre', sublayer: 'sites', explanation: 'x'.repeat(10) } }],
        },
      ],
      { ...ctx, layers: [layer, broken] },
    );
    expect(Object.keys(built.measured)).toEqual(['a']);
    expect(built.mapMeasured).toEqual([]);
  });
});
