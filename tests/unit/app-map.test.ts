// Pure helpers of the map (src/app/map/): style classes, marker shapes and keys, basemap choices and the
// offline basemap style. Nothing here needs a canvas or WebGL.
import { describe, expect, it, vi } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { layerDefinitions } from '../../layers/index';
import { themeClair, themeContraste } from '../../layers/theme';
import type { Marker, StyleClass, SublayerDefinition, SymbolStyle, Theme } from '../../layers/types';
import { classOf, isOutlineOnly, symbolsByFeature } from '../../src/app/map/classify';
import { markerPath } from '../../src/app/map/marker-shapes';
import { css, markerKey, markerPixelSize } from '../../src/app/map/markers';
import { DEFAULT_BASEMAP, applyBasemap, basemapById, basemaps, isBasemapId } from '../../src/core/map-style/basemaps';
import { LAYER_TERRITORY_FILL, SOURCE_COMMUNES, SOURCE_TERRITOIRE, buildBasemapStyle, setBasemapData } from '../../src/core/map-style/basemap-style';
import { features, point } from '../fixtures/territory';

const red: SymbolStyle = { fill: [200, 0, 0, 255], line: [0, 0, 0, 255], lineWidth: 1 };
const blue: SymbolStyle = { fill: [0, 0, 200, 255], line: [0, 0, 0, 255], lineWidth: 1 };
const grey: SymbolStyle = { fill: [128, 128, 128, 255], line: [0, 0, 0, 255], lineWidth: 1 };

const classes: StyleClass[] = [
  { id: 'unesco', label: 'UNESCO', when: (p) => p.statut === 'unesco', symbol: red },
  { id: 'grand', label: 'Grand', when: (p) => Number(p.surface) > 10, symbol: blue },
  { id: 'autre', label: 'Autre', symbol: grey },
];

describe('classOf: the first matching class gives the symbol', () => {
  it('first match wins when several classes match', () => {
    expect(classOf(classes, { statut: 'unesco', surface: 50 })?.id).toBe('unesco');
    expect(classOf(classes, { statut: 'erbm', surface: 50 })?.id).toBe('grand');
  });

  it('a class without `when` catches everything left', () => {
    expect(classOf(classes, {})?.id).toBe('autre');
  });

  it('no class matches: undefined', () => {
    expect(classOf(classes.slice(0, 2), { statut: 'erbm' })).toBeUndefined();
    expect(classOf([], { statut: 'unesco' })).toBeUndefined();
  });
});

describe('symbolsByFeature', () => {
  const [a, b, c] = features(point(2.7, 50.4, { statut: 'unesco' }), point(2.8, 50.4, { surface: 12 }), point(2.9, 50.4, { surface: 1 }));

  it('gives each feature its class and symbol', () => {
    const map = symbolsByFeature([a, b, c], classes);
    expect(map.get(a)?.cls.id).toBe('unesco');
    expect(map.get(b)?.symbol).toBe(blue);
    expect(map.get(c)?.cls.id).toBe('autre');
  });

  it('a feature matching no class gets the last class (it stays drawn, never vanishes)', () => {
    const map = symbolsByFeature([c], classes.slice(0, 2));
    expect(map.get(c)?.cls.id).toBe('grand');
  });

  it('null properties are read as {}', () => {
    const bare = { ...c, properties: null as unknown as Record<string, unknown> };
    expect(symbolsByFeature([bare], classes).get(bare)?.cls.id).toBe('autre');
  });

  it('no classes: no symbols (nothing to draw), no throw', () => {
    expect(symbolsByFeature([a, b], []).size).toBe(0);
  });
});

