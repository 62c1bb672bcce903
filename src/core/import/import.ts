// Entry points: importFiles (a drop or a command line: loose shapefile parts grouped, each file
// imported on its own so one failure does not stop the others) and importFile (one file, throws
// ImportError).
import type { ImportedLayer, ImportFormat, ImportInput } from '../types';
import { detectFormat, SHAPEFILE_SIDECARS } from './detect-format';
import { asImportError, errors, ImportError } from './errors';
import { finalizeLayer } from './finalize';
import { resolveLimits, type ImporterOptions, type ImportLimits } from './limits';
import { parseCsv } from './parse-csv';
import { parseFlatGeobuf } from './parse-flatgeobuf';
import { parseGeoJson } from './parse-geojson';
import { parseShapefile, type ShapefileParts } from './parse-shapefile';
import { parseGpx, parseKml } from './parse-xml';
import type { RawLayer } from './raw-layer';
import { openZip } from './read-zip';
import { ImportRun } from './run';
import { baseName, extensionOf } from './text';

/** What one import produces: a file, or the loose parts of one shapefile. */
export type ImportUnit =
  | { kind: 'file'; input: ImportInput }
  | { kind: 'shapefile'; fileName: string; parts: Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', ImportInput>> }
  | { kind: 'orphan'; fileName: string; base: string };

const isSidecar = (name: string) => SHAPEFILE_SIDECARS.has(extensionOf(name)) || name.toLowerCase().endsWith('.shp.xml');
const shapefileKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/\.shp\.xml$/, '')
    .replace(/\.[^./\\]+$/, '');

/** Loose .shp/.dbf/.prj/.cpg/.shx grouped by base name; every other file is a unit of its own. */
export function groupInputs(inputs: ImportInput[]): ImportUnit[] {
  const units: ImportUnit[] = [];
  const groups = new Map<string, ImportInput[]>();
  for (const input of inputs) {
    const ext = extensionOf(input.name);
    if (ext !== 'shp' && !isSidecar(input.name)) {
      units.push({ kind: 'file', input });
      continue;
    }
    const key = shapefileKey(input.name);
    let group = groups.get(key);
    if (!group) {
      groups.set(key, (group = []));
      // Placeholder keeps the drop order; filled below.
      units.push({ kind: 'orphan', fileName: key, base: key });
    }
    group.push(input);
  }
  return units.map((unit) => {
    if (unit.kind !== 'orphan') return unit;
    const group = groups.get(unit.base) ?? [];
    const byExt = (ext: string) => group.find((i) => extensionOf(i.name) === ext);
    const shp = byExt('shp');
    if (!shp) return { kind: 'orphan', fileName: group[0].name, base: baseName(group[0].name).replace(/\.shp$/i, '') };
    return { kind: 'shapefile', fileName: shp.name, parts: { shp, dbf: byExt('dbf'), prj: byExt('prj'), cpg: byExt('cpg') } };
  });
}

function checkSize(input: ImportInput, limits: ImportLimits): void {
  if (input.bytes.byteLength > limits.maxFileBytes) throw errors.tooBig(input.name, input.bytes.byteLength, limits.maxFileBytes);
}

function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return true;
}

interface LayerSource {
  label: string;
  format: ImportFormat;
  read: () => Promise<RawLayer[]>;
}

async function sourcesOf(input: ImportInput, run: ImportRun): Promise<{ sources: LayerSource[]; warning: string | null }> {
  const { name, bytes } = input;
  const detection = detectFormat(input);
  if (!detection) throw errors.unknownFormat(name);
  const one = (format: ImportFormat, read: () => Promise<RawLayer | RawLayer[]>): LayerSource[] => [
    { label: name, format, read: async () => [await read()].flat() },
  ];
  switch (detection.kind) {
    case 'geojson':
      return { sources: one('geojson', () => parseGeoJson(bytes, name, run)), warning: detection.warning };
    case 'flatgeobuf':
      return { sources: one('flatgeobuf', () => parseFlatGeobuf(bytes, name, run)), warning: detection.warning };
    case 'kml':
      return { sources: one('kml', () => parseKml(bytes, name, run)), warning: detection.warning };
    case 'gpx':
      return { sources: one('gpx', () => parseGpx(bytes, name, run)), warning: detection.warning };
    case 'csv':
      return { sources: one('csv', () => parseCsv(bytes, name, run)), warning: detection.warning };
    case 'shp':
      return { sources: one('shapefile', () => parseShapefile({ name: baseName(name), shp: bytes }, name, run)), warning: detection.warning };
    case 'zip':
      return { sources: await openZip(bytes, name, run), warning: detection.warning };
  }
}

