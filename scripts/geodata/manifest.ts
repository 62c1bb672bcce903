// The source manifest (geodata/sources.json), typed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface UpstreamOrigin {
  url: string;
  format: string;
  note?: string;
  /** Set when the upstream file is pinned (a fixed commit): the download is then verified. */
  sha256?: string;
  /** A query service rather than a file: `url` is the service, asked for the territory's box. */
  protocol?: 'wfs' | 'overpass';
  /** WFS type name, e.g. `BDTOPO_V3:troncon_hydrographique`. */
  typeName?: string;
  /** Overpass QL; `{{bbox}}` is replaced by the territory's box. */
  query?: string;
  /** A fallback: not downloaded when one of these sources is already present in this build. */
  unlessAvailable?: string[];
}

export interface SourceEntry {
  id: string;
  title: string;
  format: 'geojson' | 'gpx' | 'csv';
  /** Path inside the mirror; null when no mirror carries this source. */
  path: string | null;
  sha256: string | null;
  vintage: string;
  upstream: UpstreamOrigin | null;
  producer: string;
  attribution: string;
  licence: string;
  licenceUrl?: string;
  optional: boolean;
  /** File name in geodata/local/ that replaces this source; defaults to `<id>.<format>`. */
  local?: string;
}

export interface Manifest {
  sources: SourceEntry[];
}

export function loadManifest(projectRoot: string): Manifest {
  const raw = JSON.parse(readFileSync(join(projectRoot, 'geodata', 'sources.json'), 'utf8')) as Manifest;
  const ids = new Set<string>();
  for (const s of raw.sources) {
    if (ids.has(s.id)) throw new Error(`geodata/sources.json : identifiant « ${s.id} » en double`);
    ids.add(s.id);
    if (!s.path && !s.upstream && !s.optional) throw new Error(`geodata/sources.json : la source « ${s.id} » n'a ni chemin ni origine en ligne`);
    if (s.path && !s.sha256) throw new Error(`geodata/sources.json : la source « ${s.id} » n'a pas d'empreinte sha256`);
  }
  return raw;
}

export function localFileName(s: SourceEntry): string {
  return s.local ?? `${s.id}.${s.format}`;
}
