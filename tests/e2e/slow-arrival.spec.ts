/**
 * A page whose HTML arrives slowly, in two parts, as a slow network or a busy parser delivers it:
 * it paints before its text, nothing painted then moves when the text comes, and search answers
 * before the rest has arrived.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { expect, test, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, ensureBrowser } from '../../scripts/find-browser.mjs';
import { builtSite } from './pages.ts';

const { outDir: dist, base } = builtSite;

// Scrollbars shown, as on a desktop: one that appears when the text arrives narrows the page.
test.use({
	launchOptions: { executablePath: ensureBrowser(), args: CHROMIUM_ARGS, ignoreDefaultArgs: ['--hide-scrollbars'] },
});

/** Just after the table of contents, where a paint would show the most without the text. */
const afterToc = (body: Buffer) => {
	const toc = body.indexOf('right-sidebar-container');
	expect(toc, 'the page has a table of contents to cut after').toBeGreaterThan(0);
	return body.indexOf('</aside>', toc) + '</aside>'.length;
};

/**
 * Serves the built site, with the HTML of `path` (`risks/`) in two parts, cut where `cutAt` says: the
 * second part only once the page fetches `/__rest-of-page`. Resolves with the page's address.
 */
async function serveInTwoParts(page: Page, path: string, cutAt = afterToc): Promise<string> {
	const body = readFileSync(join(dist, path, 'index.html'));
	const cut = cutAt(body);
	const assets = sirv(dist, { dev: false });
	let sendRest = () => {};
	const server = createServer((req, res) => {
		if (req.url === '/__rest-of-page') {
			sendRest();
			return res.writeHead(204).end();
		}
		req.url = req.url!.slice(base.length - 1);
		if (req.url !== `/${path}`) return assets(req, res, () => void res.writeHead(404).end());
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
		res.write(body.subarray(0, cut));
		sendRest = () => res.end(body.subarray(cut));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	page.on('close', () => server.close());
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}${path}`;
}

for (const [width, height] of [
	[1350, 940],
	[412, 823],
]) {
	test(`a page that arrives slowly paints before its text and does not shift (${width} px wide)`, async ({ page }) => {
		// The second part of /risks/ is sent once the page has reported its first contentful paint, however long
		// a busy machine takes to get there (a paint's time is when it was shown, which can come after a frame
		// was drawn), or after 10 s if it never paints: then the paint comes after the text and the test fails.
		// Starlight's table of contents, which precedes <main>, stands in its own column from that paint
		// (src/styles/site.css).
		const url = await serveInTwoParts(page, 'risks/');
		await page.setViewportSize({ width, height });
		await page.addInitScript(() => {
			const w = window as unknown as { shifts: number[]; painted: number; mainAt: number; tocLeft: number };
			w.shifts = [];
			w.tocLeft = -1;
			w.painted = 0;
			w.mainAt = 0;
			let asked = false;
			const askForRest = () => {
				if (!asked) void fetch('/__rest-of-page');
				asked = true;
			};
			setTimeout(askForRest, 10_000);
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.shifts.push((entry as unknown as { value: number }).value);
			}).observe({ type: 'layout-shift', buffered: true });
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries())
					if (entry.name === 'first-contentful-paint') {
						w.painted = entry.startTime;
						askForRest();
					}
			}).observe({ type: 'paint', buffered: true });
			new MutationObserver((_, observer) => {
				// Where the table of contents is laid out while the text has not arrived: what a paint then shows.
				const toc = document.querySelector('.right-sidebar-container');
				if (!document.querySelector('main')) {
					if (!toc) return;
					w.tocLeft = toc.getBoundingClientRect().left;
					return;
				}
				w.mainAt = performance.now();
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(url, { waitUntil: 'load' });
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
		const { shifts, painted, mainAt, tocLeft, tocLeftAfter } = await page.evaluate(() => {
			const w = window as unknown as { shifts: number[]; painted: number; mainAt: number; tocLeft: number };
			const toc = document.querySelector('.right-sidebar-container')!;
			return { ...w, tocLeftAfter: toc.getBoundingClientRect().left };
		});
		expect(tocLeft, 'the table of contents stands in its column before the text arrives').toBe(tocLeftAfter);
		expect(painted, 'a first paint before the text arrived').toBeGreaterThan(0);
		expect(painted).toBeLessThan(mainAt);
		// Near zero, so even the sidebar's end moving down as its links arrive fails (see src/styles/site.css).
		expect(shifts.reduce((a, b) => a + b, 0)).toBeLessThan(0.001);
	});
}

test('Ctrl+K pressed while the page is still arriving opens search before the rest has come', async ({ page }) => {
	// Module scripts wait for the whole page to be parsed; the one that answers search runs as soon as it
	// arrives (src/build/page-scripts.ts), so the rest of /business/ is not sent until the search box is open.
	const url = await serveInTwoParts(page, 'business/');
	await page.goto(url, { waitUntil: 'commit' });
	// Search's code has run (it makes the link a button): a press now must not wait for the rest.
	await expect(page.locator('[data-search-open][role="button"]')).toBeVisible({ timeout: 30_000 });
	await page.keyboard.press('Control+k');
	await expect(page.locator('site-search dialog')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('#search-input')).toBeFocused();
	expect(await page.evaluate(() => document.readyState)).toBe('loading');
	// And the page finishes as usual once the rest arrives.
	await page.evaluate(() => fetch('/__rest-of-page'));
	await expect(page.locator('main h1')).toBeVisible({ timeout: 30_000 });
});

test('search works when its script arrives before the search button has been parsed', async ({ page }) => {
	// Cut just inside <site-search>, before its button: the script that starts search arrives and runs
	// while the parser waits, and must leave the start to Search.astro's inline script after the button.
	const url = await serveInTwoParts(page, 'business/', (body) => body.indexOf('>', body.indexOf('<site-search')) + 1);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(url, { waitUntil: 'commit' });
	await expect
		.poll(() => page.evaluate(() => typeof (window as { siteSearchStart?: unknown }).siteSearchStart), {
			timeout: 30_000,
		})
		.toBe('function');
	await page.evaluate(() => fetch('/__rest-of-page'));
	await page.waitForLoadState('load');
	await page.locator('[data-search-open]').click();
	await expect(page.locator('site-search dialog')).toBeVisible();
	await expect(page.locator('#search-input')).toBeFocused();
	expect(errors).toEqual([]);
});
