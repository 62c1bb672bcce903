// The recipe of docs/how-to-add-a-layer.md, checked: a thematic layer is a folder of layers/ with a
// definition (layer.ts) and a pipeline (pipeline.ts), registered in layers/index.ts (the app) and
// layers/pipelines.ts (the data build), reading sources declared in geodata/sources.json. A layer
// registered in one place and missing in another fails here, naming the place.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerDefinitions } from '../../layers/index';
import { layerPipelines } from '../../layers/pipelines';

const LAYERS = join(import.meta.dirname, '../../layers');
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../geodata/sources.json'), 'utf8')) as { sources: { id: string }[] };

const folders = readdirSync(LAYERS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Where each layer id is found: its folder, the app registry, the pipeline registry. */
function registrationGaps(input: { folders: string[]; definitions: string[]; pipelines: string[] }): string[] {
  const ids = new Set([...input.folders, ...input.definitions, ...input.pipelines]);
  const gaps: string[] = [];
  for (const id of [...ids].sort()) {
    if (!input.folders.includes(id)) gaps.push(`${id} : pas de dossier layers/${id}/`);
    if (!input.definitions.includes(id)) gaps.push(`${id} : absente de layers/index.ts (layerDefinitions)`);
    if (!input.pipelines.includes(id)) gaps.push(`${id} : absente de layers/pipelines.ts (layerPipelines)`);
  }
  return gaps;
}

describe('layer registry', () => {
  it('finds the layers (the scan looks at the real folder)', () => {
    expect(folders.length).toBeGreaterThanOrEqual(7);
    expect(folders).toContain('ev5');
  });

  it('every layer folder is registered for the app and for the data build, and nothing else is', () => {
    const gaps = registrationGaps({
      folders,
      definitions: layerDefinitions.map((l) => l.id),
      pipelines: layerPipelines.map((p) => p.layerId),
    });
    expect(gaps).toEqual([]);
  });

  it.each(folders)('layers/%s has its definition and its pipeline module', (id) => {
    expect(existsSync(join(LAYERS, id, 'layer.ts')), `layers/${id}/layer.ts`).toBe(true);
    expect(existsSync(join(LAYERS, id, 'pipeline.ts')), `layers/${id}/pipeline.ts`).toBe(true);
  });

  it('the data build runs the communes first (every other rule needs the territory)', () => {
    expect(layerPipelines[0].layerId).toBe('communes');
  });

  it.each(layerDefinitions.map((l) => [l.id, l]))('%s reads only sources declared in geodata/sources.json', (_id, layer) => {
    const declared = new Set(manifest.sources.map((s) => s.id));
    expect(layer.sources.filter((s) => !declared.has(s))).toEqual([]);
  });

  it('sublayer ids are unique across layers (they name files, URL parameters and table views)', () => {
    const ids = layerDefinitions.flatMap((l) => l.sublayers.map((s) => s.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('drawing orders are distinct, so the stacking of layers is defined', () => {
    const orders = layerDefinitions.map((l) => l.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('would catch a layer registered for the app but not for the data build', () => {
    expect(registrationGaps({ folders: ['ev5', 'tvb'], definitions: ['ev5', 'tvb'], pipelines: ['ev5'] })).toEqual([
      'tvb : absente de layers/pipelines.ts (layerPipelines)',
    ]);
    expect(registrationGaps({ folders: ['ev5'], definitions: ['ev5', 'x'], pipelines: ['ev5'] })).toEqual([
      'x : pas de dossier layers/x/',
      'x : absente de layers/pipelines.ts (layerPipelines)',
    ]);
  });
});
