/**
 * The site has no service worker any more. Earlier versions registered one at `<base>sw.js` (page
 * deltas, cache `page-deltas-base`); readers who visited then still have it. `public/sw.js`, at the
 * same address, replaces it: it deletes the old worker's cache and unregisters itself.
 *
 * The returning reader is played in a real browser: a copy of the site serves a worker like the
 * old one at `sw.js`, a page registers it as the old pages did, and it controls the page and keeps
 * its cache; then the copy is "deployed" with this build's `sw.js` and the reader comes back.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSite } from '../../scripts/serve.mjs';
import { expect, test } from '@playwright/test';
import { builtSite } from './pages.ts';

const { outDir, base } = builtSite;

/** What the old worker did that matters here: installed at once, kept a cache, answered navigations. */
const OLD_WORKER = `
const CACHE = 'page-deltas-base';
self.addEventListener('install', (event) => {
	self.skipWaiting();
	event.waitUntil(caches.open(CACHE).then((cache) =>
		cache.put(new URL('aws/#base-page-sha256', self.registration.scope).href, new Response('the base page'))));
});
self.addEventListener('fetch', (event) => {
	if (event.request.mode === 'navigate') event.respondWith(fetch(event.request));
});
`;

let copy: string;
test.beforeEach(() => {
	copy = mkdtempSync(join(tmpdir(), 'old-worker-'));
	cpSync(outDir, copy, { recursive: true });
	writeFileSync(join(copy, 'sw.js'), OLD_WORKER);
});
test.afterEach(() => rmSync(copy, { recursive: true, force: true }));

test("a returning reader's old worker is replaced: its cache is deleted and it unregisters", async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	let server = await serveSite({ outDir: copy, base });
	try {
		const root = new URL(server.url).pathname;
		await page.goto(`${server.url}aws/`);
		// The old pages registered the worker once loaded (src/page-deltas/register.ts, removed).
		await page.evaluate(async (scope) => {
			await navigator.serviceWorker.register(`${scope}sw.js`, { scope });
			await navigator.serviceWorker.ready;
			// Another application on the same origin may keep caches of its own: they are not ours.
			await (await caches.open('another-app')).put('/another-app/', new Response('kept'));
		}, root);
		const visit = await page.reload();
		expect(visit?.fromServiceWorker(), 'the old worker answers the page').toBe(true);
		expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${server.url}sw.js`);
		expect((await page.evaluate(() => caches.keys())).sort()).toEqual(['another-app', 'page-deltas-base']);

		// This build's sw.js is deployed at the same address (the server restarts on the same port, as
		// it reads its files' headers at start-up); the reader comes back.
		await server.close();
		writeFileSync(join(copy, 'sw.js'), readFileSync(join(outDir, 'sw.js')));
		server = await serveSite({ port: Number(new URL(server.url).port), outDir: copy, base });
		await page.reload();
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length)), {
				message: 'the worker unregistered itself',
			})
			.toBe(0);
		await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['another-app']);

		// The next page comes from the network, with no worker in between.
		const next = await page.goto(`${server.url}business/`);
		expect(next?.fromServiceWorker()).toBe(false);
		expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
		await expect(page.locator('h1')).toBeVisible();
		expect(errors).toEqual([]);
	} finally {
		await server.close();
	}
});

test('no page registers a service worker', async ({ page }) => {
	for (const path of ['', 'aws/', 'glossary/', 'source/']) {
		await page.goto(path || './', { waitUntil: 'networkidle' });
		expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length)), path).toBe(
			0,
		);
	}
	// Nor could one, on a page not visited here: no built script or page calls register().
	const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|js)$/.test(f));
	const registering = files.filter((f) => readFileSync(join(outDir, f), 'utf8').includes('serviceWorker.register'));
	expect(registering).toEqual([]);
});
