// « Ouvrir dans QGIS »: the data build writes a QGIS project reading the site's FlatGeobuf files over
// HTTP and a zipped bundle (project + GeoPackage). GDAL is the reference reader: every datasource of
// both projects must open with ogrinfo and hold the catalog's feature count.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { buildGeodata } from '../../scripts/geodata/build';
import { resolveMirrorDir } from '../../scripts/geodata/acquire';
import { BUNDLE_GPKG, QGIS_BUNDLE, QGIS_PROJECT, checkRules, drawableSublayers, writeQgisProjects } from '../../scripts/geodata/qgis';
import { layerDefinitions } from '../../layers/index';
import { themeClair } from '../../layers/theme';
import type { Catalog, GeoFeature } from '../../layers/types';
import { gdalOrSkip, ogrSummary } from '../support/gdal';

const projectRoot = resolve(__dirname, '..', '..');
const mirrorDir = resolveMirrorDir(projectRoot, process.env);
const run = promisify(execFile);
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `atlas-${name}-`));

type El = {
  getAttribute(n: string): string | null;
  getElementsByTagName(n: string): ArrayLike<El>;
  textContent: string | null;
  childNodes: ArrayLike<unknown>;
};
const all = (el: El, tag: string): El[] => Array.from(el.getElementsByTagName(tag));
const text = (el: El, tag: string) => all(el, tag)[0]?.textContent ?? '';

function parseProject(xml: string): El {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && errors.push(message)) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  return doc.documentElement as unknown as El;
}

