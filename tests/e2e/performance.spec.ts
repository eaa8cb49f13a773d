/**
 * The deterministic side of the speed goals, on the built site (times stay in `npm run bench`):
 * the first screen's HTML arrives in the first round trip, a read-through stays within its byte
 * budget, and pages are prefetched on intent only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { expect, scriptsLoaded, test, type Page } from './fixtures.ts';
// @ts-ignore -- plain JS module shared with the benchmark
import { FIRST_ROUND_TRIP_BYTES, READ_THROUGH, firstScreenBytes, readThroughBytes } from '../../scripts/page-bytes.mjs';
import { readingOrder } from './pages.ts';

const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
const dist = process.env.OUT_DIR ?? 'dist';
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

test('every page links its stylesheet and its one script from <head>, as Astro writes them, with nothing held back by a loader', () => {
	for (const path of readingOrder) {
		const html = htmlOf(path).toString('utf8');
		const head = html.slice(0, html.indexOf('</head>'));
		expect(head, path).toMatch(/<link rel="stylesheet" href="[^"]+\.css">/);
		expect(head, path).toMatch(/<script type="module" src="[^"]+\.js"><\/script>/);
		expect(html, path).not.toMatch(/<noscript|data-modules=/);
	}
});

test(`a read-through (${READ_THROUGH.length} section pages, one visit, cache on) stays within its byte budget`, async ({
	page,
}) => {
	const { total, resources } = await readThroughBytes(
		page,
		{ outDir: process.env.OUT_DIR ?? 'dist', base: process.env.BASE_PATH ?? '/' },
		READ_THROUGH,
	);
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

test('the page behind "Next" is prefetched when the pointer rests on it', async ({ page }) => {
	const requested = documentRequests(page);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	const next = page.locator('a[rel="next"]');
	const href = new URL((await next.getAttribute('href'))!, page.url()).pathname;
	const prefetched = page.waitForRequest((r) => new URL(r.url()).pathname === href);
	await next.hover();
	await prefetched;
	expect(requested).toContain(href);
});

test('the search button is not prefetched as a page: with JavaScript it opens the dialog', async ({
	page,
	baseURL,
}) => {
	const requested = documentRequests(page);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	// Hovered, the button starts the dialog's own files; its no-JavaScript address (/topics/) stays unfetched.
	const dialogCode = page.waitForRequest((r) => r.url().endsWith('/search-dialog.html'));
	await page.locator('[data-search-open]').hover();
	await dialogCode;
	await page.waitForLoadState('networkidle');
	expect(requested).toEqual([new URL('aws/', baseURL).pathname]);
});

test('nothing is prefetched when the reader asked to save data', async ({ page, baseURL }) => {
	await page.addInitScript(() =>
		Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }),
	);
	const requested = documentRequests(page);
	await page.goto('aws/', { waitUntil: 'networkidle' });
	await page.locator('a[rel="next"]').hover();
	// The sidebar link hovered next must be prefetched if anything is: wait for the same delay
	// by hovering a second link and letting the network go quiet.
	await page.locator('nav[aria-label="Main"] a[href$="/risks/"]').hover();
	await page.waitForLoadState('networkidle');
	expect(requested).toEqual([new URL('aws/', baseURL).pathname]);
	// Nor prerendered on intent (src/linking/prerender-on-intent.ts): the rules are never added.
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

for (const [width, height] of [
	[1350, 940],
	[412, 823],
]) {
	test(`a page that arrives slowly paints before its text and does not shift (${width} px wide)`, async ({ page }) => {
		// The HTML of /risks/ sent in two parts a second apart, as a slow network or a busy parser delivers it.
		// The first paint comes before the text (nothing holds rendering back for it), and Starlight's table of
		// contents, which precedes <main>, stands in its own column from that paint (src/styles/site.css).
		const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
		const types: Record<string, string> = {
			'.css': 'text/css',
			'.js': 'text/javascript',
			'.woff2': 'font/woff2',
			'.svg': 'image/svg+xml',
			'.json': 'application/json',
		};
		const server = createServer((req, res) => {
			const path = decodeURIComponent(new URL(req.url!, 'http://x').pathname).slice(base.length - 1);
			const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
			if (!existsSync(file)) return res.writeHead(404).end();
			const body = readFileSync(file);
			if (!file.endsWith('.html'))
				return res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
			// Cut where a paint would show the most without the text: just after the table of contents.
			const cut = body.indexOf('</aside>', body.indexOf('right-sidebar-container')) + '</aside>'.length;
			if (cut < '</aside>'.length) throw new Error('/risks/ has no table of contents to cut after');
			res.write(body.subarray(0, cut));
			setTimeout(() => res.end(body.subarray(cut)), 1000);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			await page.setViewportSize({ width, height });
			await page.addInitScript(() => {
				const w = window as unknown as { shifts: number[]; painted: number; mainAt: number; tocLeft: number };
				w.shifts = [];
				w.tocLeft = -1;
				w.painted = 0;
				w.mainAt = 0;
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) w.shifts.push((entry as unknown as { value: number }).value);
				}).observe({ type: 'layout-shift', buffered: true });
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries())
						if (entry.name === 'first-contentful-paint') w.painted = entry.startTime;
				}).observe({ type: 'paint', buffered: true });
				new MutationObserver((_, observer) => {
					// Where the table of contents is laid out while the text has not arrived: what a paint then shows.
					const toc = document.querySelector('.right-sidebar-container');
					if (!document.querySelector('main')) {
						if (toc) w.tocLeft = toc.getBoundingClientRect().left;
						return;
					}
					w.mainAt = performance.now();
					observer.disconnect();
				}).observe(document, { childList: true, subtree: true });
			});
			const { port } = server.address() as AddressInfo;
			await page.goto(`http://127.0.0.1:${port}${base}risks/`, { waitUntil: 'load' });
			await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
			const { shifts, painted, mainAt, tocLeft, tocLeftAfter } = await page.evaluate(() => {
				const w = window as unknown as { shifts: number[]; painted: number; mainAt: number; tocLeft: number };
				const toc = document.querySelector('.right-sidebar-container')!;
				return { ...w, tocLeftAfter: toc.getBoundingClientRect().left };
			});
			expect(tocLeft, 'the table of contents stands in its column before the text arrives').toBe(tocLeftAfter);
			expect(painted, 'a first paint before the text arrived').toBeGreaterThan(0);
			expect(painted).toBeLessThan(mainAt);
			// Starlight's sidebar ends in an empty 1 px-high box (`.sidebar-content::after`); painted while the
			// sidebar is still being parsed, it moves down as the links arrive, for a score of at most 0.0004.
			// The table of contents standing where the text goes, as it did before, scored over 0.4.
			expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.001);
		} finally {
			server.close();
		}
	});
}

test('an article page fetches its scripts as one file and one preloaded chunk, both found in the HTML', async ({
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
		// The chunk is preloaded from the HTML, so it does not wait for the bundle to be parsed.
		const chunk = names.find((n) => n.startsWith('page-scripts-chunk'))!;
		await expect(page.locator(`link[rel="modulepreload"][href$="/_astro/${chunk}"]`), path).toHaveCount(1);
		await expect(page.locator('script[type="module"][src*="/_astro/"]'), path).toHaveCount(1);
	}
	// And the page's controls work from that one file: the theme select and the search button.
	await page.locator('starlight-theme-select select').first().selectOption('light');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
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
