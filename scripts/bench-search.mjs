#!/usr/bin/env node
/**
 * Search benchmark: relevance and latency, on the built site (dist/), through the real dialog.
 *
 * - Relevance: every query in bench/search-queries.json is typed into the search dialog; the
 *   rank of the first acceptable result gives top-1, top-3, mean reciprocal rank and zero-result
 *   counts, per query and in total (scoring: src/search/relevance.ts).
 * - Latency, as a reader meets it (issue 13, goal 5): a fresh page, a click on the search button,
 *   "edge" typed at 150 ms a key; first keydown to first result in the DOM (cold). Then the box is
 *   cleared and "chips" typed (warm). Median of 5, with the bytes fetched before the first result.
 *
 * `npm run bench:search` builds and runs both (add `-- --stock` to measure stock Starlight's
 * latency too); `npm run bench` runs them as part of the full benchmark.
 * Writes bench/search-results.md and bench/search-results.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { EXTRA_QUERY_SETS, loadQueries, report, runQueries, summarize } from '../src/search/relevance.ts';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';
import { basePath, serveApart } from './serve.mjs';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const log = (m) => console.log(`[bench:search] ${m}`);

/** Relevance through the dialog on `origin` (the site's root URL, base path included). */
export async function searchRelevance(browser, origin, file) {
	const page = await browser.newPage();
	await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
	await page.locator('[data-search-open]').click();
	await page.locator('#search-input').waitFor();
	const outcomes = await runQueries(page, loadQueries(file), new URL(`${origin}/`).pathname);
	await page.close();
	return { summary: summarize(outcomes), outcomes };
}

/** The query sets reported beside the benchmark (EXTRA_QUERY_SETS), by key. */
export async function extraRelevance(browser, origin) {
	const extra = {};
	for (const set of EXTRA_QUERY_SETS) {
		const result = await searchRelevance(browser, origin, set.file);
		// A blind set keeps only each query's kind and rank: its queries and results stay unread.
		if (set.blind)
			result.outcomes = result.outcomes.map(({ kind, rank, results }) => ({
				q: '',
				kind,
				rank,
				results: results.length ? [''] : [],
			}));
		extra[set.key] = result;
	}
	return extra;
}

/**
 * Keystroke to first result, cold and warm, as issue 13 describes it; `stock` drives Starlight's
 * default search UI. Bytes: every response the page (or its dedicated workers) received between
 * the click on the search button and the first result, compressed size plus headers.
 */
export async function searchLatency(browser, origin, stock) {
	const openSel = stock ? 'site-search button[data-open-modal]' : '[data-search-open]';
	const inputSel = stock ? 'dialog[open] input' : '#search-input';
	const resultSel = stock ? '.pagefind-ui__result-link' : '.search-result';
	const cold = [];
	const warm = [];
	const bytes = [];
	for (let i = 0; i < 5; i++) {
		const context = await browser.newContext();
		const page = await context.newPage();
		let firstAt = Infinity;
		let clickedAt = Infinity;
		const finished = [];
		context.on('requestfinished', async (request) => {
			const at = Date.now();
			const sizes = await request.sizes().catch(() => ({ responseBodySize: 0, responseHeadersSize: 0 }));
			finished.push({ at, url: request.url(), size: sizes.responseBodySize + sizes.responseHeadersSize });
		});
		await page.exposeBinding('__benchFirstResult', () => {
			firstAt = Math.min(firstAt, Date.now());
		});
		await page.goto(`${origin}/aws/`, { waitUntil: 'networkidle' });
		await page.evaluate((resultSel) => {
			const t = (window.__benchTiming = { armed: false, key: undefined, first: undefined });
			addEventListener(
				'keydown',
				() => {
					if (t.armed && t.key === undefined) t.key = performance.now();
				},
				true,
			);
			new MutationObserver(() => {
				if (t.key !== undefined && t.first === undefined && document.querySelector(resultSel)) {
					t.first = performance.now();
					window.__benchFirstResult();
				}
			}).observe(document.body, { childList: true, subtree: true });
		}, resultSel);
		const timeTyping = async (text) => {
			await page.evaluate(() => Object.assign(window.__benchTiming, { armed: true, key: undefined, first: undefined }));
			await page.keyboard.type(text, { delay: 150 });
			await page.waitForFunction(() => window.__benchTiming.first !== undefined);
			return page.evaluate(() => window.__benchTiming.first - window.__benchTiming.key);
		};
		clickedAt = Date.now();
		await page.locator(openSel).click();
		await page.locator(inputSel).waitFor();
		await page.locator(inputSel).focus();
		cold.push(await timeTyping('edge'));
		bytes.push(finished.filter((r) => r.at >= clickedAt && r.at <= firstAt).reduce((a, r) => a + r.size, 0));
		await page.locator(inputSel).fill('');
		await page.waitForFunction((sel) => !document.querySelector(sel), resultSel);
		warm.push(await timeTyping('chips'));
		await context.close();
	}
	return { coldMs: median(cold), warmMs: median(warm), bytesBeforeFirstResult: median(bytes), cold, warm, bytes };
}

