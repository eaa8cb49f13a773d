import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
const port = 5399;
const server = spawn(process.execPath, ['scripts/serve.mjs', String(port)], { stdio: 'ignore', env: { ...process.env, OUT_DIR: 'dist' } });
await new Promise(r => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
const queries = process.argv.slice(2);
for (const q of queries) {
  const out = await page.evaluate(async (q) => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.options({ noWorker: true, excerptLength: 24 });
    const s = await pf.search(q);
    const res = [];
    for (const r of s.results.slice(0, 6)) {
      const d = await r.data();
      res.push({ url: d.url, score: r.score.toFixed(3), wc: d.word_count, subs: d.sub_results.map(s => ({ u: s.url.replace(/^.*#/, '#'), n: s.weighted_locations.length, sc: s.weighted_locations.reduce((a, l) => a + l.balanced_score, 0).toFixed(1), w: s.weighted_locations.map(l => l.weight).join(',') })) });
    }
    return { n: s.results.length, res, unf: s.unfilteredResultCount };
  }, q);
  console.log(`### ${q}: ${out.n}`);
  for (const r of out.res) console.log(`  ${r.url} score=${r.score} wc=${r.wc} :: ${r.subs.map(s => `${s.u}(${s.sc};w${s.w})`).join(' ')}`);
}
await browser.close(); server.kill();
