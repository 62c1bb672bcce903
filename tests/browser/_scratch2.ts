import { startHarness, openAtlas } from './harness';
const h = await startHarness();
try {
  await openAtlas(h, process.argv[2] ?? '');
  console.log(await h.page.evaluate(() => { const m = window.__atlas!.map; const c = m.getContainer(); const cv = m.getCanvas(); return { b: m.getBounds().toArray(), z: m.getZoom(), w: c.clientWidth, h: c.clientHeight, cw: cv.width, ch: cv.height, sw: cv.style.width, sh: cv.style.height, dpr: devicePixelRatio, rect: JSON.stringify(cv.getBoundingClientRect()), gl: (cv.getContext("webgl2") as WebGL2RenderingContext).drawingBufferWidth }; }));
} finally { await h.close(); }
