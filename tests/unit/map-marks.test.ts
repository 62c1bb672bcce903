// Marks of polygon classes (communes containing a QPV, without its outline) and the rule that names
// never overlap: generated from layers/qpv/layer.ts by src/app/map/thematic/.
import { booleanPointInPolygon } from '@turf/turf';
import type { Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { drawOrder, findSublayer } from '../../layers/index';
import { themeClair, themes } from '../../layers/theme';
import type { GeoFeature } from '../../layers/types';
import { isOutlineOnly } from '../../src/app/map/classify';
import { hasMarks, markCollection, markSymbol } from '../../src/app/map/thematic/data';
import { markerImageId } from '../../src/app/map/thematic/images';
import { markLayers, markSourceId, sublayerStyle } from '../../src/app/map/thematic/style';
import { labelLayer } from '../../src/app/map/labels';

const qpvCommunes = findSublayer('qpv-communes')!.sublayer;

// A C-shaped commune: its centroid (2.5, 2) falls in the notch, outside the polygon.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [5, 0],
      [5, 1],
      [1, 1],
      [1, 3],
      [5, 3],
      [5, 4],
      [0, 4],
      [0, 0],
    ],
  ],
};
const commune = (nom: string, noms: string): GeoFeature => ({
  type: 'Feature',
  geometry: cShape,
  properties: { nom, qpv_nombre: 2, qpv_noms: noms },
});

describe('communes containing a QPV, without QPV outlines', () => {
  it('are an outline only: no fill, no hatch over the commune', () => {
    for (const theme of Object.values(themes)) {
      expect(isOutlineOnly(qpvCommunes, theme)).toBe(true);
      for (const c of qpvCommunes.classes(theme)) {
        expect(c.symbol.fill).toBeUndefined();
        expect(c.symbol.pattern ?? 'plein').toBe('plein');
        expect(c.symbol.marker).toBeDefined();
      }
      const { layers } = sublayerStyle({ sublayer: qpvCommunes, theme, visible: true, uncertainty: false });
      expect(layers.filter((l) => l.type === 'fill')).toEqual([]);
    }
  });

  it('say « contours non disponibles » in their legend', () => {
    expect(qpvCommunes.classes(themeClair)[0].label).toMatch(/contours des QPV non disponibles/);
  });

  it('get one mark per commune, on its surface (not the centroid), with the QPV names', () => {
    const marks = markCollection(qpvCommunes, [commune('Lens', 'Cité A, Cité B'), commune('Avion', 'République')], themeClair)!;
    expect(marks.features).toHaveLength(2);
    for (const m of marks.features) expect(booleanPointInPolygon((m.geometry as Point).coordinates, cShape)).toBe(true);
    expect(marks.features.map((m) => m.properties)).toEqual([
      { i: 0, c: 0, t: 'Cité A, Cité B' },
      { i: 1, c: 0, t: 'République' },
    ]);
  });

  it('are drawn as a marker with the names beside it, from their own source', () => {
    const [mark] = markLayers({ sublayer: qpvCommunes, theme: themeClair, visible: true, uncertainty: false });
    expect(mark.type).toBe('symbol');
    expect('source' in mark && mark.source).toBe(markSourceId('qpv-communes'));
    const layout = (mark as { layout: Record<string, unknown> }).layout;
    expect(layout['icon-image']).toBe(markerImageId(markSymbol(qpvCommunes.classes(themeClair)[0].symbol, themeClair)));
    expect(layout['text-field']).toEqual(['get', 't']);
    expect(layout['text-optional']).toBe(true);
  });

  it('with outlines (geodata/local/ or --en-ligne), the QPV themselves are drawn: a light fill and their outline, no mark', () => {
    const contours = findSublayer('qpv-contours')!.sublayer;
    const { layers } = sublayerStyle({ sublayer: contours, theme: themeClair, visible: true, uncertainty: false });
    expect(layers.map((l) => l.type).sort()).toEqual(['fill', 'line']);
    expect(hasMarks(contours, themeClair)).toBe(false);
    expect(contours.classes(themeClair)[0].label).toMatch(/contour officiel/);
  });

  it('only the marked sublayers have marks', () => {
    const marked = drawOrder.flatMap((l) => l.sublayers).filter((s) => hasMarks(s, themeClair));
    expect(marked.map((s) => s.id)).toEqual(['qpv-communes']);
    expect(markCollection(findSublayer('parcs-terrils')!.sublayer, [commune('x', 'y')], themeClair)).toBeNull();
  });
});

describe('names never overlap', () => {
  it('every text layer the map draws takes part in collisions (no allow-overlap, no ignore-placement)', () => {
    const texts = [labelLayer(themeClair, true)];
    for (const layer of drawOrder)
      for (const sublayer of layer.sublayers) {
        texts.push(...sublayerStyle({ sublayer, theme: themeClair, visible: true, uncertainty: !!sublayer.uncertaintyMetres }).layers);
        texts.push(...markLayers({ sublayer, theme: themeClair, visible: true, uncertainty: false }));
      }
    const withText = texts.filter((l) => l.type === 'symbol' && 'layout' in l && l.layout && 'text-field' in l.layout);
    expect(withText.length).toBeGreaterThanOrEqual(2);
    for (const l of withText) {
      const layout = (l as { layout: Record<string, unknown> }).layout;
      expect(layout['text-allow-overlap'] ?? false, l.id).toBe(false);
      expect(layout['text-ignore-placement'] ?? false, l.id).toBe(false);
    }
  });
});
