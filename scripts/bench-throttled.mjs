#!/usr/bin/env node
/**
 * Pages as a reader on a slow phone connection meets them, in a real Chromium with DevTools'
 * network and CPU emulation (150 ms round trip, 1.6 Mbit/s each way, CPU 4× slower): first paint,
 * largest paint, layout shift, when search first answers Ctrl+K, and when the page's deferred scripts
 * have run (DOMContentLoaded waits for them). The reader presses Ctrl+K at first paint and again
 * every 100 ms until the dialog opens, so a site that loses early presses and one that keeps them
 * are timed alike. The scripts are timed in loads of their own where nothing is pressed: a press
 * starts search's downloads, which would compete with them. Each load is a fresh profile (cold
 * cache); medians.
 *
 * `throttledPages(dists, paths, runs)` is used by scripts/bench.mjs for this site and stock
 * Starlight; `node scripts/bench-throttled.mjs RUNS DIST [DIST…] [-- PATH…]` prints the figures.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';
import { serveSite } from './serve.mjs';
import { median } from './bench-search.mjs';

export const THROTTLE = { latencyMs: 150, mbitPerS: 1.6, cpuSlowdown: 4 };
/** The pages the benchmark loads throttled. */
export const THROTTLED_PAGES = ['/investment/', '/aws/', '/business/', '/outlook/', '/glossary/'];

/**
 * Slows `page` down to THROTTLE with DevTools' network and CPU emulation (Chromium only); also used
 * by tests/e2e/early-controls.spec.ts. Resolves with the DevTools session.
 * @param {import('playwright-core').Page} page
 */
export async function throttle(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Network.enable');
	const throughput = (THROTTLE.mbitPerS * 1024 * 1024) / 8;
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: THROTTLE.latencyMs,
		downloadThroughput: throughput,
		uploadThroughput: throughput,
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpuSlowdown });
	return cdp;
}

/** Records paint and shift entries from the first byte (added before any page script runs). */
const OBSERVE = () => {
	const w = /** @type {any} */ (window);
	w.__reader = { fcp: 0, lcp: 0, cls: 0 };
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') w.__reader.fcp = e.startTime;
	}).observe({ type: 'paint', buffered: true });
	new PerformanceObserver((l) => {
		for (const e of l.getEntries()) w.__reader.lcp = e.startTime;
	}).observe({ type: 'largest-contentful-paint', buffered: true });
	new PerformanceObserver((l) => {
		for (const e of /** @type {any[]} */ (l.getEntries())) if (!e.hadRecentInput) w.__reader.cls += e.value;
	}).observe({ type: 'layout-shift', buffered: true });
};

/** One cold load; `press`: Ctrl+K from the first paint until search opens, else no input at all. */
async function onePage(browser, url, press) {
	const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1 });
	const page = await context.newPage();
	await throttle(page);
	await page.addInitScript(OBSERVE);
	await page.goto(url, { waitUntil: 'commit' });
	await page.waitForFunction(() => /** @type {any} */ (window).__reader?.fcp > 0, null, {
		timeout: 120_000,
		polling: 20,
	});
	const dialogOpen = () => page.evaluate(() => !!document.querySelector('site-search dialog[open]'));
	// Ctrl+K from the first paint until search answers (at most 60 s).
	let searchMs = NaN;
	for (let i = 0; press && i < 600; i++) {
		await page.keyboard.press('Control+k');
		if (await dialogOpen()) {
			searchMs = await page.evaluate(() => performance.now());
			break;
		}
		await page.waitForTimeout(100);
	}
	await page.waitForLoadState('load', { timeout: 120_000 });
	await page.waitForTimeout(500);
	const r = await page.evaluate(() => ({
		.../** @type {any} */ (window).__reader,
		scripts: /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0])
			.domContentLoadedEventEnd,
	}));
	await context.close();
	return press
		? { fcp: r.fcp, lcp: r.lcp, cls: r.cls, search: searchMs, searchAfterFcp: searchMs - r.fcp }
		: { scripts: r.scripts };
}

/**
 * Medians per site and page of `runs` cold loads, each site served from its folder on 127.0.0.1.
 * Sites take turns load by load, so a busy machine slows them alike.
 */
export async function throttledPages(dists, paths, runs, executablePath = ensureBrowser()) {
	const servers = await Promise.all(dists.map((outDir) => serveSite({ outDir })));
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const samples = dists.map(() => Object.fromEntries(paths.map((p) => [p, []])));
		for (let i = 0; i < runs; i++)
			for (const path of paths)
				for (const [site, server] of servers.entries())
					samples[site][path].push({
						...(await onePage(browser, `${server.origin}${path}`, true)),
						...(await onePage(browser, `${server.origin}${path}`, false)),
					});
		return samples.map((byPath) =>
			Object.fromEntries(
				Object.entries(byPath).map(([path, runs]) => [
					path,
					Object.fromEntries(
						['fcp', 'lcp', 'cls', 'search', 'searchAfterFcp', 'scripts'].map((k) => [k, median(runs.map((r) => r[k]))]),
					),
				]),
			),
		);
	} finally {
		await browser.close();
		await Promise.all(servers.map((s) => s.close()));
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	// node scripts/bench-throttled.mjs RUNS DIST [DIST…] [-- PATH…]
	const args = process.argv.slice(2);
	const split = args.indexOf('--');
	const [runs, ...dists] = split < 0 ? args : args.slice(0, split);
	const paths = split < 0 ? THROTTLED_PAGES : args.slice(split + 1);
	const results = await throttledPages(dists, paths, Number(runs));
	for (const [i, result] of results.entries())
		for (const [path, r] of Object.entries(result))
			console.log(
				`${dists[i]} ${path.padEnd(14)} FCP ${r.fcp.toFixed(0)} ms  LCP ${r.lcp.toFixed(0)} ms  CLS ${r.cls.toFixed(3)}  search ${r.search.toFixed(0)} ms (${r.searchAfterFcp.toFixed(0)} after FCP)  scripts run ${r.scripts.toFixed(0)} ms`,
			);
}
