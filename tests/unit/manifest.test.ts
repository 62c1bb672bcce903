import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest, localFileName, type SourceEntry } from '../../scripts/geodata/manifest';
import { loadMembers } from '../../scripts/geodata/members';
import { sourceEntry } from '../fixtures/source-entry';

const source = (over: Partial<SourceEntry>): SourceEntry => sourceEntry(over);

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-manifest-'));
  mkdirSync(join(root, 'geodata'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));
const write = (sources: SourceEntry[]) => writeFileSync(join(root, 'geodata', 'sources.json'), JSON.stringify({ sources }));

describe('loadManifest', () => {
  it('reads a valid manifest', () => {
    write([source({}), source({ id: 'facultative', path: null, sha256: null, optional: true })]);
    expect(loadManifest(root).sources.map((s) => s.id)).toEqual(['essai', 'facultative']);
  });

  it('rejects a duplicate id, naming it', () => {
    write([source({}), source({})]);
    expect(() => loadManifest(root)).toThrow('geodata/sources.json : identifiant « essai » en double');
  });

  it('rejects a required source with neither mirror path nor upstream', () => {
    write([source({ path: null, sha256: null })]);
    expect(() => loadManifest(root)).toThrow("geodata/sources.json : la source « essai » n'a ni chemin ni origine en ligne");
  });

  it('rejects a mirror path without sha256', () => {
    write([source({ sha256: null })]);
    expect(() => loadManifest(root)).toThrow("geodata/sources.json : la source « essai » n'a pas d'empreinte sha256");
  });
});

describe('localFileName', () => {
  it('defaults to <id>.<format> and honours `local`', () => {
    expect(localFileName(source({ id: 'captages-noms', format: 'csv' }))).toBe('captages-noms.csv');
    expect(localFileName(source({ id: 'qpv-contours', local: 'qpv.geojson' }))).toBe('qpv.geojson');
  });
});

describe('loadMembers', () => {
  it('returns the 36 member communes of the CALL with their populations', () => {
    const members = loadMembers();
    expect(members).toHaveLength(36);
    expect(members.find((m) => m.code === '62498')?.nom).toBe('Lens');
    expect(members.find((m) => m.code === '62510')?.nom).toBe('Liévin');
    expect(members.every((m) => /^62\d{3}$/.test(m.code) && m.population > 0)).toBe(true);
  });

  it('fails, naming the EPCI, for an unknown SIREN', () => {
    expect(() => loadMembers('999999999')).toThrow('EPCI 999999999 absent de @etalab/decoupage-administratif');
  });
});