describe('isOutlineOnly', () => {
  const sublayer = (geometry: SublayerDefinition['geometry'], symbols: SymbolStyle[]): SublayerDefinition => ({
    id: 's',
    title: 'S',
    geometry,
    nameField: 'nom',
    popupFields: [],
    defaultVisible: true,
    classes: () => symbols.map((symbol, i) => ({ id: `c${i}`, label: 'c', symbol })),
  });
  const line: SymbolStyle = { line: [0, 0, 0, 255], lineWidth: 2 };

  it('polygons without fill, or with a transparent fill, are outlines', () => {
    expect(isOutlineOnly(sublayer('polygon', [line]), themeClair)).toBe(true);
    expect(isOutlineOnly(sublayer('polygon', [{ ...line, fill: [255, 0, 0, 0] }]), themeClair)).toBe(true);
    expect(isOutlineOnly(sublayer('polygon', [{ ...line, fill: [255, 0, 0, 0], pattern: 'plein' }]), themeClair)).toBe(true);
  });

  it('a visible fill, a hatch pattern, or one filled class among outlines makes it a filled layer', () => {
    expect(isOutlineOnly(sublayer('polygon', [{ ...line, fill: [255, 0, 0, 1] }]), themeClair)).toBe(false);
    expect(isOutlineOnly(sublayer('polygon', [{ ...line, pattern: 'hachures' }]), themeClair)).toBe(false);
    expect(isOutlineOnly(sublayer('polygon', [line, { ...line, fill: [0, 0, 0, 255] }]), themeClair)).toBe(false);
  });

  it('lines and points are never outline-only polygons', () => {
    expect(isOutlineOnly(sublayer('line', [line]), themeClair)).toBe(false);
    expect(isOutlineOnly(sublayer('point', [line]), themeClair)).toBe(false);
  });

  it('in the real definitions, communes, the territory and the communes containing a QPV (no QPV outline) are outlines, the thematic polygons are not', () => {
    const outline = layerDefinitions
      .flatMap((l) => l.sublayers)
      .filter((s) => isOutlineOnly(s, themeClair))
      .map((s) => s.id);
    expect(outline).toEqual(['communes', 'territoire', 'qpv-communes']);
    const outlineContrast = layerDefinitions
      .flatMap((l) => l.sublayers)
      .filter((s) => isOutlineOnly(s, themeContraste))
      .map((s) => s.id);
    expect(outlineContrast).toEqual(outline);
  });
});

