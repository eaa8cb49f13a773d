#!/usr/bin/env node
/**
 * `npm run bench`: builds this site (clean and cached) and a stock
 * Starlight site with the same prose (scripts/bench-stock.mjs), serves each on 127.0.0.1 and
 * measures per page: HTML/CSS/JS bytes (raw and gzip), the JS loaded before any interaction,
 * render-blocking bytes, Lighthouse mobile and desktop scores with LCP/TBT/CLS (median of runs),
 * and search latency (keystroke to first result, cold and warm, median of 5). Writes
 * bench/results.json and bench/results.md with ours/stock ratios. Budgets: bench/budgets.json.
 *
 * BENCH_RUNS (default 3) sets build and Lighthouse runs; BENCH_LH_PAGES (comma list, default all
 * pages) limits the pages Lighthouse measures, since each run takes seconds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { prepareStockSite } from './bench-stock.mjs';
// Search latency (as issue 13 measures it) and relevance (the reader query set): scripts/bench-search.mjs.
import { extraRelevance, median, searchLatency, searchRelevance, searchReport } from './bench-search.mjs';
import { FIRST_ROUND_TRIP_BYTES, READ_THROUGH, firstScreenBytes, readThroughBytes } from './page-bytes.mjs';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';
import { launchTab } from './cdp-tab.mjs';
import { serveApart } from './serve.mjs';
import { THROTTLE, THROTTLED_PAGES, throttledPages } from './bench-throttled.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const THROTTLED_RUNS = Number(process.env.BENCH_THROTTLED_RUNS ?? 7);
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const log = (m) => console.log(`[bench] ${m}`);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const astroBin = join(process.cwd(), 'node_modules/astro/bin/astro.mjs');
const executablePath = ensureBrowser();

/**
 * CPU seconds used by this process's finished children, the build and every process it started
 * (Chromium included), from Linux's /proc (USER_HZ is 100 there); undefined elsewhere. Steadier than
 * wall time on a shared machine, and it bounds the wall time: a build cannot take less than its CPU
 * time divided by the cores.
 */
function childrenCpuMs() {
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[13]) + Number(fields[14])) * 10;
	} catch {
		return undefined;
	}
}

const cpuRuns = { clean: [], cached: [], stock: [] };

/**
 * Builds as each site's author does: ours with `npm run build`'s script (into a staging folder,
 * swapped in for dist/ when every check has passed), stock Starlight with `astro build`.
 */
