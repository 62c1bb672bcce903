// `npm run inspect -- <fichier> [autres fichiers] [--crs EPSG:2154]`: runs the workbench's own
// importer (the same importFiles the app's worker runs) on files from the disk and prints one JSON
// report. Exit status 1 when a file cannot be read at all, 2 on a usage error, 0 otherwise.
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { crsCodeFromName, supportedCrsList } from '../src/core/geo/crs';
import { groupInputs, importErrors, importFiles, ImportError, MAX_FILE_BYTES, ZIP_MAX_RATIO, ZIP_MAX_TOTAL_BYTES } from '../src/core/import';
import type { CrsCode, CrsDetection, ImportedLayer, ImportFormat, ImportInput } from '../src/core/types';
import type { Bounds } from '../layers/types';

const USAGE = `Usage : npm run inspect -- <fichier> [autres fichiers…] [--crs EPSG:2154]

Lit des fichiers géographiques avec l'importeur de l'atelier (le même que dans l'application)
et affiche un rapport JSON : format, système de coordonnées détecté, nombre d'entités, types
de géométrie, emprise en WGS 84, noms des propriétés, avertissements et erreurs.

Formats : GeoJSON, FlatGeobuf (.fgb), KML, KMZ, GPX, Shapefile zippé (.zip) ou ses fichiers
.shp/.dbf/.prj/.cpg donnés ensemble, CSV (longitude/latitude, x/y ou colonne wkt).

Options :
  --crs <code>   impose le système des coordonnées du fichier au lieu de le détecter :
                 ${supportedCrsList()}
  --help, -h     affiche cette aide

Limites : ${MAX_FILE_BYTES / 1024 / 1024} Mo par fichier ; archives ZIP : ${ZIP_MAX_TOTAL_BYTES / 1024 / 1024 / 1024} Go décompressés au plus,
taux de compression ${ZIP_MAX_RATIO}:1 au plus par fichier.

Code de sortie : 0 si chaque fichier a donné au moins une couche, 1 sinon, 2 si la commande est mal écrite.`;

interface LayerReport {
  name?: string;
  format: ImportFormat | null;
  crs: CrsDetection | null;
  crsUsed: CrsCode | null;
  featureCount: number;
  geometryTypes: Record<string, number>;
  bounds: Bounds | null;
  propertyNames: string[];
  warnings: string[];
}

type FileReport = { file: string } & LayerReport & { errors: string[]; layers?: LayerReport[] };

function layerReport(layer: ImportedLayer): LayerReport {
  const { name, format, crs, crsUsed, geometryTypes, bounds, propertyNames, warnings } = layer;
  return { name, format, crs, crsUsed, featureCount: layer.features.length, geometryTypes, bounds, propertyNames, warnings };
}

/** One layer: its fields. Several: format and CRS of the first, counts summed, bounds and names united. */
function fileReport(file: string, layers: ImportedLayer[], errors: ImportError[]): FileReport {
  const messages = errors.map((e) => e.message);
  if (layers.length === 0) {
    const format = errors.find((e) => e.format)?.format ?? null;
    return {
      file,
      format,
      crs: null,
      crsUsed: null,
      featureCount: 0,
      geometryTypes: {},
      bounds: null,
      propertyNames: [],
      warnings: [],
      errors: messages,
    };
  }
  const reports = layers.map(layerReport);
  if (reports.length === 1) {
    const { name: _name, ...only } = reports[0];
    return { file, ...only, errors: messages };
  }
  const geometryTypes: Record<string, number> = {};
  let bounds: Bounds | null = null;
  for (const r of reports) {
    for (const [type, n] of Object.entries(r.geometryTypes)) geometryTypes[type] = (geometryTypes[type] ?? 0) + n;
    if (r.bounds) {
      bounds = bounds
        ? [Math.min(bounds[0], r.bounds[0]), Math.min(bounds[1], r.bounds[1]), Math.max(bounds[2], r.bounds[2]), Math.max(bounds[3], r.bounds[3])]
        : [...r.bounds];
    }
  }
  return {
    file,
    format: reports[0].format,
    crs: reports[0].crs,
    crsUsed: reports[0].crsUsed,
    featureCount: reports.reduce((n, r) => n + r.featureCount, 0),
    geometryTypes,
    bounds,
    propertyNames: [...new Set(reports.flatMap((r) => r.propertyNames))],
    warnings: [...new Set(reports.flatMap((r) => r.warnings))],
    errors: messages,
    layers: reports,
  };
}

function parseArgs(argv: string[]): { files: string[]; crs?: CrsCode } | { help: true } | { usageError: string } {
  const files: string[] = [];
  let crs: CrsCode | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--crs' || arg.startsWith('--crs=')) {
      const value = arg === '--crs' ? argv[++i] : arg.slice('--crs='.length);
      const code = value ? crsCodeFromName(value) : null;
      if (!code) return { usageError: `système « ${value ?? ''} » non pris en charge ; choisir parmi : ${supportedCrsList()}` };
      crs = code;
    } else if (arg.startsWith('--')) return { usageError: `option inconnue : ${arg}` };
    else files.push(arg);
  }
  if (files.length === 0) return { usageError: 'aucun fichier donné' };
  return { files, crs };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if ('help' in args) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('usageError' in args) {
    process.stderr.write(`inspect : ${args.usageError}.\n\n${USAGE}\n`);
    return 2;
  }
  const inputs: ImportInput[] = [];
  const pathOf = new Map<string, string>();
  const early: FileReport[] = [];
  for (const path of args.files) {
    const name = basename(path);
    try {
      // Checked before reading: a 5 GB file must not be loaded to be refused.
      // `npm run` moves to the package folder: relative paths are the caller's (INIT_CWD).
      const full = resolve(process.env.INIT_CWD ?? process.cwd(), path);
      const size = (await stat(full)).size;
      if (size > MAX_FILE_BYTES) {
        early.push(fileReport(path, [], [importErrors.tooBig(name, size, MAX_FILE_BYTES)]));
        continue;
      }
      inputs.push({ name, bytes: new Uint8Array(await readFile(full)) });
      pathOf.set(name, path);
    } catch {
      early.push(
        fileReport(path, [], [new ImportError('illisible', name, `${name} : fichier introuvable ou illisible (${path}). Vérifiez le chemin.`)]),
      );
    }
  }
  const { layers, errors } = await importFiles(inputs, { crs: args.crs });
  const reports = [...early];
  for (const unit of groupInputs(inputs)) {
    const fileName = unit.kind === 'file' ? unit.input.name : unit.fileName;
    reports.push(
      fileReport(
        pathOf.get(fileName) ?? fileName,
        layers.filter((l) => l.fileName === fileName),
        errors.filter((e) => e.fileName === fileName),
      ),
    );
  }
  const output = reports.length === 1 ? reports[0] : { files: reports };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return reports.some((r) => r.featureCount === 0 && r.errors.length > 0) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`inspect : erreur inattendue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
