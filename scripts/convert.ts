// `npm run convert -- <entrée> <sortie.{geojson,fgb,csv,kml,shp.zip,gpkg}> [--crs 2154|3950|4326]`:
// the atlas's importer and exporters (the very ones the workbench runs) from a GIS team's scripts.
// The output is written only once it is complete, so a failure leaves an existing file untouched.
// Exit status 0 on success, 1 on any failure (messages in French on stderr).
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { importCredit } from '../src/core/credits';
import { exportFeaturesAsync, isExportCrs } from '../src/core/export';
import { exportCrsChoices, defaultExportCrs } from '../src/core/export/formats';
import { exportCrsLabel } from '../src/core/export/crs';
import { crsCodeFromName, supportedCrsList } from '../src/core/geo/crs';
import { importFiles, MAX_FILE_BYTES } from '../src/core/import';
import type { CrsCode, ExportCrs, ExportFormat, ImportInput } from '../src/core/types';
import type { GeoFeature } from '../layers/types';

const USAGE = `Usage : npm run convert -- <entrée> <sortie> [--crs 2154|3950|4326] [--crs-entree <code>]

Convertit un fichier géographique avec l'importeur et les exports de l'Atlas Lens-Liévin (les
mêmes que dans l'atelier de l'application).

Entrée : GeoJSON, FlatGeobuf (.fgb), KML, KMZ, GPX, CSV, Shapefile zippé (.zip) ou .shp (les
fichiers .dbf, .prj, .cpg, .shx de même nom à côté sont lus avec lui).
Sortie, d'après son extension : .geojson, .fgb, .csv, .kml, .shp.zip (Shapefile zippé), .gpkg (GeoPackage).

Options :
  --crs <code>         système de coordonnées de la sortie : 2154 (Lambert-93), 3950 (CC50) ou
                       4326 (WGS 84). Par défaut : Lambert-93 pour .shp.zip et .gpkg, WGS 84 sinon ;
                       le KML est toujours en WGS 84.
  --crs-entree <code>  impose le système de l'entrée au lieu de le détecter : ${supportedCrsList()}
  --help, -h           affiche cette aide

Code de sortie : 0 si le fichier est écrit, 1 sinon.`;

const OUTPUTS: [RegExp, ExportFormat][] = [
  [/\.(geo)?json$/i, 'geojson'],
  [/\.fgb$/i, 'flatgeobuf'],
  [/\.csv$/i, 'csv'],
  [/\.kml$/i, 'kml'],
  [/\.(shp\.)?zip$/i, 'shapefile'],
  [/\.gpkg$/i, 'geopackage'],
];

interface Args {
  input: string;
  output: string;
  format: ExportFormat;
  crs?: ExportCrs;
  inputCrs?: CrsCode;
}

class Failure extends Error {}
/** A badly written command: the help follows the message. */
class UsageError extends Failure {}

function parseArgs(argv: string[]): Args | 'help' {
  const positional: string[] = [];
  let crs: ExportCrs | undefined;
  let inputCrs: CrsCode | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return 'help';
    const option = /^--(crs|crs-entree)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? argv[++i] ?? '';
      const code = crsCodeFromName(value);
      if (option[1] === 'crs') {
        if (!code || !isExportCrs(code))
          throw new UsageError(`système de sortie « ${value} » non pris en charge ; choisir 2154 (Lambert-93), 3950 (CC50) ou 4326 (WGS 84)`);
        crs = code;
      } else {
        if (!code) throw new UsageError(`système d'entrée « ${value} » non pris en charge ; choisir parmi : ${supportedCrsList()}`);
        inputCrs = code;
      }
    } else if (arg.startsWith('--')) throw new UsageError(`option inconnue : ${arg}`);
    else positional.push(arg);
  }
  if (positional.length !== 2)
    throw new UsageError(
      positional.length < 2
        ? 'il faut un fichier d’entrée et un fichier de sortie'
        : `trop de fichiers donnés (${positional.length}) : une entrée, une sortie`,
    );
  const [input, output] = positional;
  const format = OUTPUTS.find(([pattern]) => pattern.test(output))?.[1];
  if (!format)
    throw new UsageError(`extension de sortie non reconnue : « ${basename(output)} » (attendu : .geojson, .fgb, .csv, .kml, .shp.zip ou .gpkg)`);
  if (crs && !exportCrsChoices(format).includes(crs))
    throw new UsageError(`le format de « ${basename(output)} » ne s'écrit qu'en ${exportCrsChoices(format).map(exportCrsLabel).join(', ')}`);
  return { input, output, format, crs, inputCrs };
}

async function readInputs(path: string): Promise<ImportInput[]> {
  const size = await stat(path).then(
    (s) => s.size,
    () => {
      throw new Failure(`fichier d'entrée introuvable ou illisible : ${path}`);
    },
  );
  if (size > MAX_FILE_BYTES)
    throw new Failure(`${basename(path)} : ${Math.round(size / 1024 / 1024)} Mo, au-delà de la limite de ${MAX_FILE_BYTES / 1024 / 1024} Mo`);
  const inputs: ImportInput[] = [{ name: basename(path), bytes: new Uint8Array(await readFile(path)) }];
  // A loose .shp travels with its sidecar files: read those of the same name beside it.
  if (/\.shp$/i.test(path)) {
    const stem = basename(path).slice(0, -4).toLowerCase();
    for (const name of await readdir(dirname(path)))
      if (name.toLowerCase().startsWith(`${stem}.`) && /\.(dbf|prj|cpg|shx)$/i.test(name))
        inputs.push({ name, bytes: new Uint8Array(await readFile(join(dirname(path), name))) });
  }
  return inputs;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // `npm run` moves to the package folder: relative paths are the caller's (INIT_CWD).
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const input = resolve(cwd, args.input);
  const output = resolve(cwd, args.output);
  const { layers, errors } = await importFiles(await readInputs(input), { crs: args.inputCrs });
  if (layers.length === 0) throw new Failure(errors.map((e) => e.message).join(' ; ') || `${basename(input)} : aucune entité lue`);
  for (const e of errors) process.stderr.write(`convert : avertissement : ${e.message}\n`);
  for (const w of layers.flatMap((l) => l.warnings)) process.stderr.write(`convert : avertissement : ${w}\n`);
  const features: GeoFeature[] = layers.flatMap((l) => l.features);
  const now = new Date().toISOString();
  const crs = args.crs ?? defaultExportCrs(args.format);
  const name = basename(output)
    .replace(/\.shp\.zip$/i, '')
    .replace(extname(output), '');
  let file;
  try {
    file = await exportFeaturesAsync(features, { format: args.format, crs, name, credits: [importCredit(basename(input), now)], generatedAt: now });
  } catch (error) {
    throw new Failure(error instanceof Error ? error.message : String(error));
  }
  // Written beside the target then renamed: an existing file is replaced only by a complete one.
  const partial = `${output}.partiel`;
  await writeFile(partial, file.bytes);
  await rename(partial, output);
  const from = layers[0].crsUsed;
  process.stdout.write(
    `${basename(output)} écrit : ${features.length} entité${features.length > 1 ? 's' : ''}, ${exportCrsLabel(crs)} (entrée lue en ${from}), ${Math.max(1, Math.round(file.bytes.length / 1024))} Ko.\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`convert : ${error.message.replace(/\.+$/, '')}.\n\n${USAGE}\n`);
    else if (error instanceof Failure) process.stderr.write(`convert : ${error.message.replace(/\.+$/, '')}.\n`);
    else process.stderr.write(`convert : erreur inattendue : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