describe('markerPath', () => {
  const markers: Marker[] = ['cercle', 'carre', 'triangle', 'losange', 'croix'];
  const numbers = (path: string): number[] => (path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

  it.each(markers)('%s: a closed SVG path centred on 0,0 within the radius', (marker) => {
    const path = markerPath(marker, 10);
    expect(path).toMatch(/^M /);
    expect(path.trim().endsWith('Z')).toBe(true);
    const values = numbers(path.replace(/A ([\d.]+) ([\d.]+) 0 1 0/g, 'A'));
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(Math.abs(v)).toBeLessThanOrEqual(10);
    expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(5);
  });

  it('every shape is different (the second visual channel of the legend)', () => {
    const paths = markers.map((m) => markerPath(m, 10));
    expect(new Set(paths).size).toBe(markers.length);
  });

  it('scales with the radius and writes 2 decimals', () => {
    expect(markerPath('losange', 5)).toBe('M 0 -5.00 L 5.00 0 L 0 5.00 L -5.00 0 Z');
    expect(markerPath('losange', 1 / 3)).toBe('M 0 -0.33 L 0.33 0 L 0 0.33 L -0.33 0 Z');
  });
});

describe('markerKey, markerPixelSize, css', () => {
  const base: SymbolStyle = { fill: [1, 2, 3, 255], line: [4, 5, 6, 255], lineWidth: 1.5, marker: 'carre', markerSize: 12 };

  it('same look, same key; any visible difference, another key', () => {
    expect(markerKey({ ...base })).toBe(markerKey(base));
    for (const other of [
      { ...base, marker: 'croix' as const },
      { ...base, fill: [1, 2, 4, 255] as SymbolStyle['fill'] },
      { ...base, fill: undefined },
      { ...base, line: [4, 5, 6, 128] as SymbolStyle['line'] },
      { ...base, lineWidth: 2 },
    ]) {
      expect(markerKey(other)).not.toBe(markerKey(base));
    }
  });

  it('a symbol without marker is a circle', () => {
    expect(markerKey({ ...base, marker: undefined })).toBe(markerKey({ ...base, marker: 'cercle' }));
  });

  it('pixel size is the marker plus both outlines plus 2 px of air; 10 px markers by default', () => {
    expect(markerPixelSize(base)).toBe(12 + 3 + 2);
    expect(markerPixelSize({ ...base, markerSize: undefined })).toBe(10 + 3 + 2);
  });

  it('css() writes rgba with alpha in 0–1', () => {
    expect(css([255, 128, 0, 255])).toBe('rgba(255, 128, 0, 1)');
    expect(css([0, 0, 0, 0])).toBe('rgba(0, 0, 0, 0)');
    expect(css([10, 20, 30, 51])).toBe('rgba(10, 20, 30, 0.2)');
  });
});

describe('basemaps', () => {
  it('the default basemap is the offline one', () => {
    expect(basemapById(DEFAULT_BASEMAP).online).toBe(false);
    expect(basemapById(DEFAULT_BASEMAP).raster).toBeUndefined();
  });

  it('ids are unique and recognised; other values are not', () => {
    const ids = basemaps.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(isBasemapId(id)).toBe(true);
    for (const v of ['', 'OSM', 'google', 'constructor', '__proto__', null, undefined, 1, {}]) expect(isBasemapId(v)).toBe(false);
  });

  it('an unknown id falls back to the first (offline) basemap', () => {
    expect(basemapById('nope' as never).id).toBe(basemaps[0].id);
  });

  it('every online basemap has HTTPS raster tiles and a credit (producer, licence)', () => {
    for (const b of basemaps.filter((x) => x.online)) {
      expect(b.raster?.tiles.length).toBeGreaterThan(0);
      for (const url of b.raster!.tiles) {
        expect(url.startsWith('https://')).toBe(true);
        expect(url).toContain('{z}');
      }
      expect(b.credit?.producer).toBeTruthy();
      expect(b.credit?.licence).toBeTruthy();
    }
  });

  function fakeMap(existing: { layers: string[]; sources: string[] }) {
    const layers = new Set(existing.layers);
    const sources = new Set(existing.sources);
    const calls: string[] = [];
    const map = {
      getLayer: (id: string) => (layers.has(id) ? { id } : undefined),
      getSource: (id: string) => (sources.has(id) ? { id } : undefined),
      removeLayer: vi.fn((id: string) => {
        calls.push(`removeLayer ${id}`);
        layers.delete(id);
      }),
      removeSource: vi.fn((id: string) => {
        calls.push(`removeSource ${id}`);
        sources.delete(id);
      }),
      setPaintProperty: vi.fn(),
      addSource: vi.fn((id: string) => {
        calls.push(`addSource ${id}`);
        sources.add(id);
      }),
      addLayer: vi.fn((layer: { id: string }) => {
        calls.push(`addLayer ${layer.id}`);
        layers.add(layer.id);
      }),
    };
    return { map, calls, asMap: map as unknown as MapLibreMap };
  }

  it('an online basemap adds its raster under the territory fill, which becomes see-through', () => {
    const { map, asMap } = fakeMap({ layers: [LAYER_TERRITORY_FILL], sources: [] });
    const osm = basemapById('osm');
    applyBasemap(asMap, osm);
    expect(map.setPaintProperty).toHaveBeenCalledWith(LAYER_TERRITORY_FILL, 'fill-opacity', 0.12);
    expect(map.addSource).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ type: 'raster', tiles: osm.raster!.tiles }));
    const [layer, before] = map.addLayer.mock.calls[0] as unknown as [{ type: string }, string];
    expect(layer.type).toBe('raster');
    expect(before).toBe(LAYER_TERRITORY_FILL);
  });

  it('switching basemaps removes the previous raster first (layer before source), and back to offline adds none', () => {
    const { map, calls, asMap } = fakeMap({ layers: [LAYER_TERRITORY_FILL], sources: [] });
    applyBasemap(asMap, basemapById('ign-standard'));
    applyBasemap(asMap, basemapById('osm'));
    expect(map.addSource).toHaveBeenCalledTimes(2);
    const second = calls.slice(2);
    expect(second[0]).toMatch(/^removeLayer /);
    expect(second[1]).toMatch(/^removeSource /);
    applyBasemap(asMap, basemapById('atlas'));
    expect(map.addSource).toHaveBeenCalledTimes(2);
    expect(map.setPaintProperty).toHaveBeenLastCalledWith(LAYER_TERRITORY_FILL, 'fill-opacity', 1);
  });
});

