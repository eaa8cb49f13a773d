/**
 * Byte figures that do not depend on timing, shared by the benchmark (scripts/bench.mjs) and the
 * browser tests (tests/e2e/performance.spec.ts):
 *
 * - how many bytes of the *compressed* response a browser needs before it can parse a page up to
 *   a given point (the `<main>` tag, the end of the first paragraph): a new connection's first
 *   round trip carries about 14 KB (10 TCP segments), so what the first screen needs should fit;
 * - the bytes a reader transfers going through a list of pages in one visit, cache on.
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { serveSite } from './serve.mjs';

/** The seven section pages in reading order: a read-through (and the browser tests' section pages). */
export const READ_THROUGH = [
	'/investment/',
	'/aws/',
	'/business/',
	'/hybrid-edge/',
	'/partnerships/',
	'/risks/',
	'/outlook/',
];

/** One TCP initial congestion window (10 segments) is about 14 KB. */
export const FIRST_ROUND_TRIP_BYTES = 14 * 1024;

/**
 * Compressed bytes of `gz` needed to decode its HTML up to `offset` (exclusive). Exact: it inflates
 * growing prefixes of the real compressed stream.
 */
function compressedBytesThrough(gz, offset) {
	const decoded = (n) => gunzipSync(gz.subarray(0, n), { finishFlush: constants.Z_SYNC_FLUSH }).length;
	let lo = 0;
	let hi = gz.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (decoded(mid) >= offset) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * Where the first screen of a page ends in its HTML: the end of the first paragraph of the page's
 * text (Starlight's `.sl-markdown-content`), else the end of the title. Byte offsets.
 */
function firstScreenOffsets(html) {
	const text = html.toString('utf8');
	const byteOffset = (i) => Buffer.byteLength(text.slice(0, i));
	const main = text.indexOf('<main');
	const content = text.indexOf('sl-markdown-content', main);
	const firstP = content < 0 ? -1 : text.indexOf('</p>', content);
	const h1 = text.indexOf('</h1>', main);
	const end = firstP >= 0 ? firstP + '</p>'.length : h1 + '</h1>'.length;
	return { main: byteOffset(main), firstScreen: byteOffset(end) };
}

/**
 * Compressed bytes of a page's HTML (a Buffer) before `<main>` and through the end of the first
 * paragraph, in the stream a static host sends (gzip, zlib's default level, as scripts/serve.mjs
 * and most hosts use).
 */
export function firstScreenBytes(html) {
	const { main, firstScreen } = firstScreenOffsets(html);
	const gz = gzipSync(html);
	return {
		beforeMain: compressedBytesThrough(gz, main),
		firstScreen: compressedBytesThrough(gz, firstScreen),
		total: gz.length,
	};
}

/**
 * Bytes transferred (headers and compressed bodies, counted where the server writes them) while one
 * reader goes through the section pages (READ_THROUGH) in one tab with the cache on, moving as readers do: the first page
 * opened by its address, then on each page the pointer rests on "Next" (300 ms) and clicks it. The
 * page, its files, and whatever its prefetches and prerenders fetch all count. Serves `outDir`
 * itself (scripts/serve.mjs, on a free port) so no other test's requests are counted. Works with a
 * Playwright page (@playwright/test or playwright-core). Waits for each page's network to go quiet,
 * so late-loading stylesheets, fonts and scripts count.
 */
export async function readThroughBytes(page, { outDir = 'dist', base = '/' } = {}) {
	const paths = READ_THROUGH;
	const server = await serveSite({ outDir, base });
	try {
		const pages = [];
		for (const [i, path] of paths.entries()) {
			const before = server.bytesSent();
			const url = `${server.url}${path.replace(/^\//, '')}`;
			if (i === 0) await page.goto(url, { waitUntil: 'networkidle' });
			else {
				const next = page.locator('a[rel="next"]').first();
				if (new URL(await next.evaluate((a) => a.href)).pathname !== new URL(url).pathname)
					throw new Error(`read-through: "Next" on ${paths[i - 1]} does not lead to ${path}`);
				await next.hover();
				await page.waitForTimeout(300);
				// What the rest started (a prefetch) is finished, as it is on a fast line, so the figure
				// does not depend on how busy the machine is.
				await page.waitForLoadState('networkidle');
				await next.click();
				await page.waitForURL(url);
				await page.waitForLoadState('networkidle');
			}
			pages.push({ path, bytes: server.bytesSent() - before });
		}
		const total = pages.reduce((a, p) => a + p.bytes, 0);
		return { total, pages, resources: server.bytesByPath() };
	} finally {
		await server.close();
	}
}