function build(cwd = '.', kind) {
	const started = performance.now();
	const cpuBefore = childrenCpuMs();
	const command = cwd === '.' ? ['scripts/build.mjs'] : [astroBin, 'build'];
	const r = spawnSync(process.execPath, command, { cwd, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`build failed in ${cwd}:\n${r.stdout}\n${r.stderr}`);
	const cpuAfter = childrenCpuMs();
	if (kind && cpuBefore !== undefined && cpuAfter !== undefined) cpuRuns[kind].push(cpuAfter - cpuBefore);
	return performance.now() - started;
}

function timeBuilds(stockDir) {
	const runs = { clean: [], cached: [], stock: [], cleanMeaning: [], cachedMeaning: [] };
	const phaseRuns = [];
	// The search meaning index is budgeted by the search issue on its own: each of our builds is
	// timed without its phase (written by src/build/phases.ts at the end of every build).
	const phasesOfLastBuild = () => JSON.parse(readFileSync('.cache/build-phases.json', 'utf8'));
	const meaningMs = () => phasesOfLastBuild()['search meaning index']?.ms ?? 0;
	const ours = (kind) => {
		const ms = build('.', kind);
		const meaning = meaningMs();
		runs[`${kind}Meaning`].push(meaning);
		return ms - meaning;
	};
	for (let i = 0; i < RUNS; i++) {
		// The build cache (src/build/cache.ts); not .cache/bench-stock, .cache/tmp or build-phases.json.
		rmSync('.cache/build', { recursive: true, force: true });
		runs.clean.push(ours('clean'));
		phaseRuns.push(phasesOfLastBuild());
		runs.cached.push(ours('cached'));
		runs.stock.push(build(stockDir, 'stock'));
		log(
			`builds ${i + 1}/${RUNS} (ours without the meaning index: ${(runs.cleanMeaning[i] / 1000).toFixed(1)} s clean, ${(runs.cachedMeaning[i] / 1000).toFixed(1)} s cached): clean ${(runs.clean[i] / 1000).toFixed(1)} s, cached ${(runs.cached[i] / 1000).toFixed(1)} s, stock Starlight ${(runs.stock[i] / 1000).toFixed(1)} s`,
		);
	}
	build(); // leave dist/ as the real site
	const phases = Object.keys(phaseRuns[0])
		.map((name) => `${name} ${(median(phaseRuns.map((r) => r[name]?.ms ?? 0)) / 1000).toFixed(1)} s`)
		.join(', ');
	const cpu = Object.fromEntries(
		Object.entries(cpuRuns)
			.filter(([, v]) => v.length)
			.map(([k, v]) => [`${k}CpuMs`, median(v)]),
	);
	return { ...Object.fromEntries(Object.entries(runs).map(([k, v]) => [`${k}Ms`, median(v)])), ...cpu, phases };
}

const contentPages = (dist) =>
	readdirSync(dist, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('index.html') && !/^(share|pagefind|og)\//.test(f))
		.map((f) => `/${f.replace(/index\.html$/, '')}`)
		.sort();

/** Bytes a page references directly, and what blocks its first render (stylesheets, sync head scripts). */
function staticBytes(dist, path) {
	const html = readFileSync(join(dist, path, 'index.html'));
	const text = html.toString('utf8');
	const head = text.slice(0, text.indexOf('</head>'));
	const read = (url) => {
		const file = join(dist, url.replace(/^\//, '').split('?')[0]);
		return existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
	};
	const sum = (urls) =>
		urls.map(read).reduce((a, b) => ({ raw: a.raw + b.length, gzip: a.gzip + gz(b) }), { raw: 0, gzip: 0 });
	const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
	// Only stylesheets in <head> for all media hold back first paint; one at the end of <body> does not.
	const blockingCss = [...head.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"(?![^>]*media="print")/g)].map(
		(m) => m[1],
	);
	const blockingScripts = [
		...head.matchAll(/<script(?![^>]*type="module")(?![^>]*\b(?:async|defer)\b)[^>]+src="([^"]+)"/g),
	].map((m) => m[1]);
	const diagrams = [...text.matchAll(/<figure class="diagram"[\s\S]*?<\/figure>/g)].map((m) => gz(Buffer.from(m[0])));
	return {
		html: { raw: html.length, gzip: gz(html) },
		firstScreen: firstScreenBytes(html),
		css: sum(css),
		renderBlocking: sum([...blockingCss, ...blockingScripts]),
		diagrams,
	};
}

/** JS a reader's browser fetches before touching anything: load, then two idle seconds. */
async function jsBeforeInteraction(browser, url) {
	const page = await browser.newPage();
	const scripts = new Map();
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'script') scripts.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.waitForTimeout(2000);
	await page.close();
	const bodies = [...scripts.values()];
	return {
		files: bodies.length,
		raw: bodies.reduce((a, b) => a + b.length, 0),
		gzip: bodies.reduce((a, b) => a + gz(b), 0),
	};
}

/**
 * "Next page" as a reader meets it: on /aws/, the pointer rests on the "Next" link (1.5 s, long
 * enough for anything a site prepares on intent), then clicks; time from the click event to the
 * new page's largest contentful paint (and first paint), median of NEXT_PAGE_RUNS, each in a fresh
 * browser profile (cold cache). Driven through the tab target (scripts/cdp-tab.mjs): with
 * Playwright attached, Chromium refuses to prerender, which is not what a reader's browser does.
 * A prerendered page paints when it is shown: its figures count from its activation, as the
 * web-vitals library and Chrome's field data count them.
 */
const NEXT_PAGE_RUNS = 9;
async function nextPage(origin) {
	const lcp = [];
	const fcp = [];
	let prerendered = 0;
	for (let i = 0; i < NEXT_PAGE_RUNS; i++) {
		const tab = await launchTab();
		try {
			await tab.goto(`${origin}/aws/`);
			// The scripts that watch for intent run by the load event: let them.
			for (let waited = 0; waited < 30_000; waited += 100) {
				if ((await tab.evaluate(`document.readyState`)) === 'complete') break;
				await sleep(100);
			}
			await sleep(1000);
			await tab.evaluate(
				`addEventListener('click', () => sessionStorage.setItem('bench-click', String(performance.timeOrigin + performance.now())), { capture: true }), true`,
			);
			const point = await tab.hover('a[rel="next"]');
			await sleep(1500);
			await tab.click(point);
			let t = null;
			for (let waited = 0; !t; waited += 100) {
				if (waited > 30_000) throw new Error('the click on "Next" did not open the next page');
				await sleep(100);
				t = await tab
					.evaluate(
						`(async () => {
							if (location.pathname.endsWith('/aws/')) return null;
							const clicked = Number(sessionStorage.getItem('bench-click'));
							const shown = performance.getEntriesByType('navigation')[0]?.activationStart ?? 0;
							const lcp = await new Promise((resolve) => new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true }));
							const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? lcp;
							const at = (t) => performance.timeOrigin + Math.max(t, shown) - clicked;
							return { lcp: at(lcp), fcp: at(paint), prerendered: shown > 0 };
						})()`,
					)
					.catch(() => null);
			}
			lcp.push(t.lcp);
			fcp.push(t.fcp);
			if (t.prerendered) prerendered++;
		} finally {
			await tab.close();
		}
	}
	return { lcpMs: median(lcp), fcpMs: median(fcp), prerendered, runs: NEXT_PAGE_RUNS };
}

async function lighthouseScores(url, formFactor) {
	const runs = [];
	for (let i = 0; i < RUNS; i++) {
		const chrome = await chromeLauncher.launch({
			chromePath: executablePath,
			chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
		});
		try {
			const result = await lighthouse(
				url,
				{ port: chrome.port, output: 'json', logLevel: 'error' },
				formFactor === 'desktop' ? desktopConfig : undefined,
			);
			const { categories, audits } = result.lhr;
			runs.push({
				performance: categories.performance.score * 100,
				accessibility: categories.accessibility.score * 100,
				bestPractices: categories['best-practices'].score * 100,
				seo: categories.seo.score * 100,
				lcpMs: audits['largest-contentful-paint'].numericValue,
				tbtMs: audits['total-blocking-time'].numericValue,
				cls: audits['cumulative-layout-shift'].numericValue,
			});
		} finally {
			await chrome.kill();
		}
	}
	return Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
}

async function measureSite(name, dist, port, stock) {
	const server = await serveApart(dist, port);
	const origin = `http://127.0.0.1:${port}`;
	try {
		const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
		const pages = {};
		const lhPages = process.env.BENCH_LH_PAGES?.split(',');
		for (const path of contentPages(dist)) {
			const entry = { ...staticBytes(dist, path), js: await jsBeforeInteraction(browser, `${origin}${path}`) };
			if (!lhPages || lhPages.includes(path)) {
				entry.lighthouse = {
					mobile: await lighthouseScores(`${origin}${path}`, 'mobile'),
					// BENCH_LH_DESKTOP=0 skips the desktop runs (the issue's goals are on mobile).
					desktop: process.env.BENCH_LH_DESKTOP === '0' ? null : await lighthouseScores(`${origin}${path}`, 'desktop'),
				};
			}
			pages[path] = entry;
			log(`${name} ${path}: measured`);
		}
		const search = await searchLatency(browser, origin, stock);
		const relevance = stock ? undefined : await searchRelevance(browser, origin);
		const extra = stock ? undefined : await extraRelevance(browser, origin);
		// The seven section pages in order in one tab, cache on (a fresh context), counted at the server.
		const context = await browser.newContext();
		const readThroughResult = await readThroughBytes(await context.newPage(), { outDir: dist });
		await context.close();
		log(`${name} read-through: ${readThroughResult.total} B`);
		const next = await nextPage(origin);
		log(`${name} next page: LCP ${next.lcpMs.toFixed(0)} ms after the click`);
		await browser.close();
		return { pages, search, relevance, extra, readThrough: readThroughResult, nextPage: next };
	} finally {
		server.kill();
	}
}

// Beside the test server's port (TEST_PORT), so several checkouts can run side by side.
const benchPort = Number(process.env.TEST_PORT ?? 4322) + 76;

async function measure() {
	const stockDir = prepareStockSite();
	const builds = timeBuilds(stockDir);
	const ours = await measureSite('ours', 'dist', benchPort, false);
	const stock = await measureSite('stock', join(stockDir, 'dist'), benchPort + 1, true);
	// A reader on a slow phone connection: both sites load by load, in turns (scripts/bench-throttled.mjs).
	log(`throttled loads (${THROTTLED_PAGES.join(', ')}), ${THROTTLED_RUNS} each…`);
	const [oursThrottled, stockThrottled] = await throttledPages(
		['dist', join(stockDir, 'dist')],
		THROTTLED_PAGES,
		THROTTLED_RUNS,
		executablePath,
	);
	ours.throttled = oursThrottled;
	stock.throttled = stockThrottled;
	const diagramsAll = Object.values(ours.pages).flatMap((p) => p.diagrams);
	return {
		date: new Date().toISOString(),
		runs: RUNS,
		builds,
		diagrams: { count: diagramsAll.length, maxGzip: Math.max(...diagramsAll) },
		ours,
		stock,
	};
}

/** Writes bench/results.md from the measurements; `npm run bench -- --report` redoes only this. */
function report(results) {
	const { builds, ours, stock } = results;
	const ratio = (a, b) => (b ? a / b : null);
	const article = '/aws/';
	const fmt = (n, d = 1) => (n === null || n === undefined ? '–' : Number(n).toFixed(d));
	const kb = (n) => (n / 1024).toFixed(1);
	const lhOurs = Object.values(ours.pages).filter((p) => p.lighthouse);
	const mobile100 = lhOurs.every((p) =>
		['performance', 'accessibility', 'bestPractices', 'seo'].every((k) => p.lighthouse.mobile[k] === 100),
	);
	// Lighthouse reports CLS to three decimals; a shift below 0.0005 shows, and counts, as 0.
	const maxCls = Number(
		Math.max(0, ...lhOurs.flatMap((p) => [p.lighthouse.mobile.cls, p.lighthouse.desktop?.cls ?? 0])).toFixed(3),
	);
	const firstScreens = (site) => Object.values(site.pages).map((p) => p.firstScreen?.firstScreen ?? 0);
	const worstFirst = Math.max(...firstScreens(ours));
	const stockWorstFirst = Math.max(...firstScreens(stock));
	const lcpRatios = Object.entries(ours.pages)
		.filter(([path, p]) => p.lighthouse && stock.pages[path]?.lighthouse)
		.map(([path, p]) => p.lighthouse.mobile.lcpMs / stock.pages[path].lighthouse.mobile.lcpMs);
	const worstLcpRatio = lcpRatios.length ? Math.max(...lcpRatios) : null;
	const worstThrottled = (site) => Math.max(...Object.values(site.throttled).map((p) => p.searchAfterFcp));
	const checks = [
		[
			'largest diagram, gzip, both themes',
			`${results.diagrams.maxGzip} B`,
			`<= ${budgets.diagrams.maxGzipBytes} B`,
			results.diagrams.maxGzip <= budgets.diagrams.maxGzipBytes,
		],
		[
			'search warm, keystroke to first result',
			`${fmt(ours.search.warmMs, 0)} ms`,
			`<= ${budgets.search.warmMaxMs} ms`,
			ours.search.warmMs <= budgets.search.warmMaxMs,
		],
		[
			'search cold, first keystroke to first result (dialog opened by a click)',
			`${fmt(ours.search.coldMs, 0)} ms`,
			`<= ${budgets.search.coldMaxMs} ms`,
			ours.search.coldMs <= budgets.search.coldMaxMs,
		],
		[
			'search relevance, top-1 / top-3 / zero-result queries',
			`${fmt(ours.relevance.summary.top1 * 100)} % / ${fmt(ours.relevance.summary.top3 * 100)} % / ${ours.relevance.summary.zeroResults}`,
			`>= ${budgets.search.top1Min * 100} % / >= ${budgets.search.top3Min * 100} % / <= ${budgets.search.zeroResultsMax}`,
			ours.relevance.summary.top1 >= budgets.search.top1Min &&
				ours.relevance.summary.top3 >= budgets.search.top3Min &&
				ours.relevance.summary.zeroResults <= budgets.search.zeroResultsMax,
		],
		[
			`JS before interaction on ${article}, gzip`,
			`${kb(ours.pages[article].js.gzip)} KB`,
			`< stock (${kb(stock.pages[article].js.gzip)} KB)`,
			ours.pages[article].js.gzip < stock.pages[article].js.gzip,
		],
		['Lighthouse mobile 100 in all four categories', mobile100 ? 'yes' : 'no', 'every measured page', mobile100],
		[
			'first screen (through the first paragraph), compressed, worst page',
			`${kb(worstFirst)} KB (stock ${kb(stockWorstFirst)} KB)`,
			`<= ${kb(FIRST_ROUND_TRIP_BYTES)} KB`,
			worstFirst <= FIRST_ROUND_TRIP_BYTES,
		],
		[
			'Lighthouse mobile LCP / stock, worst page',
			fmt(worstLcpRatio, 2),
			`<= ${budgets.lcp.mobileVsStockMax}`,
			worstLcpRatio !== null && worstLcpRatio <= budgets.lcp.mobileVsStockMax,
		],
		[
			`throttled (${THROTTLE.latencyMs} ms, ${THROTTLE.mbitPerS} Mbit/s, CPU ${THROTTLE.cpuSlowdown}x): first paint to working Ctrl+K, worst page`,
			`${fmt(worstThrottled(ours), 0)} ms (stock ${fmt(worstThrottled(stock), 0)} ms)`,
			'<= stock',
			worstThrottled(ours) <= worstThrottled(stock),
		],
		[
			`read-through (${READ_THROUGH.length} section pages, one visit, cache on, pointer rests on "Next" then clicks)`,
			`${kb(ours.readThrough.total)} KB (stock ${kb(stock.readThrough.total)} KB)`,
			'< stock',
			ours.readThrough.total < stock.readThrough.total,
		],
		[
			'next page: click on "Next" to LCP (pointer rested on it)',
			`${fmt(ours.nextPage.lcpMs, 0)} ms (stock ${fmt(stock.nextPage.lcpMs, 0)} ms)`,
			`<= ${budgets.nextPage.maxMs} ms`,
			ours.nextPage.lcpMs <= budgets.nextPage.maxMs,
		],
		[
			'clean build / stock Starlight',
			fmt(builds.cleanMs / builds.stockMs, 2),
			`<= ${budgets.build.cleanVsStockMax}`,
			builds.cleanMs / builds.stockMs <= budgets.build.cleanVsStockMax,
		],
		[
			'rebuild with caches / stock Starlight',
			fmt(builds.cachedMs / builds.stockMs, 2),
			`<= ${budgets.build.cachedVsStockMax}`,
			builds.cachedMs / builds.stockMs <= budgets.build.cachedVsStockMax,
		],
		['CLS', fmt(maxCls, 3), '0', maxCls === 0],
	];
	const rows = Object.keys(ours.pages).map((path) => {
		const o = ours.pages[path];
		const s = stock.pages[path];
		const r = (a, b) => fmt(ratio(a, b), 2);
		const lh = (p, f) =>
			p?.lighthouse?.[f]
				? `${fmt(p.lighthouse[f].performance, 0)}/${fmt(p.lighthouse[f].accessibility, 0)}/${fmt(p.lighthouse[f].bestPractices, 0)}/${fmt(p.lighthouse[f].seo, 0)}`
				: '–';
		const fs = (p) => (p?.firstScreen ? `${kb(p.firstScreen.beforeMain)} / ${kb(p.firstScreen.firstScreen)}` : '–');
		const lcp = (p) => (p?.lighthouse ? fmt(p.lighthouse.mobile.lcpMs, 0) : '–');
		return `| ${path} | ${fs(o)} | ${fs(s)} | ${lcp(o)} / ${lcp(s)} (${r(o.lighthouse?.mobile.lcpMs, s?.lighthouse?.mobile.lcpMs)}) | ${kb(o.html.gzip)} (${r(o.html.gzip, s?.html.gzip)}) | ${kb(o.css.gzip)} (${r(o.css.gzip, s?.css.gzip)}) | ${o.js.files} / ${kb(o.js.gzip)} (${r(o.js.gzip, s?.js.gzip)}) | ${kb(o.renderBlocking.gzip)} (${r(o.renderBlocking.gzip, s?.renderBlocking.gzip)}) | ${lh(o, 'mobile')} | ${lh(s, 'mobile')} | ${lh(o, 'desktop')} | ${o.lighthouse ? `${fmt(o.lighthouse.mobile.lcpMs, 0)} / ${fmt(o.lighthouse.mobile.tbtMs, 0)} / ${fmt(o.lighthouse.mobile.cls, 3)}` : '–'} |`;
	});
	const md = [
		'# Benchmark results',
		'',
		`${results.date}. Medians of ${RUNS} build and Lighthouse runs and 5 search runs, on a 2-core machine; compare ratios (ours/stock), not absolute times. Regenerate with \`npm run bench\`.`,
		'',
		'| goal | measured | budget | met |',
		'| --- | --- | --- | --- |',
		...checks.map(([name, value, budget, ok]) => `| ${name} | ${value} | ${budget} | ${ok ? 'yes' : '**no**'} |`),
		'',
		`Builds (ours without the search meaning index, which the search issue budgets on its own: ${fmt(builds.cleanMeaningMs / 1000)} s in a clean build, ${fmt(builds.cachedMeaningMs / 1000)} s cached): ours clean ${fmt(builds.cleanMs / 1000)} s, cached ${fmt(builds.cachedMs / 1000)} s; stock Starlight ${fmt(builds.stockMs / 1000)} s.${
			builds.cleanCpuMs !== undefined
				? ` CPU time (the build and every process it starts): ours clean ${fmt(builds.cleanCpuMs / 1000)} s, cached ${fmt(builds.cachedCpuMs / 1000)} s; stock ${fmt(builds.stockCpuMs / 1000)} s, on ${availableParallelism()} cores.`
				: ''
		}`,
		`Search (keystroke to first result): ours ${fmt(ours.search.coldMs, 0)} ms cold, ${fmt(ours.search.warmMs, 0)} ms warm, ${kb(ours.search.bytesBeforeFirstResult)} KB fetched before the first result; stock Starlight ${fmt(stock.search.coldMs, 0)} ms cold, ${fmt(stock.search.warmMs, 0)} ms warm (ratios ${fmt(ours.search.coldMs / stock.search.coldMs, 2)} cold, ${fmt(ours.search.warmMs / stock.search.warmMs, 2)} warm). Relevance per query: bench/search-results.md.`,
		'',
		`Read-through (${READ_THROUGH.join(' → ')}), bytes transferred in one visit with the cache on: ours ${ours.readThrough.total} B, stock Starlight ${stock.readThrough.total} B (ratio ${fmt(ours.readThrough.total / stock.readThrough.total, 2)}).`,
		`Next page (/aws/ → "Next", pointer rested on the link first): ours LCP ${fmt(ours.nextPage.lcpMs, 0)} ms / FCP ${fmt(ours.nextPage.fcpMs, 0)} ms after the click (prerendered in ${ours.nextPage.prerendered} of ${ours.nextPage.runs} runs); stock Starlight ${fmt(stock.nextPage.lcpMs, 0)} ms / ${fmt(stock.nextPage.fcpMs, 0)} ms (prerendered in ${stock.nextPage.prerendered} of ${stock.nextPage.runs}). Median of ${ours.nextPage.runs}, each in a fresh profile; a prerendered page counts from its activation.`,
		`Build phases (clean build, median): ${builds.phases}.`,
		'',
		`Throttled loads (DevTools emulation: ${THROTTLE.latencyMs} ms round trip, ${THROTTLE.mbitPerS} Mbit/s, CPU ${THROTTLE.cpuSlowdown}x slower; ${THROTTLED_RUNS} cold loads per page, the two sites in turns; Ctrl+K pressed from the first paint every 100 ms until search opens; the page scripts timed in as many loads with nothing pressed), medians, ours / stock:`,
		'',
		'| page | first paint ms | largest paint ms | CLS | search opens, ms after first paint | page scripts run (DOMContentLoaded) ms |',
		'| --- | --- | --- | --- | --- | --- |',
		...Object.entries(ours.throttled).map(([path, o]) => {
			const t = stock.throttled[path];
			return `| ${path} | ${fmt(o.fcp, 0)} / ${fmt(t?.fcp, 0)} | ${fmt(o.lcp, 0)} / ${fmt(t?.lcp, 0)} | ${fmt(o.cls, 3)} / ${fmt(t?.cls, 3)} | ${fmt(o.searchAfterFcp, 0)} / ${fmt(t?.searchAfterFcp, 0)} | ${fmt(o.scripts, 0)} / ${fmt(t?.scripts, 0)} |`;
		}),
		'',
		'Per page: compressed KB a browser needs before `<main>` and through the first paragraph (one round trip carries about 14 KB); gzip KB (ratio ours/stock). Lighthouse scores are performance/accessibility/best practices/SEO.',
		'',
		'| page | before `<main>` / through first paragraph, ours | same, stock | mobile LCP ms ours / stock (ratio) | HTML | CSS | JS before interaction: files / KB | render-blocking | Lighthouse mobile, ours | Lighthouse mobile, stock | Lighthouse desktop, ours | mobile LCP ms / TBT ms / CLS, ours |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows,
		'',
	].join('\n');
	writeFileSync('bench/results.md', md);
	writeFileSync(
		'bench/search-results.md',
		searchReport({
			relevance: ours.relevance,
			extra: ours.extra,
			latency: ours.search,
			stockLatency: stock.search,
		}).md,
	);
	console.log(md);
	return checks.every(([, , , ok]) => ok);
}

// `npm run bench -- --builds`: only the build timings (a quick check while working on build speed); writes nothing.
if (process.argv.includes('--builds')) {
	const b = timeBuilds(prepareStockSite());
	const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
	log(
		`clean ${s(b.cleanMs)}, cached ${s(b.cachedMs)} (without the search meaning index, which took ${s(b.cleanMeaningMs)} clean and ${s(b.cachedMeaningMs)} cached), stock Starlight ${s(b.stockMs)}`,
	);
	log(
		`clean / stock ${(b.cleanMs / b.stockMs).toFixed(2)} (budget ${budgets.build.cleanVsStockMax}), cached / stock ${(b.cachedMs / b.stockMs).toFixed(2)} (budget ${budgets.build.cachedVsStockMax})`,
	);
	if (b.cleanCpuMs !== undefined)
		log(
			`CPU time: clean ${s(b.cleanCpuMs)}, cached ${s(b.cachedCpuMs)}, stock Starlight ${s(b.stockCpuMs)} (${availableParallelism()} cores: the clean build cannot take less than ${s(b.cleanCpuMs / availableParallelism())})`,
		);
	log(`phases of the clean build: ${b.phases}`);
	process.exit(0);
}

const results = process.argv.includes('--report')
	? JSON.parse(readFileSync('bench/results.json', 'utf8'))
	: await measure();
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', `${JSON.stringify(results, null, '\t')}\n`);
if (!report(results)) {
	console.error('[bench] some goals were missed (see the table)');
	process.exitCode = 1;
}
