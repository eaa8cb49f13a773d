/**
 * Further pages of a visit arrive as deltas (src/page-deltas): the service worker rebuilds each
 * page from its delta and the base page, and the server never sends the page itself. When a delta
 * is missing or does not rebuild its page, the reader still gets the page, from the network.
 * Each test serves its own copy of the site in-process (scripts/serve.mjs) to see what was sent.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveSite } from '../../scripts/serve.mjs';
import { expect, test, type Page } from './fixtures.ts';

const outDir = process.env.OUT_DIR ?? 'dist';
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const delta = (page: string) => JSON.parse(readFileSync(join(outDir, page, 'index.delta.json'), 'utf8'));

/** Opens `first`, waits for its service worker, then opens `next` as a reader would. */
async function openTwo(page: Page, url: string, first: string, next: string) {
	await page.goto(`${url}${first}`);
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	await page.goto(`${url}${next}`);
}

const served = (paths: Record<string, number>, path: string) => (paths[path] ?? 0) > 0;

test('a further page is rebuilt from its delta: the server sends the delta, not the page', async ({ page }) => {
	const server = await serveSite({ outDir, base });
	try {
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		// The base page is fetched once by the worker; /business/ then comes as a delta alone.
		const basePage = delta('business').base as string;
		const first = basePage === `${base}investment/` ? 'aws/' : 'investment/';
		await openTwo(page, server.url, first, 'business/');
		const paths = server.bytesByPath();
		expect(served(paths, `${base}business/index.delta.json`)).toBe(true);
		expect(served(paths, `${base}business/`), 'the page itself was fetched').toBe(false);
		expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
		// The page is the real one: its title, its inline scripts (theme) ran under its policy, no errors.
		await expect(page.locator('h1#_top')).toHaveText(/business/i);
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);
		expect(errors).toEqual([]);
	} finally {
		await server.close();
	}
});

test('with the worker active, other addresses are left to the network: share pages and unknown URLs', async ({
	page,
}) => {
	const server = await serveSite({ outDir, base });
	try {
		await page.goto(`${server.url}aws/`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		const missing = await page.goto(`${server.url}no-such-page/`);
		expect(missing?.status()).toBe(404);
		expect(missing?.fromServiceWorker()).toBe(false);
		// A share page still sends the reader on to its section.
		await page.goto(`${server.url}share/aws/the-core-of-the-strategy/`);
		await page.waitForURL(/\/aws\/#the-core-of-the-strategy$/);
		await expect(page.locator('h1#_top')).toHaveText(/AWS/);
	} finally {
		await server.close();
	}
});

test.describe('when a delta cannot rebuild its page', () => {
	let copy: string;
	test.beforeEach(() => {
		copy = mkdtempSync(join(tmpdir(), 'page-deltas-'));
		cpSync(outDir, copy, { recursive: true });
	});
	test.afterEach(() => rmSync(copy, { recursive: true, force: true }));

	test('a delta that rebuilds something else: the page comes from the network, unchanged', async ({ page }) => {
		const file = join(copy, 'risks', 'index.delta.json');
		const broken = JSON.parse(readFileSync(file, 'utf8'));
		// Same hash, different text: what a stale or tampered delta looks like.
		broken.ops.push('<p>not part of the page</p>');
		writeFileSync(file, JSON.stringify(broken));
		const server = await serveSite({ outDir: copy, base });
		try {
			await openTwo(page, server.url, 'aws/', 'risks/');
			expect(served(server.bytesByPath(), `${base}risks/`), 'the page was fetched instead').toBe(true);
			await expect(page.locator('h1#_top')).toHaveText(/risks/i);
			expect(await page.content()).not.toContain('not part of the page');
		} finally {
			await server.close();
		}
	});

	test('no delta at all (an older worker, a partial upload): the page comes from the network', async ({ page }) => {
		rmSync(join(copy, 'outlook', 'index.delta.json'));
		const server = await serveSite({ outDir: copy, base });
		try {
			await openTwo(page, server.url, 'aws/', 'outlook/');
			expect(served(server.bytesByPath(), `${base}outlook/`)).toBe(true);
			await expect(page.locator('h1#_top')).toHaveText(/outlook/i);
		} finally {
			await server.close();
		}
	});

	test('a base page that changed since the deltas were made: the page comes from the network', async ({ page }) => {
		const basePage = delta('partnerships').base as string;
		const baseFile = join(copy, basePage.slice(base.length), 'index.html');
		writeFileSync(baseFile, readFileSync(baseFile, 'utf8').replace('</body>', '<p>redeployed</p></body>'));
		const server = await serveSite({ outDir: copy, base });
		try {
			const first = basePage === `${base}investment/` ? 'aws/' : 'investment/';
			await openTwo(page, server.url, first, 'partnerships/');
			expect(served(server.bytesByPath(), `${base}partnerships/`)).toBe(true);
			await expect(page.locator('h1#_top')).toHaveText(/partnerships/i);
		} finally {
			await server.close();
		}
	});
});