/** A visit of ten queries, each typed into the same dialog: what a reader's searches cost in bytes. */
const VISIT_QUERIES = [
	'how much is amazon spending',
	'chips',
	'robots in warehouses',
	'privacy worries',
	'working with startups',
	'alexa',
	'is this a good idea',
	'cloud and on site',
	'what could go wrong',
	'rivals',
];

/**
 * Bytes each query of a visit fetches, gzip-compressed as a server would send them, split into the
 * keyword search's (Pagefind) and the meaning index's. Query 1 includes what opening the dialog
 * fetched. Playwright hands each body over decoded, so it is gzipped here.
 */
export async function searchBytes(browser, origin) {
	const context = await browser.newContext();
	const page = await context.newPage();
	let current = 0;
	const perQuery = VISIT_QUERIES.map(() => ({ keyword: 0, meaning: 0, meaningFiles: 0 }));
	context.on('response', async (response) => {
		const url = new URL(response.url());
		const kind = url.pathname.includes('/search-meaning/')
			? 'meaning'
			: url.pathname.includes('/pagefind/')
				? 'keyword'
				: undefined;
		if (!kind) return;
		const at = current;
		const body = await response.body().catch(() => Buffer.alloc(0));
		perQuery[at][kind] += gzipSync(body).length;
		if (kind === 'meaning') perQuery[at].meaningFiles++;
	});
	await page.goto(`${origin}/aws/`, { waitUntil: 'networkidle' });
	await page.locator('[data-search-open]').click();
	await page.locator('#search-input').waitFor();
	for (const [i, q] of VISIT_QUERIES.entries()) {
		current = i;
		// Typed key by key as a reader types, so unfinished words are what the dialog sees first.
		await page.locator('#search-input').fill('');
		await page.keyboard.type(q, { delay: 120 });
		await page
			.locator(`[data-search-results][data-query="${q.replace(/["\\]/g, '\\$&')}"]`)
			.waitFor({ state: 'attached' });
		await page.waitForLoadState('networkidle');
	}
	await context.close();
	const meaning = perQuery.map((q) => q.meaning);
	return {
		queries: VISIT_QUERIES,
		perQuery,
		meaningFirst: meaning[0],
		meaningLaterMax: Math.max(...meaning.slice(1)),
		meaningVisit: meaning.reduce((a, b) => a + b, 0),
		keywordFirst: perQuery[0].keyword,
		keywordVisit: perQuery.reduce((a, q) => a + q.keyword, 0),
	};
}

