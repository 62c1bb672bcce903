// The pipeline: fetch → read → normalise → select (layer rule) → validate → measure → write.
// Idempotent: the digest of every input and of the pipeline's own code decides whether to work.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bbox } from '@turf/turf';
import type { AreaFeature } from '../../layers/metrics';
import { layerDefinitions } from '../../layers/index';
import { layerPipelines } from '../../layers/pipelines';
import type { PipelineContext, SourceInput } from '../../layers/pipeline-types';
import type { Bounds, Catalog, CatalogLayer, CatalogSource, GeoFeature, LayerStatus } from '../../layers/types';
import { writeFlatGeobuf } from '../../src/core/fgb/write';
import type { Acquired, AcquireOptions } from './acquire';
import { acquire, ChecksumError, missingSourcesMessage } from './acquire';
import { loadManifest, type SourceEntry } from './manifest';
import { loadMembers } from './members';
import { loadCards, measureCards } from './cards';
import { reportFile, writeReportText } from './report-text';
import type { CardsFile } from '../../layers/cards';
import { readSource } from './steps/read';
import { writeCommuneProfiles } from './communes/write';
import { reportDigest } from './report-mentions';
import { normalise } from './steps/normalise';
import { validate } from './steps/validate';
import { referencedSublayer } from './steps/reference';
import { onlineContext } from './online/context';
import { writeQgisProjects } from './qgis';

export interface BuildOptions extends Omit<AcquireOptions, 'log'> {
  outDir: string;
  force: boolean;
  log: (line: string) => void;
}

export interface BuildResult {
  skipped: boolean;
  catalog: Catalog;
}

export class MissingSourcesError extends Error {}

export const REPORT: CardsFile['report'] = {
  title: 'Rapport développement durable 2019-2020 de la Communauté d’Agglomération de Lens-Liévin',
  authority: 'Communauté d’Agglomération de Lens-Liévin',
  date: '28 janvier 2021',
  act: '062-246200364-20210128-C280121_D002-DE',
};

/** Files whose change must rebuild the data: the rules, the steps, the writer, the manifest. */
function codeDigest(projectRoot: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
  const files = [
    ...walk(join(projectRoot, 'layers')),
    ...walk(join(projectRoot, 'scripts', 'geodata')),
    ...walk(join(projectRoot, 'geodata', 'cards')),
    ...walk(join(projectRoot, 'src', 'core', 'fgb')),
    ...walk(join(projectRoot, 'src', 'core', 'geo')),
    ...walk(join(projectRoot, 'src', 'core', 'report')),
    join(projectRoot, 'geodata', 'sources.json'),
    reportFile(projectRoot),
    join(projectRoot, 'package-lock.json'),
  ]
    .filter((f) => existsSync(f))
    .sort();
  for (const f of files) hash.update(relative(projectRoot, f)).update(readFileSync(f));
  return hash.digest('hex');
}

function boundsOf(features: GeoFeature[]): Bounds | null {
  if (features.length === 0) return null;
  const b = bbox({ type: 'FeatureCollection', features });
  return [b[0], b[1], b[2], b[3]];
}

const readCatalog = (file: string): Catalog | null => {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Catalog;
  } catch {
    return null;
  }
};

