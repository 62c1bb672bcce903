import { startHarness, openAtlas, projectToPage, waitIdle } from './harness';
import { builtFeatures, pointOn } from './built-data';
const mobile = process.argv[2] === 'mobile';
const h = await startHarness(mobile ? { viewport: { width: 390, height: 800 } } : {});
try {
  await openAtlas(h);
  const terrils = await builtFeatures('parcs-terrils.fgb');
  for (const f of terrils) {
    const p = await projectToPage(h.page, pointOn(f, 'polygon'));
    const pick = await h.page.evaluate(([x, y]) => { const r = window.__atlas!.map.getCanvas().getBoundingClientRect(); return window.__atlas!.pick(x - r.left, y - r.top); }, [p.x, p.y]);
    if (pick?.sublayerId === 'parcs-terrils' && p.x > 400 && p.y > 100 && p.y < 560) {
      console.log('clicking', f.properties.nom, p, pick);
      await h.page.mouse.click(p.x, p.y);
      break;
    }
  }
  await h.page.waitForSelector('.feature-panel h2');
  await waitIdle(h.page);
  console.log(await h.page.textContent('.feature-panel h2'), await h.page.evaluate(() => document.activeElement?.id));
  await h.page.screenshot({ path: '/tmp/atlas-scratch/click.png' });
  console.log('errors', h.consoleErrors);
} finally { await h.close(); }
