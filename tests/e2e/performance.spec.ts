/**
 * The deterministic side of the speed goals, on the built site (times stay in `npm run bench`):
 * the first screen's HTML arrives in the first round trip, a read-through stays within its byte
 * budget, and nothing is fetched ahead on load or on save-data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIRST_ROUND_TRIP_BYTES, READ_THROUGH, firstScreenBytes, readThroughBytes } from '../../scripts/page-bytes.mjs';
import { builtSite, readingOrder } from './pages.ts';
import { htmlElements, type HtmlElement } from '../../src/build/html.ts';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const dist = builtSite.outDir;
const htmlOf = (path: string) => readFileSync(join(dist, path.replace(/^\//, ''), 'index.html'));

test('every page: header, title and first paragraph lie within the first 14 KB of the compressed response', () => {
	for (const path of readingOrder) {
		const { beforeMain, firstScreen } = firstScreenBytes(htmlOf(path));
		expect(firstScreen, `${path}: compressed bytes through the first paragraph`).toBeLessThanOrEqual(
			FIRST_ROUND_TRIP_BYTES,
		);
		expect(beforeMain, `${path}: compressed bytes before <main>`).toBeLessThanOrEqual(
			budgets.firstScreen.beforeMainMaxCompressedBytes,
		);
	}
});

test('every page links its stylesheet and the chunk that starts search from <head>, its one script from the end of <body>, with nothing held back by a loader', () => {
	for (const path of readingOrder) {
		const html = htmlOf(path).toString('utf8');
		const elements = htmlElements(html);
		const [head, body, main] = ['head', 'body', 'main'].map((name) => elements.find((e) => e.name === name)!);
		const within = (outer: HtmlElement) => elements.filter((e) => e.start > outer.start && e.end <= outer.end);
		expect(within(head).filter((e) => e.name === 'link' && e.attrs.rel === 'stylesheet').length, path).toBeGreaterThan(
			0,
		);
		// Deferred either way; named in <head>, the bundle would be fetched beside the stylesheet the
		// first paint waits for and, on a slow line, share its bandwidth.
		const headScripts = within(head).filter((e) => e.name === 'script' && e.attrs.src);
		expect(
			headScripts.map((e) => [e.attrs.type, 'async' in e.attrs, e.attrs.src]),
			path,
		).toEqual([['module', true, expect.stringMatching(/\/_astro\/page-scripts-chunk\.\w+\.js$/)]]);
		const last = within(body).at(-1)!;
		expect([last.name, last.attrs.type, last.attrs.src], path).toEqual([
			'script',
			'module',
			expect.stringMatching(/\/_astro\/page-scripts\.\w+\.js$/),
		]);
		expect(last.start, `${path}: the bundle comes after the text`).toBeGreaterThan(main.end);
		expect(html, path).not.toMatch(/<noscript|data-modules=/);
	}
});

test(`a read-through (${READ_THROUGH.length} section pages, one visit, cache on) stays within its byte budget`, async ({
	page,
}) => {
	const { total, resources } = await readThroughBytes(page, builtSite);
	// The full stylesheet is fetched once for the whole visit, not once per page.
	const stylesheets = Object.keys(resources).filter((url) => /\/_astro\/[^/]+\.css$/.test(url));
	expect(stylesheets.length).toBeGreaterThan(0);
	for (const url of stylesheets) expect(resources[url], url).toBeLessThan(64 * 1024);
	// bench/budgets.json: this site's figure (stock Starlight's, measured by the benchmark, beside it).
	expect(total).toBeLessThanOrEqual(budgets.readThrough.maxBytes);
});

const documentRequests = (page: Page) => {
	const urls: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'document' || r.resourceType() === 'other' || r.resourceType() === 'fetch') {
			if (new URL(r.url()).pathname.endsWith('/')) urls.push(new URL(r.url()).pathname);
		}
	});
	return urls;
};

test('nothing is prefetched on load: a reader who never navigates downloads no other page', async ({
	page,
	baseURL,
}) => {
	const requested = documentRequests(page);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	expect(requested).toEqual([new URL('aws/', baseURL).pathname]);
});

test('nothing is prefetched when the reader asked to save data', async ({ page, baseURL }) => {
	await page.addInitScript(() =>
		Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }),
	);
	const requested = documentRequests(page);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	await page.locator('a[rel="next"]').hover();
	// A second link hovered, and the network left to go quiet: nothing is fetched ahead.
	await page.locator('nav[aria-label="Main"] a[href$="/risks/"]').hover();
	await page.waitForLoadState('networkidle');
	expect(requested).toEqual([new URL('aws/', baseURL).pathname]);
	// Not prerendered on intent either (src/linking/prerender-on-intent.ts): the rules are never added.
	await expect(page.locator('script[type="speculationrules"]')).toHaveCount(0);
});

test('reaching for search preloads what the first search needs at once, and each file downloads once', async ({
	page,
	baseURL,
}) => {
	const { files } = JSON.parse(readFileSync(join(dist, 'search-preload.json'), 'utf8')) as { files: string[] };
	const expected = files.map((f) => new URL(f, baseURL).href);
	const search: string[] = [];
	page.on(
		'request',
		(r) =>
			/\/(pagefind\/(?!pagefind\.js)|search-vocabulary|search-meaning\/sections)/.test(r.url()) && search.push(r.url()),
	);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	expect(search, 'nothing of the index before any intent').toEqual([]);
	// Intent: the pointer reaches the button. Everything on the list is requested before a key is typed.
	await page.locator('[data-search-open]').hover();
	await expect.poll(() => expected.filter((u) => search.includes(u)).length).toBe(expected.length);
	await page.locator('[data-search-open]').click();
	await page.keyboard.type('edge');
	await expect(page.locator('.search-result').first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	// Pagefind's own fetches were served by the preloads: nothing off the list, nothing twice.
	expect(
		search.filter((u) => !expected.includes(u)),
		'fetched without a preload',
	).toEqual([]);
	expect(search.length, 'a file downloaded twice').toBe(expected.length);
});

test('an article page fetches its scripts as one file and the chunk that starts search, both found in the HTML', async ({
	page,
}) => {
	for (const path of ['aws/', 'topics/']) {
		const scripts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'script' && !r.url().includes('/pagefind/')) scripts.push(r.url());
		});
		await page.goto(path, { waitUntil: 'networkidle' });
		page.removeAllListeners('request');
		const names = scripts.map((url) => new URL(url).pathname.replace(/^.*\/_astro\//, '')).sort();
		expect(names, path).toEqual([
			expect.stringMatching(/^page-scripts-chunk\.\w+\.js$/),
			expect.stringMatching(/^page-scripts\.\w+\.js$/),
		]);
		// The chunk is named in the HTML, so it does not wait for the bundle, and runs as soon as it arrives.
		const chunk = names.find((n) => n.startsWith('page-scripts-chunk'))!;
		await expect(page.locator(`script[type="module"][async][src$="/_astro/${chunk}"]`), path).toHaveCount(1);
		await expect(page.locator('script[type="module"]:not([async])[src*="/_astro/"]'), path).toHaveCount(1);
	}
	// And the search button works from that one file (quality.spec.ts's axe tests use the theme select on every page).
	await page
		.getByRole('button', { name: /search/i })
		.first()
		.click();
	await expect(page.getByRole('dialog')).toBeVisible();
});

test('on /glossary/, entries far below the screen are not laid out until the reader nears them; a link to one shows it', async ({
	page,
}) => {
	await page.goto('glossary/');
	const last = page.locator('.glossary-term').last();
	const definition = last.locator('p').first();
	const rendered = () => definition.evaluate((p) => p.checkVisibility({ contentVisibilityAuto: true }));
	expect(await rendered(), 'the last definition is skipped by the first layout').toBe(false);
	const id = await last.locator('h2').getAttribute('id');
	await page.goto(`glossary/#${id}`);
	await expect(definition).toBeInViewport();
	expect(await rendered(), 'a link to the entry lays it out').toBe(true);
});
