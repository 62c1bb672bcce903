import { startHarness, openAtlas } from './harness';
const h = await startHarness();
try {
  await openAtlas(h);
  await h.page.mouse.move(900, 400);
  await h.page.mouse.move(905, 402);
  await new Promise(r => setTimeout(r, 500));
  console.log(await h.page.evaluate(() => { const c = window.__atlas!.map.getCanvas(); return { cursor: c.style.cursor, pick: window.__atlas!.pick(905-380, 402-56) }; }));
  await h.page.mouse.click(905, 402);
  await new Promise(r => setTimeout(r, 1000));
  console.log(await h.page.evaluate(() => ({ hash: location.hash, panel: !!document.querySelector('.feature-panel') })));
  console.log('errors', h.consoleErrors);
} finally { await h.close(); }
