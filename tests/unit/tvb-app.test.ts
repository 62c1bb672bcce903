// The app side of the trame verte et bleue: a green sublayer shares its source file (one request),
// is not listed twice by the search, and the workbench says what a project crosses.
import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../../layers/index';
import type { Catalog, CatalogLayer } from '../../layers/types';
import { initialLayerData, sublayersByFile, type LayerData } from '../../src/app/data/useLayerData';
import { buildSearchIndex } from '../../src/app/search/search-index';
import { corridorSentence } from '../../src/app/workbench/ui/corridor-sentence';
import type { AnalysisSummary, SublayerHit } from '../../src/core/types';
import { analysedSublayers } from '../../src/core/analysis/thematic-data';
import { box } from '../fixtures/territory';
import '../../src/app/i18n/catalogue-en';

const entry = (id: string, files: Record<string, string | null>, from: Record<string, string> = {}): CatalogLayer => {
  const def = layerDefinitions.find((l) => l.id === id)!;
  return {
    id,
    title: def.title,
    status: 'ok',
    sublayers: def.sublayers.map((s) => ({
      id: s.id,
      title: s.title,
      file: s.id in files ? files[s.id] : `${s.id}.fgb`,
      featureCount: 1,
      bounds: null,
      geometry: s.geometry,
      ...(from[s.id] ? { from: from[s.id] } : {}),
    })),
    metrics: [],
    items: [],
    sources: [],
    report: { read: 0, kept: 0, repaired: 0, skipped: 0, messages: [] },
  };
};

// As the pipeline writes it: the green TVB sublayers point at the parcs files; no blue source.
const catalog: Catalog = {
  version: 1,
  generatedAt: '2026-01-01T00:00:00Z',
  territory: { name: 'CALL', epci: '246200364', bounds: [2.6, 50.3, 3.0, 50.5] },
  layers: [
    entry('parcs', {}),
    entry(
      'tvb',
      {
        'tvb-vert-espaces': 'parcs-espaces.fgb',
        'tvb-vert-terrils': 'parcs-terrils.fgb',
        'tvb-vert-cavaliers': 'parcs-cavaliers.fgb',
        'tvb-vert-cavaliers-unesco': 'parcs-cavaliers-unesco.fgb',
        'tvb-cours-d-eau': null,
        'tvb-plans-d-eau': null,
        'tvb-srce': null,
        'tvb-znieff': null,
      },
      {
        'tvb-vert-espaces': 'parcs-espaces',
        'tvb-vert-terrils': 'parcs-terrils',
        'tvb-vert-cavaliers': 'parcs-cavaliers',
        'tvb-vert-cavaliers-unesco': 'parcs-cavaliers-unesco',
      },
    ),
  ],
  sources: [],
  inputsDigest: 'x',
};

describe('a sublayer showing another layer’s file', () => {
  it('is read in the same request as its source sublayer; each file is asked for once', () => {
    const files = sublayersByFile(catalog, initialLayerData(catalog));
    expect(files.get('parcs-espaces.fgb')).toEqual(['parcs-espaces', 'tvb-vert-espaces']);
    expect(files.get('parcs-cavaliers.fgb')).toEqual(['parcs-cavaliers', 'tvb-vert-cavaliers']);
    expect([...files.keys()].sort()).toEqual([
      'parcs-cavaliers-unesco.fgb',
      'parcs-cavaliers.fgb',
      'parcs-espaces.fgb',
      'parcs-terrils.fgb',
      'tvb-discontinuites.fgb',
    ]);
  });

  it('offline, the blue sublayers have no geometry (nothing loaded, nothing drawn)', () => {
    const data = initialLayerData(catalog);
    expect(data['tvb-cours-d-eau']).toEqual({ state: 'sans-geometrie' });
    expect(data['tvb-plans-d-eau']).toEqual({ state: 'sans-geometrie' });
  });

  it('is not listed twice by the search', () => {
    const parc = box(2.8, 50.4, 2.81, 50.41, { nom: 'Parc de la Glissoire' });
    const data: LayerData = { 'parcs-espaces': { state: 'ok', features: [parc] }, 'tvb-vert-espaces': { state: 'ok', features: [parc] } };
    const found = buildSearchIndex(data, []).filter((e) => e.label === 'Parc de la Glissoire');
    expect(found.map((e) => e.target)).toEqual([{ kind: 'feature', sublayerId: 'parcs-espaces', index: 0 }]);
  });

  it('is analysed by the workbench like any other sublayer', () => {
    const ids = analysedSublayers(catalog).map((s) => s.sublayerId);
    expect(ids).toContain('tvb-vert-cavaliers');
    expect(ids).not.toContain('tvb-cours-d-eau');
  });
});

describe('what a project crosses in the trame verte et bleue', () => {
  const hit = (sublayerId: string, names: string[], layerId = 'tvb'): SublayerHit => ({
    layerId,
    sublayerId,
    title: sublayerId,
    count: names.length,
    features: names.map((name, index) => ({ index, name })),
    lengthKm: null,
    areaHa: null,
  });
  const summary = (hits: SublayerHit[]): AnalysisSummary => ({
    source: { kind: 'espace', itemId: 'p', name: 'Projet' },
    distanceM: 50,
    bufferAreaHa: 10,
    hits,
    computedAt: '2026-01-01T00:00:00Z',
  });

  it('counts green features, and watercourses once per name however many tronçons', () => {
    const s = summary([
      hit('tvb-vert-cavaliers', ['Cavalier A']),
      hit('tvb-vert-espaces', ['Parc']),
      hit('tvb-cours-d-eau', ['la Souchez', 'la Souchez']),
      hit('tvb-plans-d-eau', []),
      hit('parcs-espaces', ['Parc'], 'parcs'),
    ]);
    expect(corridorSentence(s)).toBe("Trame verte et bleue : votre projet coupe 2 continuités vertes et 1 cours d'eau.");
    expect(corridorSentence(s, 'en')).toBe('Green and blue corridors: your project crosses 2 green corridors and 1 watercourse.');
  });

  it('without a water network in the data, says the watercourses are not counted', () => {
    expect(corridorSentence(summary([hit('tvb-vert-terrils', ['T1'])]))).toBe(
      "Trame verte et bleue : votre projet coupe 1 continuité verte et 0 cours d'eau (réseau hydrographique absent de ces données : les cours d’eau ne sont pas comptés).",
    );
    expect(corridorSentence(summary([hit('parcs-espaces', ['Parc'], 'parcs')]))).toBeNull();
  });
});