export async function buildGeodata(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const { projectRoot, outDir, log } = options;
  const manifest = loadManifest(projectRoot);
  const members = loadMembers();

  // 1. Fetch every source; required ones missing everywhere → one message, nothing written.
  const acquired = new Map<string, Acquired>();
  const failed = new Map<string, string>();
  const missing: { entry: SourceEntry; reason: string }[] = [];
  for (const entry of manifest.sources) {
    try {
      const got = await acquire(entry, { ...options, log, ...onlineContext(acquired) });
      if (got) acquired.set(entry.id, got);
      else if (!entry.optional) missing.push({ entry, reason: entry.path ? `absente du miroir (${entry.path})` : 'aucune source configurée' });
    } catch (error) {
      if (error instanceof ChecksumError) throw error;
      const reason = (error as Error).message;
      if (entry.optional) log(`  source facultative « ${entry.id} » indisponible : ${reason}`);
      else missing.push({ entry, reason: `téléchargement impossible (${reason})` });
    }
  }
  if (missing.length > 0) throw new MissingSourcesError(missingSourcesMessage(missing, projectRoot));

  // 2. Nothing changed → no work.
  const digest = createHash('sha256')
    .update(codeDigest(projectRoot))
    .update(reportDigest(projectRoot))
    .update(JSON.stringify([...acquired.values()].map((a) => [a.entry.id, a.origin, a.sha256]).sort()))
    .digest('hex');
  const catalogFile = join(outDir, 'catalog.json');
  const previous = readCatalog(catalogFile);
  if (!options.force && previous?.inputsDigest === digest) {
    const files = [...previous.layers.flatMap((l) => l.sublayers.map((s) => s.file)).filter((f): f is string => !!f), 'cards.json', 'communes.json'];
    if (files.every((f) => existsSync(join(outDir, f)))) {
      log(`Données à jour (${files.length} fichiers FlatGeobuf, empreinte ${digest.slice(0, 12)}) : rien à faire.`);
      await writeQgisProjects({ outDir, catalog: previous, log });
      return { skipped: true, catalog: previous };
    }
  }

  // 3. Read + normalise each source once; a source that cannot be read fails only its layers.
  const inputs = new Map<string, SourceInput>();
  for (const [id, got] of acquired) {
    try {
      const read = readSource(got.entry.format, got.bytes, id);
      const { features, report } = normalise(read.features, read.declaredCrs);
      if (report.swappedAxes) log(`  ${id} : axes latitude/longitude inversés, corrigés`);
      if (report.crs !== 'EPSG:4326') log(`  ${id} : reprojeté de ${report.crs} en WGS84`);
      for (const d of report.dropped) log(`  ${id} : entité ${d.id} écartée (${d.reason})`);
      inputs.set(id, { id, features, rows: read.rows, origin: got.origin });
    } catch (error) {
      failed.set(id, (error as Error).message);
    }
  }

  const ctx: PipelineContext = {
    members,
    territory: undefined as unknown as AreaFeature,
    communes: [],
    input(id) {
      const found = inputs.get(id);
      if (found) return found;
      throw new Error(failed.get(id) ?? `source « ${id} » indisponible`);
    },
    optional(id) {
      return inputs.get(id) ?? null;
    },
    sublayer(id) {
      const found = featuresBySublayer.get(id);
      if (!found) throw new Error(`sous-couche « ${id} » non construite`);
      return found;
    },
  };

  mkdirSync(outDir, { recursive: true });
  const staging = join(outDir, `.build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);

  const layers: CatalogLayer[] = [];
  const featuresBySublayer = new Map<string, GeoFeature[]>();
  for (const pipeline of layerPipelines) {
    const definition = layerDefinitions.find((d) => d.id === pipeline.layerId)!;
    const t0 = performance.now();
    const layer: CatalogLayer = {
      id: definition.id,
      title: definition.title,
      status: 'ok',
      sublayers: [],
      metrics: [],
      items: [],
      sources: definition.sources,
      report: { read: 0, kept: 0, repaired: 0, skipped: 0, messages: [] },
    };
    try {
      const built = pipeline.select(ctx);
      layer.report.read = built.read;
      layer.report.messages.push(...(built.messages ?? []));
      layer.items = built.items ?? [];
      if (built.missing) layer.missing = built.missing;
      const validated: Record<string, GeoFeature[]> = {};
      for (const sub of definition.sublayers) {
        if (sub.from) {
          const ref = referencedSublayer({ ...sub, from: sub.from }, layers, featuresBySublayer);
          validated[sub.id] = ref.features;
          featuresBySublayer.set(sub.id, ref.features);
          layer.sublayers.push(ref.entry);
          continue;
        }
        const result = validate(built.sublayers[sub.id] ?? []);
        validated[sub.id] = result.features;
        featuresBySublayer.set(sub.id, result.features);
        layer.report.kept += result.features.length;
        layer.report.repaired += result.repaired;
        layer.report.skipped += result.skipped;
        for (const issue of result.issues) layer.report.messages.push(`${sub.id} : entité ${issue.id} ${issue.action} (${issue.problem})`);
        const file = result.features.length > 0 ? `${sub.id}.fgb` : null;
        if (file)
          writeFileSync(join(staging, file), writeFlatGeobuf(result.features, { name: sub.id, description: `${definition.title} – ${sub.title}` }));
        layer.sublayers.push({
          id: sub.id,
          title: sub.title,
          file,
          featureCount: result.features.length,
          bounds: boundsOf(result.features),
          geometry: sub.geometry,
        });
      }
      if (pipeline.layerId === 'communes') {
        ctx.territory = validated.territoire[0] as AreaFeature;
        ctx.communes = validated.communes as AreaFeature[];
      }
      layer.metrics = pipeline.measure(validated, ctx);
      const drawn = layer.sublayers.reduce((n, s) => n + s.featureCount, 0);
      const status: LayerStatus = drawn === 0 ? 'sans-geometrie' : layer.missing ? 'partiel' : 'ok';
      layer.status = status;
      // The badge says why: the first sentence of what is missing.
      if (status === 'partiel' && layer.missing) layer.statusMessage = layer.missing.split(/(?<=[.:])\s/)[0].replace(/[.:]$/, '');
    } catch (error) {
      if (pipeline.layerId === 'communes')
        throw new Error(`couche des communes impossible à construire : ${(error as Error).message}`, { cause: error });
      layer.status = 'erreur';
      layer.statusMessage = (error as Error).message;
      layer.sublayers = definition.sublayers.map((s) => ({
        id: s.id,
        title: s.title,
        file: null,
        featureCount: 0,
        bounds: null,
        geometry: s.geometry,
      }));
    }
    const r = layer.report;
    log(
      `${definition.title.padEnd(30)} lues ${String(r.read).padStart(5)}  gardées ${String(r.kept).padStart(4)}  réparées ${r.repaired}  ignorées ${r.skipped}  ${Math.round(performance.now() - t0)} ms` +
        (layer.status === 'erreur' ? `  ERREUR : ${layer.statusMessage}` : ''),
    );
    for (const m of r.messages) log(`    ${m}`);
    for (const m of layer.metrics) log(`    ${m.label} : ${m.value.toLocaleString('fr-FR')} ${m.unit}`);
    layers.push(layer);
  }

  const sources: CatalogSource[] = manifest.sources.map((s) => ({
    id: s.id,
    title: s.title,
    producer: s.producer,
    vintage: s.vintage,
    licence: s.licence,
    ...(s.licenceUrl ? { licenceUrl: s.licenceUrl } : {}),
    attribution: s.attribution,
    origin: acquired.get(s.id)?.origin ?? 'absente',
    sha256: acquired.get(s.id)?.sha256 ?? null,
  }));
  const territory = layers[0].sublayers.find((s) => s.id === 'territoire')!;
  const catalog: Catalog = {
    version: 1,
    generatedAt: new Date().toISOString(),
    territory: { name: "Communauté d'Agglomération de Lens-Liévin", epci: '246200364', bounds: territory.bounds! },
    layers,
    sources,
    inputsDigest: digest,
  };

  // Report cards: the measures they declare, computed on the same validated features.
  const cards = measureCards(loadCards(projectRoot), { layers, features: featuresBySublayer, territory: ctx.territory });
  const cardsFile: CardsFile = { version: 1, report: REPORT, cards };
  writeFileSync(join(staging, 'cards.json'), JSON.stringify(cardsFile, null, 1));
  writeCommuneProfiles(staging, {
    projectRoot,
    layers,
    features: featuresBySublayer,
    members,
    communes: ctx.communes,
    territory: ctx.territory,
    cards,
    log,
  });
  log(`Fiches du rapport : ${cards.length}, ${cards.reduce((n, c) => n + Object.keys(c.measured).length, 0)} chiffres mesurés sur la carte.`);
  writeReportText(projectRoot, staging, cards, log);

  // 4. Publish: new files replace the old ones, the catalog last, so an interrupted build is never
  //    taken for a finished one.
  for (const f of readdirSync(outDir)) if (f.endsWith('.fgb') || f === 'cards.json') rmSync(join(outDir, f));
  for (const f of readdirSync(staging)) renameSync(join(staging, f), join(outDir, f));
  rmSync(staging, { recursive: true, force: true });
  writeFileSync(`${catalogFile}.tmp`, JSON.stringify(catalog, null, 1));
  renameSync(`${catalogFile}.tmp`, catalogFile);
  await writeQgisProjects({ outDir, catalog, log });
  log(`Catalogue écrit : ${relative(projectRoot, catalogFile)} (${layers.length} couches) en ${Math.round(performance.now() - started)} ms.`);
  return { skipped: false, catalog };
}
