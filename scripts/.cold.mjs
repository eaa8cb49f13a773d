import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 5393;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (let i = 0; i < 2; i++) {
const ctx = await browser.newContext(); const page = await ctx.newPage();
await page.goto(`http://127.0.0.1:${port}/aws/`, { waitUntil: 'networkidle' });
await page.evaluate(() => { window.__t = {}; addEventListener('pointerenter', () => window.__t.enter ??= performance.now(), true); addEventListener('keydown', () => window.__t.key ??= performance.now(), true);
  new MutationObserver(() => { if (document.querySelector('.search-result')) window.__t.first ??= performance.now(); }).observe(document.body, { childList: true, subtree: true }); });
await page.locator('[data-search-open]').click();
await page.keyboard.type('edge', { delay: 150 });
await page.waitForSelector('.search-result');
const out = await page.evaluate(() => {
  const base = window.__t.enter;
  const r = performance.getEntriesByType('resource').filter(e => e.startTime >= base - 5).map(e => `${e.name.split('/').pop().slice(0, 28)} ${(e.startTime - base).toFixed(0)}-${(e.responseEnd - base).toFixed(0)}`);
  return { key: (window.__t.key - base).toFixed(0), first: (window.__t.first - base).toFixed(0), r };
});
console.log(JSON.stringify(out));
await ctx.close();
}
await browser.close(); server.kill();
