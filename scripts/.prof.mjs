import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 5398;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/aws/`);
const out = await page.evaluate(async () => {
  const t0 = performance.now();
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ noWorker: true, excerptLength: 24 });
  await pf.init();
  const t1 = performance.now();
  const e = await pf.search('the'); await Promise.all(e.results.map(r => r.data()));
  const t2 = performance.now();
  const log = { init: t1 - t0, warmup: t2 - t1 };
  for (const q of ['e', 'c', 'ch', 'chips', 'edge']) {
    const a = performance.now();
    const s = await pf.search(q);
    const b = performance.now();
    const d = await Promise.all(s.results.map(r => r.data()));
    const c = performance.now();
    const d1 = await s.results[0].data();
    const c2 = performance.now();
    log[q] = { n: s.results.length, search: (b - a).toFixed(1), dataAll: (c - b).toFixed(1), data1: (c2-c).toFixed(1), locs: d.reduce((x, p) => x + p.weighted_locations.length, 0) };
  }
  return log;
});
console.log(JSON.stringify(out, null, 1));
await browser.close(); server.kill();