describe('buildBasemapStyle (offline basemap)', () => {
  it.each([themeClair, themeContraste])('theme $id: no URL of any kind (no glyphs, sprite or tiles)', (theme) => {
    const style = buildBasemapStyle(theme);
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:|\/\/|glyphs|sprite|"url"|"tiles"/);
    expect(style.version).toBe(8);
  });

  it('draws the background and the territory fill in the theme colours, from empty sources filled later', () => {
    const style = buildBasemapStyle(themeClair);
    const ids = style.layers.map((l) => l.id);
    expect(ids[0]).toBe('fond');
    expect(ids).toContain(LAYER_TERRITORY_FILL);
    const bg = style.layers[0] as { paint: Record<string, unknown> };
    expect(bg.paint['background-color']).toBe('rgba(232, 236, 238, 1.000)');
    expect(Object.keys(style.sources).sort()).toEqual([SOURCE_COMMUNES, SOURCE_TERRITOIRE].sort());
    expect(style.sources[SOURCE_TERRITOIRE]).toEqual({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  });

  it('the high-contrast theme paints every basemap layer in its own colours', () => {
    // Each colour paint property of each layer, per theme (the style's name differs too, so the
    // comparison is made on the paint only).
    const colours = (theme: Theme) =>
      Object.fromEntries(
        buildBasemapStyle(theme).layers.flatMap((layer) =>
          Object.entries((layer as { paint?: Record<string, unknown> }).paint ?? {})
            .filter(([key]) => key.endsWith('-color'))
            .map(([key, value]) => [`${layer.id} ${key}`, value]),
        ),
      );
    const clair = colours(themeClair);
    const contraste = colours(themeContraste);
    expect(Object.keys(contraste).sort()).toEqual(Object.keys(clair).sort());
    expect(Object.keys(clair).length).toBeGreaterThanOrEqual(4);
    for (const key of Object.keys(clair)) expect(contraste[key], key).not.toBe(clair[key]);
    // What a reader sees: a black ground under white outlines, read from the theme itself.
    const rgbaOf = ([r, g, b]: number[]) => new RegExp(`^rgba\\(${r}, ${g}, ${b},`);
    expect(contraste['fond background-color']).toMatch(rgbaOf(themeContraste.background));
    expect(contraste['fond background-color']).toMatch(/^rgba\(0, 0, 0,/);
    expect(clair['fond background-color']).toMatch(rgbaOf(themeClair.background));
  });

  it('setBasemapData fills a GeoJSON source, and ignores missing or non-GeoJSON sources', () => {
    const setData = vi.fn();
    const sources: Record<string, unknown> = { [SOURCE_COMMUNES]: { setData }, raster: { type: 'raster' } };
    const map = { getSource: (id: string) => sources[id] } as unknown as MapLibreMap;
    const list = features(point(2.8, 50.4));
    setBasemapData(map, SOURCE_COMMUNES, list);
    expect(setData).toHaveBeenCalledWith({ type: 'FeatureCollection', features: list });
    expect(() => setBasemapData(map, 'raster', list)).not.toThrow();
    expect(() => setBasemapData(map, 'absente', list)).not.toThrow();
  });
});
