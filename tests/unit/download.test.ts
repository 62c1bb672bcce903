// A browser that cannot hold the exported file (memory or disk quota) gets a French sentence naming
// the file, its size and what to do, not a bare DOMException.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { download } from '../../src/app/workbench/download';

afterEach(() => vi.restoreAllMocks());

describe('download of an export', () => {
  it('says in French that memory or disk space ran out', () => {
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const file = { fileName: 'parcelles-l93.gpkg', mime: 'application/geopackage+sqlite3', bytes: new Uint8Array(3 * 1_048_576) };
    expect(() => download(file)).toThrow(
      "le navigateur n'a pas pu préparer le fichier parcelles-l93.gpkg (3 Mo) : mémoire ou espace disque insuffisant (quota).",
    );
  });
});
