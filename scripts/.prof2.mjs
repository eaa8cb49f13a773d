import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 5397;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/aws/`);
const out = await page.evaluate(async () => {
  const pf = await import('/pagefind/pagefind.js');
  await pf.options({ noWorker: true, excerptLength: 24 });
  await pf.init();
  const s = await pf.search('edge');
  const r = s.results[0];
  const all = await pf.search(null, {});
  return { keys: Object.keys(r), sample: JSON.stringify({ ...r, data: undefined }).slice(0, 600), all: all && all.results.length };
});
console.log(out);
await browser.close(); server.kill();
