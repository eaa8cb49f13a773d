import { expect, test, type Page } from '@playwright/test';
import { distinctiveTerms, openSearch, readingOrder, rel, resultPaths, sectionPages, sitePath } from './pages.ts';

/** Collects console errors and failed requests while a test runs. */
function watch(page: Page) {
	const problems: string[] = [];
	page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
	return problems;
}

for (const path of readingOrder) {
	test(`${path} loads with no errors and no failed requests`, async ({ page }) => {
		const problems = watch(page);
		const response = await page.goto(rel(path));
		expect(response?.status()).toBe(200);
		await expect(page.locator('h1')).toHaveCount(1);
		await page.waitForLoadState('networkidle');
		expect(problems).toEqual([]);
	});
}

test('the sidebar lists every page in reading order', async ({ page, baseURL }) => {
	await page.goto(rel('/'));
	const hrefs = await page
		.locator('#starlight__sidebar a[href]')
		.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
	expect(hrefs.map((h) => sitePath(h, baseURL!))).toEqual([...readingOrder]);
});

test('next links chain through every page, and previous links chain back', async ({ page, baseURL }) => {
	/** Clicks the `rel` link until a page has none; returns the pages seen, this one first. */
	const follow = async (rel: 'next' | 'prev') => {
		const visited: string[] = [];
		for (;;) {
			visited.push(sitePath(page.url(), baseURL!));
			const link = page.locator(`.pagination-links a[rel="${rel}"]`);
			if ((await link.count()) === 0) return visited;
			const target = new URL((await link.getAttribute('href'))!, page.url()).href;
			await link.click();
			await page.waitForURL(target);
		}
	};
	await page.goto(rel('/'));
	expect(await follow('next')).toEqual([...readingOrder]);
	expect(await follow('prev')).toEqual([...readingOrder].reverse());
});

test('/source/ has an anchor on every paragraph, each linking to the section that explains it', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/source/'));
	const links: { id: string; href: string }[] = [];
	for (let n = 1; n <= 14; n++) {
		const paragraph = page.locator(`#p${n}`);
		await expect(paragraph).toHaveCount(1);
		const href = await paragraph.locator('.source-paragraph__explained a').getAttribute('href');
		expect(href, `p${n} links to its explainer`).toBeTruthy();
		links.push({ id: `p${n}`, href: new URL(href!, page.url()).href });
	}
	for (const { id, href } of links) {
		await page.goto(href);
		const target = new URL(href);
		expect(sectionPages, `${id} points to a section page`).toContain(sitePath(href, baseURL!));
		if (target.hash) await expect(page.locator(`[id="${decodeURIComponent(target.hash.slice(1))}"]`)).toHaveCount(1);
		// The page it lands on quotes or cites that paragraph.
		await expect(page.locator(`a[href$="/source/#${id}"]`).first()).toBeAttached();
	}
});

test('every quote on an explainer page links to an existing paragraph anchor', async ({ page }) => {
	await page.goto(rel('/source/'));
	const ids = new Set(await page.locator('.source-paragraph').evaluateAll((els) => els.map((e) => e.id)));
	expect(ids.size).toBe(14);
	for (const path of sectionPages) {
		await page.goto(rel(path));
		const quoteLinks = await page
			.locator('.article-quote figcaption a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		expect(quoteLinks.length, `${path} quotes the article`).toBeGreaterThan(0);
		for (const href of quoteLinks) {
			const url = new URL(href);
			expect(url.pathname.endsWith('/source/'), href).toBe(true);
			expect(ids.has(url.hash.slice(1)), `${path}: ${href}`).toBe(true);
		}
	}
});

test('an unknown URL gets the 404 page', async ({ page }) => {
	const response = await page.goto(rel('/no-such-page/'));
	expect(response?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('Page not found');
	await expect(page.locator('main a[href$="/source/"]')).toBeVisible();
	// An error page has no edit history to show.
	await expect(page.locator('main')).not.toContainText('Last updated');
});

for (const [path, term] of Object.entries(distinctiveTerms)) {
	test(`search finds "${term}" on ${path}`, async ({ page, baseURL }) => {
		await page.goto(rel('/'));
		const input = await openSearch(page);
		await input.fill(term);
		await expect(page.locator('.search-result').first()).toBeVisible();
		const paths = await resultPaths(page, baseURL!);
		expect(paths.map((p) => p.replace(/#.*$/, ''))).toContain(path);
	});
}

test('pages declare absolute canonical and og:url, and a favicon', async ({ page }) => {
	for (const path of readingOrder) {
		await page.goto(rel(path));
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		const ogUrl = await page.locator('meta[property="og:url"]').getAttribute('content');
		expect(canonical, path).toMatch(/^https?:\/\//);
		expect(ogUrl, path).toBe(canonical);
		expect(new URL(canonical!).pathname.endsWith(path)).toBe(true);
	}
	const icon = await page.locator('link[rel="shortcut icon"], link[rel="icon"]').first().getAttribute('href');
	const response = await page.request.get(new URL(icon!, page.url()).href);
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('svg');
});

test('on a phone the site title, too long for the header, ends in an ellipsis', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(rel('/aws/'));
	const title = page.locator('.site-title > span');
	await expect(title).toHaveText("Amazon's $200B AI Bet, Explained");
	const shown = await title.evaluate((el) => ({
		cut: el.scrollWidth > el.clientWidth,
		ellipsis: getComputedStyle(el).textOverflow === 'ellipsis' && getComputedStyle(el).overflow === 'hidden',
	}));
	expect(shown).toEqual({ cut: true, ellipsis: true });
});

test('each tab title names the page and the site once', async ({ page }) => {
	await page.goto(rel('/'));
	await expect(page).toHaveTitle("Amazon's $200B AI Bet, Explained");
	await page.goto(rel('/aws/'));
	await expect(page).toHaveTitle("AWS at the heart of the plan | Amazon's $200B AI Bet, Explained");
});

test('on a phone a table wider than the screen scrolls inside itself, with a shade at the edge where more waits', async ({
	page,
}) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto(rel('/'));
	const table = page.locator('.sl-markdown-content table').first();
	const shown = await table.evaluate((el) => ({
		scrolls: el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto',
		shades: (getComputedStyle(el).backgroundImage.match(/radial-gradient/g) ?? []).length,
		page: document.documentElement.scrollWidth <= document.documentElement.clientWidth,
	}));
	expect(shown).toEqual({ scrolls: true, shades: 2, page: true });
});