/** Serves a folder under /data/ with Range requests, as a static host does: what GDAL's /vsicurl/ needs. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '').replace(/^\/data\//, '').split('?')[0]);
    let bytes: Buffer;
    try {
      if (name.includes('/') || name.includes('..')) throw new Error('refusé');
      bytes = readFileSync(join(dir, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : bytes.length - 1, bytes.length - 1);
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': end - start + 1, 'Accept-Ranges': 'bytes' });
      res.end(req.method === 'HEAD' ? undefined : bytes.subarray(start, end + 1));
    } else {
      res.writeHead(200, { 'Content-Length': bytes.length, 'Accept-Ranges': 'bytes' });
      res.end(req.method === 'HEAD' ? undefined : bytes);
    }
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })),
  );
}

describe.skipIf(!mirrorDir || !gdalOrSkip())('QGIS project and offline bundle', () => {
  let outDir: string;
  let catalog: Catalog;
  let server: Server;
  let url: string;
  let bundleDir: string;
  let bundleProject: El;
  let remoteProject: El;

  beforeAll(async () => {
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    outDir = tmp('qgis-out');
    ({ server, url } = await serve(outDir));
    const saved = process.env.ATLAS_URL_PUBLIQUE;
    process.env.ATLAS_URL_PUBLIQUE = `${url}/`;
    try {
      ({ catalog } = await buildGeodata({
        projectRoot,
        mirrorDir,
        mirrorUrl: null,
        online: false,
        cacheDir: tmp('qgis-cache'),
        outDir,
        force: false,
        log: () => {},
      }));
    } finally {
      if (saved === undefined) delete process.env.ATLAS_URL_PUBLIQUE;
      else process.env.ATLAS_URL_PUBLIQUE = saved;
    }
    bundleDir = tmp('qgis-bundle');
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(outDir, QGIS_BUNDLE))))) writeFileSync(join(bundleDir, name), bytes);
    bundleProject = parseProject(readFileSync(join(bundleDir, QGIS_PROJECT), 'utf8'));
    remoteProject = parseProject(readFileSync(join(outDir, QGIS_PROJECT), 'utf8'));
  });
  afterAll(() => {
    server?.close();
    for (const d of [outDir, bundleDir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  const expected = () => new Map(drawableSublayers(catalog).map((d) => [d.sublayer.id, d.entry.featureCount]));

  it('every datasource of the bundle opens with GDAL from the unzipped bundle, with the catalog’s feature count, in Lambert-93', () => {
    const layers = all(bundleProject, 'maplayer');
    expect(layers.length).toBe(expected().size);
    expect(layers.length).toBeGreaterThanOrEqual(10);
    const counts = new Map<string, number>();
    for (const layer of layers) {
      const [path, option] = text(layer, 'datasource').split('|');
      expect(path).toBe(`./${BUNDLE_GPKG}`);
      const table = option.replace('layername=', '');
      const [summary] = ogrSummary(join(bundleDir, path), []).filter((s) => s.name === table);
      expect(summary, table).toBeDefined();
      expect(summary.epsg).toBe(2154);
      counts.set(text(layer, 'identifier'), summary.count);
    }
    expect(counts).toEqual(expected());
    expect(readFileSync(join(bundleDir, 'LISEZMOI.txt'), 'utf8')).toMatch(/© les contributeurs d'OpenStreetMap/);
  });

  it('every datasource of the online project opens over HTTP (/vsicurl/ on ATLAS_URL_PUBLIQUE) with the same counts', async () => {
    const counts = new Map<string, number>();
    for (const layer of all(remoteProject, 'maplayer')) {
      const [path, option] = text(layer, 'datasource').split('|');
      expect(path).toMatch(new RegExp(`^/vsicurl/${url}/data/[a-z0-9-]+\\.fgb$`));
      // Asynchronous: the HTTP server answering GDAL runs in this very process.
      const { stdout } = await run('ogrinfo', ['-ro', '-so', path, option.replace('layername=', '')], {
        env: { ...process.env, GDAL_HTTP_TIMEOUT: '30' },
      });
      counts.set(text(layer, 'identifier'), Number(/^Feature Count: (\d+)/m.exec(stdout)?.[1]));
    }
    expect(counts).toEqual(expected());
  });

  it('groups the sublayers as the layer panel does, in panel order', () => {
    for (const project of [bundleProject, remoteProject]) {
      const groups = all(project, 'layer-tree-group').filter((g) => g.getAttribute('name'));
      const wanted = layerDefinitions
        .map((l) => ({ title: l.title, subs: l.sublayers.filter((s) => expected().has(s.id)).map((s) => s.title) }))
        .filter((l) => l.subs.length > 0);
      expect(groups.map((g) => g.getAttribute('name'))).toEqual(wanted.map((w) => w.title));
      groups.forEach((g, i) => expect(all(g, 'layer-tree-layer').map((l) => l.getAttribute('name'))).toEqual(wanted[i].subs));
    }
  });

  it('styles like the atlas: one rule per style class, first match kept, colours, hatches and dashes', () => {
    const cites = all(bundleProject, 'maplayer').find((l) => text(l, 'identifier') === 'cites')!;
    const rules = all(cites, 'rule');
    expect(rules.map((r) => r.getAttribute('label'))).toEqual(
      layerDefinitions
        .find((l) => l.id === 'cites')!
        .sublayers[0].classes(themeClair)
        .map((c) => c.label),
    );
    expect(rules[0].getAttribute('filter')).toBe('coalesce("erbm" = true, false)');
    expect(rules[1].getAttribute('filter')).toBe('coalesce("unesco" = true, false) AND NOT coalesce("erbm" = true, false)');
    expect(rules[2].getAttribute('filter')).toBe('ELSE');
    const [erbm, unesco, tampon] = all(cites, 'symbol').filter((s) => s.getAttribute('type') === 'fill' && /^\d$/.test(s.getAttribute('name')!));
    const fills = (s: El) => all(s, 'layer').map((l) => l.getAttribute('class'));
    expect(fills(erbm)).toEqual(['SimpleFill', 'LinePatternFill', 'SimpleLine', 'LinePatternFill', 'SimpleLine']); // croisillons: two hatches
    // Hatching only for a second attribute (docs/cartography.md): the UNESCO cités are a plain fill.
    expect(fills(unesco)).toEqual(['SimpleFill']);
    const options = (s: El) => Object.fromEntries(all(s, 'Option').map((o) => [o.getAttribute('name'), o.getAttribute('value')]));
    expect(options(erbm).outline_color).toBe(themeClair.palette.citeErbm.join(','));
    // Dashed outline of the buffer zone's cités: 2 × 1 px width, 1 × 1 px gap, drawn by a line layer.
    expect(all(tampon, 'layer').map((l) => l.getAttribute('class'))).toContain('SimpleLine');
    expect(options(all(tampon, 'layer').at(-1)!).customdash).toBe('2;1');
    // Communes containing a QPV (no QPV outline): no fill, a dashed outline and a mark on the surface, as on the map.
    const qpv = all(bundleProject, 'maplayer').find((l) => text(l, 'identifier') === 'qpv-communes')!;
    const [marked] = all(qpv, 'symbol').filter((s) => s.getAttribute('type') === 'fill' && /^\d$/.test(s.getAttribute('name')!));
    expect(fills(marked)).toEqual(['SimpleFill', 'SimpleLine', 'CentroidFill', 'SimpleMarker']);
    expect(options(all(marked, 'layer')[0]).style).toBe('no');
    expect(options(all(marked, 'layer')[2]).point_on_surface).toBe('1');
    const ev5 = all(bundleProject, 'maplayer').find((l) => text(l, 'identifier') === 'ev5-troncons')!;
    expect(options(all(ev5, 'symbol')[0])).toMatchObject({
      line_color: themeClair.palette.velo.join(','),
      line_width: '4',
      customdash: '12;4',
      use_custom_dash: '1',
    });
  });

  it('puts each layer’s credits in its metadata, with the ODbL notice for OpenStreetMap data', () => {
    const meta = (id: string) => all(bundleProject, 'maplayer').find((l) => text(l, 'identifier') === id)!;
    const ev5 = meta('ev5-troncons');
    expect(text(ev5, 'abstract')).toMatch(/© les contributeurs d'OpenStreetMap \(ODbL\)/);
    expect(
      all(ev5, 'rights')
        .map((r) => r.textContent)
        .join('\n'),
    ).toMatch(/ODbL 1\.0.*même licence/s);
    expect(all(ev5, 'licence').map((r) => r.textContent)).toContain('ODbL 1.0');
    const cites = meta('cites');
    expect(text(cites, 'attribution')).toMatch(/Mission Bassin Minier Nord-Pas de Calais \(2018, 2026, Licence Ouverte \/ Etalab 2\.0\)/);
    expect(text(cites, 'abstract')).not.toMatch(/OpenStreetMap/);
  });

  it('is idempotent, and a new site URL rewrites the online project only', async () => {
    const before = statSync(join(outDir, QGIS_BUNDLE)).mtimeMs;
    const log: string[] = [];
    expect(await writeQgisProjects({ outDir, catalog, log: (l) => log.push(l), publicUrl: `${url}/` })).toEqual({ skipped: true });
    expect(log.join('\n')).toMatch(/rien à faire/);
    expect(statSync(join(outDir, QGIS_BUNDLE)).mtimeMs).toBe(before);
    await writeQgisProjects({ outDir, catalog, log: () => {}, publicUrl: 'https://atlas.example.org/' });
    expect(readFileSync(join(outDir, QGIS_PROJECT), 'utf8')).toContain('/vsicurl/https://atlas.example.org/data/cites.fgb|layername=cites');
    await expect(writeQgisProjects({ outDir, catalog, log: () => {}, publicUrl: 'atlas.example.org' })).rejects.toThrow(/ATLAS_URL_PUBLIQUE/);
  });
});

describe('QGIS rules against the atlas’s predicates', () => {
  const cites = layerDefinitions.find((l) => l.id === 'cites')!.sublayers[0];
  const feature = (properties: Record<string, unknown>): GeoFeature => ({
    type: 'Feature',
    properties,
    geometry: { type: 'Point', coordinates: [2.8, 50.4] },
  });

  it('accepts features the rules class as the atlas does, first match first', () => {
    expect(() =>
      checkRules('cites', cites.classes(themeClair), [feature({ erbm: true, unesco: true }), feature({ unesco: true }), feature({})]),
    ).not.toThrow();
  });

  it('stops the build in French when a predicate and its rule disagree', () => {
    const changed = cites
      .classes(themeClair)
      .map((c) => (c.id === 'unesco' ? { ...c, when: (p: Record<string, unknown>) => p.unesco === 'oui' } : c));
    expect(() => checkRules('cites', changed, [feature({ unesco: 'oui' })])).toThrow(
      /la règle QGIS classe une entité en « tampon » et l'atlas en « unesco »/,
    );
    const unknown = [
      { id: 'nouvelle', label: 'x', when: () => true, symbol: { line: [0, 0, 0, 255] as [number, number, number, number], lineWidth: 1 } },
    ];
    expect(() => checkRules('cites', unknown, [feature({})])).toThrow(/n'a pas de règle QGIS/);
  });
});
