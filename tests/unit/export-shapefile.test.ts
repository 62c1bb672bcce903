// The Shapefile writer's own rules, without GDAL: dBase names, UTF-8 text cut on a character
// boundary at 254 bytes, and the notice that says so. (GDAL reads the files in export-gdal.test.ts.)
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GeoFeature } from '../../layers/types';
import { exportFeatures } from '../../src/core/export';
import { dbfFieldNames } from '../../src/core/export/shapefile/dbf';

const point = (properties: Record<string, unknown>): GeoFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.83, 50.43] },
  properties,
});

describe('Shapefile export', () => {
  it('cuts field names to 10 ASCII characters, unique without regard to case', () => {
    const names = dbfFieldNames(['Intitulé du périmètre A', 'Intitulé du périmètre B', 'INTITULE_D', 'cœur', 'nom', 'Nom', '€', '']);
    expect(names).toEqual(['Intitule_d', 'Intitule_2', 'INTITULE_3', 'coeur', 'nom', 'Nom_2', 'champ', 'champ_2']);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_]{1,10}$/);
  });

  it('writes text as UTF-8 and cuts a 300-byte value at a character boundary, and says so', () => {
    const long = 'œ'.repeat(150); // 300 bytes in UTF-8
    const file = exportFeatures([point({ texte: long, court: 'l’œuvre à 3 €' })], { format: 'shapefile', name: 'Textes', credits: [] });
    const files = unzipSync(file.bytes);
    const dbf = files['textes-l93.dbf'];
    const headerLength = dbf[8] | (dbf[9] << 8);
    const widths = [dbf[32 + 16], dbf[64 + 16]];
    expect(widths).toEqual([254, 19]); // 254 bytes at most; "l’œuvre à 3 €" is 19 bytes in UTF-8
    const record = dbf.subarray(headerLength + 1, headerLength + 1 + widths[0] + widths[1]);
    const texte = new TextDecoder('utf-8', { fatal: true }).decode(record.subarray(0, widths[0])).trimEnd();
    expect(texte).toBe('œ'.repeat(127)); // 254 bytes = 127 « œ », no half character
    expect(new TextDecoder().decode(record.subarray(widths[0]))).toBe('l’œuvre à 3 €');
    expect(strFromU8(files['LISEZMOI.txt'])).toContain('1 texte de plus de 254 octets');
  });

  it('defaults to Lambert-93 and writes its .prj; WGS 84 on request', () => {
    const l93 = unzipSync(exportFeatures([point({ a: 1 })], { format: 'shapefile', name: 'P', credits: [] }).bytes);
    expect(strFromU8(l93['p-l93.prj'])).toContain('RGF_1993_Lambert_93');
    const wgs = exportFeatures([point({ a: 1 })], { format: 'shapefile', name: 'P', credits: [], crs: 'EPSG:4326' });
    expect(wgs.fileName).toBe('p.shp.zip');
    expect(strFromU8(unzipSync(wgs.bytes)['p.prj'])).toContain('GCS_WGS_1984');
  });
});
