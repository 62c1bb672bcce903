import { startHarness, openAtlas } from './harness';
const h = await startHarness(process.env.MOBILE ? { viewport: { width: 390, height: 800 } } : {});
const t0 = Date.now();
try {
  await openAtlas(h, process.argv[2] ?? '');
  console.log('idle after', Date.now() - t0, 'ms');
  await h.page.screenshot({ path: '/tmp/atlas-scratch/full.png' });
  console.log('errors', h.consoleErrors);
  console.log('requests', h.requests.filter(u=>!u.startsWith('data:')).length, h.requests.filter(u => !u.includes('127.0.0.1')).slice(0, 10));
} catch (e) { console.log('FAIL', e, h.consoleErrors); await h.page.screenshot({ path: '/tmp/atlas-scratch/fail.png' }); }
finally { await h.close(); }
