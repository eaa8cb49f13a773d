/**
 * Any #fragment is safe (src/linking/fragment.ts): one the site does not know, however odd, leaves
 * the page and its address alone (no navigation, no error); an old anchor that moved still leads
 * to its section, and a section's own id still scrolls to it. /investment/ is the page with a moved
 * anchor (content/redirects.yaml), so its redirect script runs on every one of these.
 */
import { expect, test, type Page } from '@playwright/test';
import { rel } from './pages.ts';

const UNKNOWN = [
	'constructor',
	'__proto__',
	'toString',
	'hasOwnProperty',
	'%E0%A4%A',
	'%',
	'%%',
	'x'.repeat(5000),
	'café-📈-日本',
];

/** Page errors, and main-frame navigations after the first, from the moment of the call. */
function watch(page: Page) {
	const errors: string[] = [];
	const navigations: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) navigations.push(frame.url());
	});
	return { errors, navigations };
}

const label = (hash: string) => (hash.length > 40 ? `${hash.slice(0, 10)}… (${hash.length} characters)` : hash);

for (const hash of UNKNOWN) {
	test(`an unknown fragment #${label(hash)} leaves the page and its address alone`, async ({ page, baseURL }) => {
		const seen = watch(page);
		const expected = new URL(`${rel('/investment/')}#${hash}`, baseURL);
		await page.goto(expected.href);
		// The redirect script has run once the page's scripts are in (page.goto waits for the load event);
		// a navigation it started would show up as a request before the network goes quiet.
		await page.waitForLoadState('networkidle');
		const now = new URL(page.url());
		expect(now.pathname).toBe(expected.pathname);
		expect(now.hash).toBe(expected.hash);
		expect(seen.navigations).toEqual([expected.href]);
		expect(seen.errors).toEqual([]);
		await expect(page.locator('h1')).toBeVisible();
	});
}

test('changing to unknown fragments on an open page does nothing either', async ({ page, baseURL }) => {
	await page.goto(rel('/investment/'));
	const seen = watch(page);
	for (const hash of UNKNOWN) {
		// Listeners run in the order they were added: the page's own ran before this one resolves.
		await page.evaluate(
			(h) =>
				new Promise<void>((resolve) => {
					addEventListener('hashchange', () => setTimeout(resolve, 0), { once: true });
					location.hash = h;
				}),
			hash,
		);
		expect(new URL(page.url()).pathname, label(hash)).toBe(new URL(rel('/investment/'), baseURL).pathname);
	}
	await page.waitForLoadState('networkidle');
	expect(seen.errors).toEqual([]);
	expect(new URL(page.url()).pathname).toBe(new URL(rel('/investment/'), baseURL).pathname);
});

test('an old anchor that moved still leads to its new section', async ({ page }) => {
	const seen = watch(page);
	await page.goto(rel('/investment/#spending-so-far-in-2025'));
	await page.waitForURL(/\/investment\/#money-allocated-in-2025$/);
	await expect(page.locator('#money-allocated-in-2025')).toBeInViewport();
	expect(seen.errors).toEqual([]);
});

test("a section's own id, and a pinned one, scroll to the section and stay in the address", async ({ page }) => {
	const seen = watch(page);
	for (const [path, id] of [
		['/investment/', 'money-allocated-in-2025'],
		['/aws/', 'what-amazon-hopes-to-gain'],
	] as const) {
		await page.goto(rel(`${path}#${id}`));
		await expect(page.locator(`#${id}`)).toBeInViewport();
		expect(page.url()).toMatch(new RegExp(`${path}#${id}$`));
	}
	expect(seen.errors).toEqual([]);
});