/**
 * Reads and finishes every layer of the unit. In a file with several layers, a layer that fails
 * becomes a warning on the others; the unit fails only when all do.
 */
async function importUnit(unit: ImportUnit, options: ImporterOptions, span: [number, number]): Promise<ImportedLayer[]> {
  const fileName = unit.kind === 'file' ? unit.input.name : unit.fileName;
  if (unit.kind === 'orphan') throw errors.shpMissing(fileName, unit.base);
  const run = new ImportRun(fileName, options, span);
  const limits = resolveLimits(options);
  let sources: LayerSource[];
  let warning: string | null = null;
  if (unit.kind === 'file') {
    checkSize(unit.input, limits);
    if (unit.input.bytes.byteLength === 0 || isBlank(unit.input.bytes)) throw errors.empty(fileName);
    await run.step('lecture', 0);
    ({ sources, warning } = await sourcesOf(unit.input, run));
  } else {
    const parts = unit.parts;
    for (const part of Object.values(parts)) if (part) checkSize(part, limits);
    const shp = parts.shp as ImportInput;
    if (shp.bytes.byteLength === 0) throw errors.empty(shp.name);
    await run.step('lecture', 0);
    const shapefile: ShapefileParts = {
      name: baseName(shp.name),
      shp: shp.bytes,
      dbf: parts.dbf?.bytes,
      prj: parts.prj?.bytes,
      cpg: parts.cpg?.bytes,
    };
    sources = [{ label: fileName, format: 'shapefile', read: async () => [await parseShapefile(shapefile, fileName, run)] }];
  }

  const layers: ImportedLayer[] = [];
  const failures: ImportError[] = [];
  for (const source of sources) {
    try {
      const raws = await source.read();
      for (let i = 0; i < raws.length; i++) {
        run.setLayer(i, raws.length);
        try {
          layers.push(await finalizeLayer(raws[i], fileName, run, source.label));
        } catch (error) {
          const failure = asImportError(error, source.label, raws[i].format);
          if (raws.length === 1 || failure.code === 'annule') throw failure;
          failures.push(failure);
        }
      }
    } catch (error) {
      const failure = asImportError(error, source.label, source.format);
      if (failure.code === 'annule' || sources.length === 1) throw failure;
      failures.push(failure);
    }
  }
  if (layers.length === 0) throw new ImportError(failures[0].code, fileName, failures[0].message, failures[0].format);
  for (const layer of layers) {
    if (warning) layer.warnings.unshift(warning);
    for (const failure of failures) layer.warnings.push(`${failure.message} Cette couche n'est pas importée.`);
  }
  return layers;
}

/** One file (a loose .shp is read alone; a lone .dbf/.prj fails with 'shp-incomplet'). Throws ImportError. */
export async function importFile(input: ImportInput, options: ImporterOptions = {}): Promise<ImportedLayer[]> {
  const unit: ImportUnit = isSidecar(input.name)
    ? { kind: 'orphan', fileName: input.name, base: baseName(input.name).replace(/\.shp$/i, '') }
    : { kind: 'file', input };
  try {
    return await importUnit(unit, options, [0, 1]);
  } catch (error) {
    throw asImportError(error, input.name, undefined);
  }
}

/** Several files, one after the other; failures are collected, a cancellation stops the rest. */
export async function importFiles(inputs: ImportInput[], options: ImporterOptions = {}): Promise<{ layers: ImportedLayer[]; errors: ImportError[] }> {
  const units = groupInputs(inputs);
  const layers: ImportedLayer[] = [];
  const failures: ImportError[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    const fileName = unit.kind === 'file' ? unit.input.name : unit.fileName;
    try {
      layers.push(...(await importUnit(unit, options, [i / units.length, (i + 1) / units.length])));
    } catch (error) {
      const failure = asImportError(error, fileName, undefined);
      failures.push(failure);
      if (failure.code === 'annule') break;
    }
  }
  return { layers, errors: failures };
}
