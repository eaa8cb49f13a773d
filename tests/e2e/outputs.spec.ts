/** What the site gives readers and their tools besides its pages: the corrections feed, Markdown twins, llms.txt. */
import { expect, test } from '@playwright/test';
import { readData } from '../../src/data/data.ts';
import { readingOrder, rel, sitePath } from './pages.ts';
import { Parser, type Node } from 'commonmark';

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
	expect(items).toBe(readData('revisions').length);
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

test('the Markdown link on a page points to the twin its head announces', async ({ page }) => {
	await page.goto(rel('/aws/'));
	const twinLink = page.locator('.page-meta').getByRole('link', { name: 'Markdown' });
	await expect(twinLink).toBeVisible();
	const href = await twinLink.evaluate((a) => (a as HTMLAnchorElement).href);
	const head = await page.locator('head link[rel="alternate"][type="text/markdown"]').getAttribute('href');
	expect(new URL(head!).pathname).toBe(new URL(href).pathname);
});

test('every page has a twin with each of its headings and quotes', async ({ page, baseURL }) => {
	for (const path of readingOrder) {
		await page.goto(rel(path));
		const {
			twin: href,
			headings,
			quotes,
		} = await page.evaluate(() => {
			// The words a reader sees: without the hidden search words.
			const seen = (el: Element) => {
				const copy = el.cloneNode(true) as Element;
				copy.querySelectorAll('[hidden]').forEach((h) => h.remove());
				return copy.textContent!.replace(/\s+/g, ' ').trim();
			};
			return {
				twin: (document.querySelector('head link[rel="alternate"][type="text/markdown"]') as HTMLLinkElement).href,
				headings: [...document.querySelectorAll('.sl-markdown-content :is(h2, h3)[id]')].map(
					(h) => `${seen(h)} {#${h.id}}`,
				),
				quotes: [...document.querySelectorAll('.sl-markdown-content .article-quote blockquote')].map(seen),
			};
		});
		// The selectors find what they should: /aws/ has several of each.
		if (path === '/aws/') {
			expect(headings.length, path).toBeGreaterThan(3);
			expect(quotes.length, path).toBeGreaterThan(3);
		}
		// The head names the deployed origin; the same path under the base is fetched from the test server.
		const response = await page.request.get(rel(sitePath(href, baseURL!)));
		expect(response.status(), path).toBe(200);
		const twin = parsedTwin(await response.text());
		expect(twin.headings, path).toEqual(expect.arrayContaining(headings));
		expect(twin.quotes, path).toEqual(expect.arrayContaining(quotes));
	}
});

test('/llms.txt lists every page with its twin, and /llms-full.txt holds every twin', async ({ page }) => {
	const list = await (await page.request.get(rel('/llms.txt'))).text();
	expect(list).toMatch(/^# Amazon's \$200B AI Bet, Explained\n\n> /);
	const twins = [...list.matchAll(/^- \[[^\]]+\]\(([^)]+)\): \S/gm)].map((m) => new URL(m[1]!).pathname);
	expect(twins).toHaveLength(readingOrder.length);
	const full = await (await page.request.get(rel('/llms-full.txt'))).text();
	for (const path of ['/index.md', '/aws.md', '/changes.md']) {
		expect(twins.some((t) => t.endsWith(path))).toBe(true);
		const twin = await (await page.request.get(rel(path))).text();
		expect(full).toContain(twin.trimEnd());
	}
});

/** A twin read by a CommonMark parser: the text of its headings and of its block quotes. */
function parsedTwin(markdown: string) {
	const doc = new Parser().parse(markdown);
	const textOf = (node: Node) => {
		let text = '';
		const walker = node.walker();
		for (let step = walker.next(); step; step = walker.next()) {
			if (step.entering && step.node.literal && ['text', 'code'].includes(step.node.type)) text += step.node.literal;
			if (step.entering && ['softbreak', 'linebreak'].includes(step.node.type)) text += ' ';
		}
		return text.replace(/\s+/g, ' ').trim();
	};
	const headings: string[] = [];
	const quotes: string[] = [];
	for (let node = doc.firstChild; node; node = node.next) {
		if (node.type === 'heading') headings.push(textOf(node));
		if (node.type === 'block_quote') quotes.push(textOf(node));
	}
	return { headings, quotes };
}
