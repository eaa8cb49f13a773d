import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 5396;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const variant of ['none', 'null', 'preload', 'both']) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${port}/aws/`, { waitUntil: 'networkidle' });
  const out = await page.evaluate(async (variant) => {
    const T = {}; const t0 = performance.now(); const m = (k) => T[k] = +(performance.now() - t0).toFixed(1);
    const pf = await import('/pagefind/pagefind.js'); m('import');
    await pf.options({ noWorker: true, excerptLength: 24 }); m('options');
    await pf.init(); m('init');
    if (variant === 'null' || variant === 'both') void pf.search(null).then(a => Promise.all(a.results.map(r => r.data()))).then(() => m('warmFragments'));
    if (variant === 'preload' || variant === 'both') for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789') void pf.preload(c);
    await new Promise(r => setTimeout(r, 30)); m('typed');
    const s = await pf.search('e'); m('search');
    const d = await Promise.all(s.results.slice(0, 3).map(r => r.data())); m('data');
    return T;
  }, variant);
  console.log(variant, JSON.stringify(out));
  await ctx.close();
}
await browser.close(); server.kill();
