import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { planQuery, rankSections, cleanQuery } from '../src/search/rank.ts';
const port = 5395;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
for (const q of process.argv.slice(2)) {
  const plan = planQuery(cleanQuery(q));
  const data = await page.evaluate(async (s) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ noWorker: true, excerptLength: 24 });
    const r = await pf.search(s);
    return Promise.all(r.results.slice(0, 6).map(async (x) => ({ ...(await x.data()), pfscore: x.score })));
  }, plan.search);
  console.log(`### ${q} -> ${JSON.stringify(plan)} pages: ${data.map(d => d.url + ':' + d.pfscore.toFixed(2)).join(' ')}`);
  const ranked = rankSections(data, plan);
  for (const r of ranked.slice(0, 5)) console.log(`  ${r.url.replace(/\?[^#]*/, '')} cov=${r.covered} score=${r.score.toFixed(0)} | ${r.excerpt.slice(0, 110)}`);
}
await browser.close(); server.kill();