export function searchReport({ relevance, extra = {}, latency, bytes, stockLatency }) {
	const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).search;
	const s = relevance.summary;
	const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
	const rows = [
		['top-1', `${(s.top1 * 100).toFixed(1)} %`, `>= ${budgets.top1Min * 100} %`, s.top1 >= budgets.top1Min],
		['top-3', `${(s.top3 * 100).toFixed(1)} %`, `>= ${budgets.top3Min * 100} %`, s.top3 >= budgets.top3Min],
		[
			'zero-result queries',
			String(s.zeroResults),
			`<= ${budgets.zeroResultsMax}`,
			s.zeroResults <= budgets.zeroResultsMax,
		],
		[
			'first result after the first keystroke, cold (click, then type "edge")',
			`${latency.coldMs.toFixed(0)} ms`,
			`<= ${budgets.coldMaxMs} ms`,
			latency.coldMs <= budgets.coldMaxMs,
		],
		[
			'first result after a keystroke, warm (then "chips")',
			`${latency.warmMs.toFixed(0)} ms`,
			`<= ${budgets.warmMaxMs} ms`,
			latency.warmMs <= budgets.warmMaxMs,
		],
		...(bytes
			? [
					[
						'meaning data for the first query (sections and its words, gzip)',
						kb(bytes.meaningFirst),
						`<= ${kb(budgets.meaningFirstMaxBytes)}`,
						bytes.meaningFirst <= budgets.meaningFirstMaxBytes,
					],
					[
						'meaning data for each later query, the most of nine (gzip)',
						kb(bytes.meaningLaterMax),
						`<= ${kb(budgets.meaningLaterMaxBytes)}`,
						bytes.meaningLaterMax <= budgets.meaningLaterMaxBytes,
					],
					[
						'meaning data in a visit of ten queries (gzip)',
						kb(bytes.meaningVisit),
						`<= ${kb(budgets.meaningVisitMaxBytes)}`,
						bytes.meaningVisit <= budgets.meaningVisitMaxBytes,
					],
				]
			: []),
	];
	const md = [
		'# Search benchmark',
		'',
		`${new Date().toISOString()}. Regenerate with \`npm run bench:search\` (or \`npm run bench\`).`,
		'',
		'| goal | measured | budget | met |',
		'| --- | --- | --- | --- |',
		...rows.map(([name, value, budget, ok]) => `| ${name} | ${value} | ${budget} | ${ok ? 'yes' : '**no**'} |`),
		'',
		`Latency, median of 5 (each run: ${latency.cold.map((x) => x.toFixed(0)).join(', ')} ms cold; ${latency.warm.map((x) => x.toFixed(0)).join(', ')} ms warm). Bytes fetched between the click and the first result: ${kb(latency.bytesBeforeFirstResult)} (compressed, with headers).`,
		bytes
			? `Bytes of a visit of ten queries (${bytes.queries.map((q) => `“${q}”`).join(', ')}), typed into one dialog, gzip as a server sends them: meaning index ${bytes.perQuery.map((q) => kb(q.meaning)).join(', ')}; keyword search (Pagefind) ${bytes.perQuery.map((q) => kb(q.keyword)).join(', ')} (keyword total ${kb(bytes.keywordVisit)}). Query 1 includes what opening the dialog fetched.`
			: '',
		stockLatency
			? `Stock Starlight in the same run: ${stockLatency.coldMs.toFixed(0)} ms cold, ${stockLatency.warmMs.toFixed(0)} ms warm (ratio ours/stock: ${(latency.coldMs / stockLatency.coldMs).toFixed(2)} cold, ${(latency.warmMs / stockLatency.warmMs).toFixed(2)} warm); bytes seen before its first result: ${kb(stockLatency.bytesBeforeFirstResult)}.`
			: 'Stock Starlight not measured in this run (`npm run bench:search -- --stock`, or `npm run bench`).',
		'',
		report(relevance.outcomes),
		...EXTRA_QUERY_SETS.flatMap((set) =>
			extra[set.key] ? [set.note, '', report(extra[set.key].outcomes, set.title, set.file, set.blind)] : [],
		),
	].join('\n');
	return { md, ok: rows.every((r) => r[3]) };
}

async function main() {
	const executablePath = ensureBrowser();
	const port = Number(process.env.TEST_PORT ?? 4322) + 78;
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const server = await serveApart('dist', port);
	const origin = `http://127.0.0.1:${port}${basePath(process.env.BASE_PATH).replace(/\/$/, '')}`;
	let results;
	try {
		log('relevance...');
		const relevance = await searchRelevance(browser, origin);
		const extra = await extraRelevance(browser, origin);
		log('latency...');
		const latency = await searchLatency(browser, origin, false);
		log('bytes of a ten-query visit...');
		const bytes = await searchBytes(browser, origin);
		let stockLatency;
		if (process.argv.includes('--stock')) {
			const { prepareStockSite } = await import('./bench-stock.mjs');
			const stockDir = prepareStockSite();
			const r = spawnSync(process.execPath, [join(process.cwd(), 'node_modules/astro/bin/astro.mjs'), 'build'], {
				cwd: stockDir,
				encoding: 'utf8',
			});
			if (r.status !== 0) throw new Error(`stock build failed:\n${r.stdout}\n${r.stderr}`);
			const stockServer = await serveApart(join(stockDir, 'dist'), port + 1);
			try {
				stockLatency = await searchLatency(browser, `http://127.0.0.1:${port + 1}`, true);
			} finally {
				stockServer.kill();
			}
		}
		results = { date: new Date().toISOString(), relevance, extra, latency, bytes, stockLatency };
	} finally {
		server.kill();
		await browser.close();
	}
	writeFileSync('bench/search-results.json', `${JSON.stringify(results, null, '\t')}\n`);
	const { md, ok } = searchReport(results);
	writeFileSync('bench/search-results.md', md);
	console.log(md);
	if (!ok) {
		console.error('[bench:search] some goals were missed (see the table)');
		process.exitCode = 1;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	if (!existsSync('dist/index.html')) throw new Error('no dist/: run `npm run build` first');
	await main();
}
