#!/usr/bin/env node
/**
 * `npm run bench`: builds the site (clean, cached, and with diagrams left as code), serves it on
 * 127.0.0.1 and measures what readers download and how long search takes. Writes
 * bench/results.json and bench/results.md. Times are medians of several runs; compare ratios.
 * Budgets live in bench/budgets.json (npm test checks the deterministic ones).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PORT = 4399;
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (m) => console.log(`[bench] ${m}`);

function build(env = {}) {
	const started = performance.now();
	const r = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
	});
	if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
	return performance.now() - started;
}

function timeBuilds() {
	const clean = [];
	const cached = [];
	const free = [];
	for (let i = 0; i < RUNS; i++) {
		rmSync('.cache/diagrams', { recursive: true, force: true });
		clean.push(build());
		cached.push(build());
		free.push(build({ DIAGRAMS: 'off' }));
		log(
			`builds run ${i + 1}/${RUNS}: clean ${(clean[i] / 1000).toFixed(1)} s, cached ${(cached[i] / 1000).toFixed(1)} s, diagrams as code ${(free[i] / 1000).toFixed(1)} s`,
		);
	}
	build(); // leave dist/ as the real site for the measurements below
	return { cleanMs: median(clean), cachedMs: median(cached), diagramFreeMs: median(free) };
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

function pageFiles() {
	return readdirSync('dist', { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('index.html') && !f.startsWith('pagefind'))
		.sort();
}

/** Bytes a page pulls in by itself: its HTML, stylesheets and the scripts it references. */
function pageBytes(file) {
	const html = readFileSync(join('dist', file));
	const text = html.toString('utf8');
	const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
	const js = [...text.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
	const sum = (urls) =>
		urls.reduce(
			(acc, url) => {
				const path = join('dist', url.replace(/^\//, ''));
				if (!existsSync(path)) return acc;
				const buf = readFileSync(path);
				return { raw: acc.raw + buf.length, gzip: acc.gzip + gz(buf) };
			},
			{ raw: 0, gzip: 0 },
		);
	const diagrams = [...text.matchAll(/<figure class="diagram"[\s\S]*?<\/figure>/g)].map((m) => gz(Buffer.from(m[0])));
	return { html: { raw: html.length, gzip: gz(html) }, css: sum(css), js: sum(js), jsFiles: js.length, diagrams };
}

async function searchLatency(executablePath) {
	const server = spawn(
		process.execPath,
		['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT)],
		{ stdio: 'ignore' },
	);
	try {
		for (let i = 0; i < 100; i++) {
			try {
				if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
			} catch {}
			await new Promise((r) => setTimeout(r, 200));
		}
		const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
		const measure = async (page, query) => {
			await page.locator('#search-input').fill('');
			await page.evaluate(() => document.querySelectorAll('.search-result').forEach((r) => r.remove()));
			const t = await page.evaluate(async (q) => {
				const input = document.querySelector('#search-input');
				const started = performance.now();
				input.value = q;
				input.dispatchEvent(new Event('input', { bubbles: true }));
				await new Promise((resolve) => {
					const check = () => (document.querySelector('.search-result') ? resolve() : requestAnimationFrame(check));
					check();
				});
				return performance.now() - started;
			}, query);
			return t;
		};
		const cold = [];
		const warm = [];
		const queries = ['chips', 'latency', 'startups', 'regulation', 'logistics'];
		for (let i = 0; i < 5; i++) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto(`http://127.0.0.1:${PORT}/aws/`);
			await page.locator('[data-search-open]').click();
			cold.push(await measure(page, queries[i]));
			warm.push(await measure(page, queries[(i + 1) % 5]));
			await context.close();
		}
		await browser.close();
		return { coldMs: median(cold), warmMs: median(warm) };
	} finally {
		server.kill();
	}
}

const builds = timeBuilds();
const pages = Object.fromEntries(pageFiles().map((f) => [`/${f.replace(/index\.html$/, '')}`, pageBytes(f)]));
const search = await searchLatency(ensureBrowser());
const diagramsAll = Object.values(pages).flatMap((p) => p.diagrams);
const results = {
	date: new Date().toISOString(),
	runs: RUNS,
	builds: {
		...builds,
		cleanVsDiagramFree: builds.cleanMs / builds.diagramFreeMs,
		cachedMinusDiagramFreeMs: builds.cachedMs - builds.diagramFreeMs,
	},
	search,
	diagrams: {
		count: diagramsAll.length,
		maxGzip: Math.max(...diagramsAll),
		totalGzip: diagramsAll.reduce((a, b) => a + b, 0),
	},
	pages,
};
const checks = [
	[
		'clean build / diagram-free build',
		results.builds.cleanVsDiagramFree.toFixed(2),
		`<= ${budgets.build.cleanVsDiagramFreeMax}`,
		results.builds.cleanVsDiagramFree <= budgets.build.cleanVsDiagramFreeMax,
	],
	[
		'cached build - diagram-free build',
		`${(results.builds.cachedMinusDiagramFreeMs / 1000).toFixed(2)} s`,
		`<= ${budgets.build.cachedOverDiagramFreeMaxMs / 1000} s`,
		results.builds.cachedMinusDiagramFreeMs <= budgets.build.cachedOverDiagramFreeMaxMs,
	],
	[
		'largest diagram (gzip, both themes)',
		`${results.diagrams.maxGzip} B`,
		`<= ${budgets.diagrams.maxGzipBytes} B`,
		results.diagrams.maxGzip <= budgets.diagrams.maxGzipBytes,
	],
	[
		'search, warm (keystroke to first result)',
		`${search.warmMs.toFixed(0)} ms`,
		`<= ${budgets.search.warmMaxMs} ms`,
		search.warmMs <= budgets.search.warmMaxMs,
	],
];
const kb = (n) => (n / 1024).toFixed(1);
const md = [
	`# Benchmark results`,
	``,
	`${results.date}; medians of ${RUNS} build runs and 5 search runs; 2-core machine. Regenerate with \`npm run bench\`.`,
	``,
	`| goal | measured | budget | ok |`,
	`| --- | --- | --- | --- |`,
	...checks.map(([name, value, budget, ok]) => `| ${name} | ${value} | ${budget} | ${ok ? 'yes' : '**no**'} |`),
	``,
	`Builds: clean ${(builds.cleanMs / 1000).toFixed(1)} s, cached ${(builds.cachedMs / 1000).toFixed(1)} s, diagrams left as code ${(builds.diagramFreeMs / 1000).toFixed(1)} s.`,
	`Search: first result ${search.coldMs.toFixed(0)} ms after the first keystroke on a cold index, ${search.warmMs.toFixed(0)} ms warm.`,
	``,
	`| page | HTML KB (gzip) | CSS KB (gzip) | JS files | JS KB (gzip) | diagrams | diagram KB (gzip) |`,
	`| --- | --- | --- | --- | --- | --- | --- |`,
	...Object.entries(pages).map(
		([path, p]) =>
			`| ${path} | ${kb(p.html.raw)} (${kb(p.html.gzip)}) | ${kb(p.css.raw)} (${kb(p.css.gzip)}) | ${p.jsFiles} | ${kb(p.js.raw)} (${kb(p.js.gzip)}) | ${p.diagrams.length} | ${p.diagrams.map(kb).join(', ')} |`,
	),
	``,
].join('\n');
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, '\t')}\n`);
writeFileSync('bench/results.md', md);
console.log(md);
if (checks.some(([, , , ok]) => !ok)) {
	console.error('[bench] some budgets were missed (see the table)');
	process.exitCode = 1;
}
