import { startHarness, openAtlas } from './harness';
const h = await startHarness({ viewport: { width: 1280, height: 1000 } });
try {
  await openAtlas(h);
  for (const id of ['ev5', 'cites', 'captages', 'dechets']) {
    await h.page.evaluate((id) => document.querySelector(`[data-layer="${id}"]`)!.scrollIntoView(), id);
    await h.page.locator('#panneau').screenshot({ path: `/tmp/atlas-scratch/panel-${id}.png` });
  }
} finally { await h.close(); }
