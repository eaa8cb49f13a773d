/**
 * The next page is prerendered on intent (src/linking/prerender-on-intent.ts). Chromium will not
 * prerender while Playwright is attached to the page, so these tests drive their own Chromium
 * through the tab target, as DevTools does (scripts/cdp-tab.mjs), against the same test server.
 */
import { expect, test } from '@playwright/test';
import { launchTab } from '../../scripts/cdp-tab.mjs';
import { serveSite } from '../../scripts/serve.mjs';
import { builtSite } from './pages.ts';

type Tab = Awaited<ReturnType<typeof launchTab>>;
type CdpEvent = { method?: string; params?: { status?: string; key?: { url?: string } } };

const isStatusUpdate = (e: CdpEvent) => e.method === 'Preload.prerenderStatusUpdated';
const prerenderStarted = (e: CdpEvent) =>
	isStatusUpdate(e) && ['Running', 'Ready', 'Success'].includes(e.params?.status ?? '');
const prerenderReady = (e: CdpEvent) => isStatusUpdate(e) && e.params?.status === 'Ready';

let tab: Tab;
/** What Chromium has said about prerendering so far, for failure messages. */
const statusUpdates = (): CdpEvent[] => tab.events.filter(isStatusUpdate);
test.beforeEach(async () => {
	tab = await launchTab();
});
test.afterEach(async () => {
	await tab?.close();
});

test('resting the pointer on "Next" prerenders that page, and the click shows it already rendered', async ({
	baseURL,
}) => {
	await tab.goto(new URL('aws/', baseURL).href);
	// Intent is watched by the page's scripts: wait until they have run.
	await expect.poll(() => tab.evaluate(`document.readyState`)).toBe('complete');
	await tab.send('Preload.enable');
	const next = (await tab.evaluate(`document.querySelector('a[rel="next"]').href`)) as string;
	await tab.hover('a[rel="next"]');
	const ready = (await Promise.race([
		tab.waitForEvent(prerenderReady),
		new Promise((_, reject) =>
			setTimeout(() => {
				const said = JSON.stringify(statusUpdates().map((e) => e.params));
				reject(new Error(`not prerendered within 30 s; Chromium said: ${said}`));
			}, 30_000),
		),
	])) as CdpEvent;
	expect(ready.params?.key?.url).toBe(next);
	// Where the link is now, in case anything moved while the page was prepared.
	const point = await tab.hover('a[rel="next"]');
	await tab.click(point);
	let lastSeen = '';
	await expect
		.poll(
			() =>
				tab.evaluate('location.href').then(
					(href) => (lastSeen = String(href)),
					(error) => ((lastSeen = `error: ${(error as Error).message}`), ''),
				),
			{
				message: `the click opens the next page (clicked at ${JSON.stringify(point)}; ${JSON.stringify(
					statusUpdates().map((e) => e.params?.status),
				)})`,
			},
		)
		.toBe(next)
		.catch((error: Error) => {
			throw new Error(`${error.message}\nlast seen: ${lastSeen}`);
		});
	// activationStart > 0 only for a page that was prerendered and then shown.
	expect(await tab.evaluate(`performance.getEntriesByType('navigation')[0].activationStart`)).toBeGreaterThan(0);
});

test('on a slow line the next page is fetched once, for the prerender, and the click fetches nothing', async () => {
	// Every response held back, so a second mechanism (Starlight's default hover prefetch, 80 ms on
	// the link) would still be under way when Chromium starts the prerender: the case where both
	// fetched the page.
	const server = await serveSite({ ...builtSite, delayMs: 400 });
	try {
		await tab.send('Preload.enable');
		await tab.goto(`${server.url}aws/`);
		await expect.poll(() => tab.evaluate(`document.readyState`), { timeout: 30_000 }).toBe('complete');
		const next = new URL((await tab.evaluate(`document.querySelector('a[rel="next"]').href`)) as string).pathname;
		const point = await tab.hover('a[rel="next"]');
		await tab.waitForEvent(prerenderReady);
		await tab.click(point);
		await expect.poll(() => tab.evaluate('location.pathname').catch(() => '')).toBe(next);
		expect(await tab.evaluate(`performance.getEntriesByType('navigation')[0].activationStart`)).toBeGreaterThan(0);
		expect(server.requestsByPath()[next], JSON.stringify(server.requestsByPath())).toBe(1);
	} finally {
		await server.close();
	}
});

test('the search button is not fetched ahead as a page: with JavaScript it opens the dialog', async () => {
	const server = await serveSite(builtSite);
	try {
		await tab.send('Preload.enable');
		await tab.goto(`${server.url}aws/`);
		await expect.poll(() => tab.evaluate(`document.readyState`)).toBe('complete');
		// Its no-JavaScript address (/topics/) is marked data-astro-prefetch="false", which the rules skip.
		const topics = new URL((await tab.evaluate(`document.querySelector('[data-search-open]').href`)) as string)
			.pathname;
		await tab.hover('[data-search-open]');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(tab.events.filter(prerenderStarted)).toEqual([]);
		expect(server.requestsByPath()[topics]).toBeUndefined();
		// The rules were live all along: the next link hovered is prepared.
		await tab.hover('a[rel="next"]');
		await expect.poll(() => tab.events.filter(prerenderStarted).length, { timeout: 30_000 }).toBeGreaterThan(0);
	} finally {
		await server.close();
	}
});

test('nothing is prerendered on load: a reader who never points at a link loads no other page', async ({ baseURL }) => {
	await tab.send('Page.enable');
	await tab.send('Preload.enable');
	await tab.goto(new URL('aws/', baseURL).href);
	// The page's scripts add the rules: wait until they have run.
	await expect.poll(() => tab.evaluate(`document.readyState`)).toBe('complete');
	// The rules are in place, waiting for intent.
	expect(await tab.evaluate(`document.querySelectorAll('script[type="speculationrules"]').length`)).toBe(1);
	// Let anything eager have its chance: well past the load event and Chromium's own delays.
	await new Promise((resolve) => setTimeout(resolve, 2000));
	expect(tab.events.filter(prerenderStarted)).toEqual([]);
});
