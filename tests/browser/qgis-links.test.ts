// « Ouvrir dans QGIS »: the layer panel links the QGIS project and the offline bundle written by the
// data build, and both links download what they name (a QGIS project, a zip holding it and its
// GeoPackage). The panel stays free of axe violations with the new section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { openAtlas, startHarness, type Harness } from './harness';
import { axeViolations, describeViolations } from './axe';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('Ouvrir dans QGIS', () => {
  it('links the .qgs project and the offline bundle from the layer panel, both downloadable', async () => {
    await openAtlas(h);
    const project = h.page.getByRole('link', { name: /^Ouvrir dans QGIS/ });
    const bundle = h.page.getByRole('link', { name: /^Télécharger le projet QGIS hors ligne/ });
    await project.scrollIntoViewIfNeeded();
    expect(await project.getAttribute('download')).toBe('atlas-lens-lievin.qgs');
    expect(await bundle.getAttribute('download')).toBe('atlas-lens-lievin.zip');
    const fetched = await h.page.evaluate(async () => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('a[data-qgis]')];
      return Promise.all(
        links.map(async (a) => {
          const r = await fetch(a.href);
          return { status: r.status, bytes: [...new Uint8Array(await r.arrayBuffer())] };
        }),
      );
    });
    expect(fetched.map((f) => f.status)).toEqual([200, 200]);
    const qgs = new TextDecoder().decode(new Uint8Array(fetched[0].bytes));
    expect(qgs.startsWith("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>")).toBe(true);
    expect(qgs).toContain('/vsicurl/');
    expect(Object.keys(unzipSync(new Uint8Array(fetched[1].bytes))).sort()).toEqual([
      'LISEZMOI.txt',
      'atlas-lens-lievin.gpkg',
      'atlas-lens-lievin.qgs',
    ]);
    await h.page.locator('.qgis-links').screenshot({ path: '/tmp/qgis-links.png' });
    const violations = await axeViolations(h.page, '.layer-panel');
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});
