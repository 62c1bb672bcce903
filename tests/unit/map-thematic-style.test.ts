// The MapLibre style generated from layers/*/layer.ts: every class keeps its pattern, dash and
// marker (the channels that carry meaning without colour), colours follow the theme, and each
// feature is given the class its `when` chooses.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import { drawOrder, findSublayer } from '../../layers/index';
import { themeClair, themeContraste } from '../../layers/theme';
import type { GeoFeature } from '../../layers/types';
import { sublayerStyle, isPickableLayer, sublayerIdFromLayer } from '../../src/app/map/thematic/style';
import { classIndex, thematicCollection, uncertaintyCollection } from '../../src/app/map/thematic/data';
import { patternImageId, markerImageId } from '../../src/app/map/thematic/images';

const paint = (l: LayerSpecification): Record<string, unknown> => ('paint' in l ? ((l.paint ?? {}) as Record<string, unknown>) : {});
const layout = (l: LayerSpecification): Record<string, unknown> => ('layout' in l ? ((l.layout ?? {}) as Record<string, unknown>) : {});

describe('thematic style generated from the layer definitions', () => {
  for (const layer of drawOrder) {
    for (const sublayer of layer.sublayers) {
      it(`${sublayer.id}: one set of MapLibre layers per class, with its pattern, dash or marker`, () => {
        const { layers } = sublayerStyle({ sublayer, theme: themeClair, visible: true, uncertainty: !!sublayer.uncertaintyMetres });
        sublayer.classes(themeClair).forEach(({ symbol }, k) => {
          const own = layers.filter((l) => JSON.stringify('filter' in l ? l.filter : null) === JSON.stringify(['==', ['get', 'c'], k]));
          if (sublayer.geometry === 'point') {
            const icon = own.find((l) => l.type === 'symbol')!;
            expect(layout(icon)['icon-image']).toBe(markerImageId(symbol));
            return;
          }
          const line = own.find((l) => l.type === 'line' && !l.id.includes('incertitude'))!;
          expect(paint(line)['line-width']).toBe(symbol.lineWidth);
          expect(paint(line)['line-dasharray']).toEqual(symbol.dash);
          const motif = own.find((l) => l.type === 'fill' && 'fill-pattern' in paint(l));
          if (symbol.pattern && symbol.pattern !== 'plein') expect(paint(motif!)['fill-pattern']).toBe(patternImageId(symbol));
          else expect(motif).toBeUndefined();
        });
        for (const l of layers) expect(sublayerIdFromLayer(l.id)).toBe(sublayer.id);
      });
    }
  }

  it('hides a sublayer by layout only, and repaints it in the contrast theme', () => {
    const sublayer = findSublayer('ev5-troncons')!.sublayer;
    const clair = sublayerStyle({ sublayer, theme: themeClair, visible: false, uncertainty: false }).layers[0];
    const contraste = sublayerStyle({ sublayer, theme: themeContraste, visible: true, uncertainty: false }).layers[0];
    expect(layout(clair).visibility).toBe('none');
    expect(layout(contraste).visibility).toBe('visible');
    expect(paint(clair)['line-color']).not.toBe(paint(contraste)['line-color']);
    expect(paint(contraste)['line-color']).toBe(`rgba(${themeContraste.palette.velo.slice(0, 3).join(', ')}, 1.000)`);
  });

  it('never picks the uncertainty circles, always the sites', () => {
    expect(isPickableLayer('thematique:dechets-etablissements:incertitude-fond-0')).toBe(false);
    expect(isPickableLayer('thematique:dechets-etablissements:icone-0')).toBe(true);
    expect(isPickableLayer('fond')).toBe(false);
  });
});

describe('features handed to MapLibre', () => {
  const dechets = findSublayer('dechets-etablissements')!.sublayer;
  const site = (precision: string, precision_m: number | null, lon = 2.83): GeoFeature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, 50.43] },
    properties: { nom: 'Site', precision, precision_m },
  });

  it('keeps the index and the class the `when` predicates choose, and no other property', () => {
    const classes = dechets.classes(themeClair);
    expect(classIndex(classes, { precision: 'arrondie' })).toBe(1);
    expect(classIndex(classes, { precision: 'autre' })).toBe(classes.length - 1);
    const fc = thematicCollection(dechets, [site('adresse', 150), site('arrondie', 700)], themeClair);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { i: 0, c: 0 },
      { i: 1, c: 1 },
    ]);
  });

  it('draws the uncertainty as a ring of the radius in metres around each approximate site', () => {
    const fc = uncertaintyCollection(dechets, [site('commune', 1500), site('adresse', null, 2.9)], themeClair)!;
    expect(fc.features).toHaveLength(1);
    const ring = (fc.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    // A vertex due north is 1,500 m away: 1500 / 111,195 m per degree of latitude.
    const north = Math.max(...ring.map((p) => p[1]));
    expect(north - 50.43).toBeCloseTo(1500 / 111_195, 4);
    expect(fc.features[0].properties).toEqual({ i: 0, c: 2 });
  });
});
