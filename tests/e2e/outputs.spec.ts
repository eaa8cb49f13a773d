/** What the site gives readers and their tools besides its pages: the corrections feed, Markdown twins, llms.txt. */
import { expect, test } from './fixtures.ts';
import { loadRevisions } from '../../src/revisions/revisions.ts';
import { rel } from './pages.ts';

test('/changes/ links the corrections feed, and the feed answers as RSS with one item per revision', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/changes/'));
	const link = page.getByRole('link', { name: 'Follow corrections (RSS)' });
	await expect(link).toBeVisible();
	const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
	expect(href).toBe(new URL(rel('/changes/rss.xml'), baseURL).href);
	const response = await page.request.get(href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toMatch(/xml/);
	const items = await page.evaluate(
		(xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelectorAll('rss > channel > item').length,
		await response.text(),
	);
	expect(items).toBe(loadRevisions().length);
});

test('every page announces the corrections feed in its head', async ({ page, baseURL }) => {
	for (const path of ['/', '/aws/', '/glossary/']) {
		await page.goto(rel(path));
		const feed = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
		await expect(feed).toHaveCount(1);
		expect(new URL((await feed.getAttribute('href'))!).pathname).toBe(
			new URL(rel('/changes/rss.xml'), baseURL).pathname,
		);
	}
});
