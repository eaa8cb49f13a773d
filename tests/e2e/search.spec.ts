import { expect, test } from '@playwright/test';
import { openSearch, rel, resultPaths } from './pages.ts';

/** A term only one section page uses, and the section (anchor) search must land on. */
const distinctive: [page: string, term: string, section: RegExp][] = [
	['/investment/', 'colossal', /^#more-than-a-corporate-pivot$/],
	['/aws/', 'Rekognition', /^#(rekognition|tools-the-article-names)$/],
	['/business/', 'robotics', /^(|#ai-inside-the-company)$/],
	['/hybrid-edge/', 'Bimodal', /^(|#a-heading-the-text-never-explains)$/],
	['/partnerships/', 'startups', /^(|#who-amazon-works-with)$/],
	['/risks/', 'monetized', /^(|#the-risks-the-article-names|#how-fast-ai-pays-off)$/],
	['/outlook/', 'healthcare', /^(|#industries-in-line-for-change)$/],
];

for (const [path, term, section] of distinctive) {
	test(`"${term}" returns ${path} first, at the section that uses it`, async ({ page, baseURL }) => {
		await page.goto(rel('/'));
		await (await openSearch(page)).fill(term);
		await expect(page.locator('.search-result').first()).toBeVisible();
		const [first] = await resultPaths(page, baseURL!);
		const [pagePath, hash = ''] = first!.split(/(?=#)/);
		expect(pagePath).toBe(path);
		expect(hash).toMatch(section);
		// Matched words are marked in the excerpt.
		await expect(page.locator('.search-result').first().locator('mark').first()).toBeVisible();
	});
}

test('the index starts loading before the first keystroke', async ({ page }) => {
	await page.goto(rel('/aws/'));
	const loaded = page.waitForRequest((r) => r.url().includes('/pagefind/pagefind.js'));
	await page.locator('[data-search-open]').hover();
	await loaded;
});

test('keyboard: Ctrl+K opens, arrows move, Enter opens the second result; Escape closes and focus returns', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/aws/'));
	const trigger = page.locator('.sl-markdown-content a').first();
	await trigger.focus();
	await page.keyboard.press('Control+k');
	const input = page.getByRole('searchbox', { name: 'Search the explainer' });
	await expect(input).toBeFocused();
	await page.keyboard.type('chips');
	await expect(page.getByRole('status')).toContainText(/\d+ pages? found/);
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
	await expect(trigger).toBeFocused();

	await page.keyboard.press('Control+k');
	await input.fill('chips');
	// The results after the pause, so the second result is the one the arrows reach.
	await expect(page.locator('[data-search-results][data-query="chips"] .search-result').nth(1)).toBeVisible();
	const second = (await resultPaths(page, baseURL!))[1]!;
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await expect(page.locator('.search-result').nth(1)).toBeFocused();
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => `${url.pathname}${url.hash}`.endsWith(second.split('?')[0]!.replace(/^\//, '')));
});

test('results that arrive while the reader is on a result keep that result focused', async ({ page }) => {
	await page.goto(rel('/aws/'));
	await page.keyboard.press('Control+k');
	const input = page.getByRole('searchbox', { name: 'Search the explainer' });
	await input.fill('chips');
	const settled = page.locator('[data-search-results][data-query="chips"]');
	await expect(settled.locator('.search-result').nth(1)).toBeVisible();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	const chosen = await page.evaluate(() => {
		const a = document.activeElement as HTMLAnchorElement;
		(a as HTMLAnchorElement & { stale?: boolean }).stale = true;
		return a.getAttribute('href');
	});
	// The same search again, as after a pause in typing: the list is rebuilt under the reader.
	await page.evaluate(() => document.querySelector('#search-input')!.dispatchEvent(new Event('input')));
	await expect(settled).toHaveCount(1);
	await expect
		.poll(() => page.evaluate(() => !(document.activeElement as HTMLElement & { stale?: boolean }).stale))
		.toBe(true);
	await expect(page.locator(':focus')).toHaveAttribute('href', chosen!);
});

test('no single-letter shortcut opens search', async ({ page }) => {
	await page.goto(rel('/aws/'));
	for (const key of ['s', '/', 'k']) await page.keyboard.press(key);
	await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
});

test('a shared ?search= URL restores the query and its results, and typing updates it without history entries', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/?search=custom+chips'));
	const input = page.getByRole('searchbox', { name: 'Search the explainer' });
	await expect(input).toHaveValue('custom chips');
	await expect(page.locator('.search-result').first()).toBeVisible();
	const historyLength = await page.evaluate(() => history.length);
	await input.fill('edge computing');
	await expect(page).toHaveURL(/[?&]search=edge(\+|%20)computing/);
	expect(await page.evaluate(() => history.length)).toBe(historyLength);
	expect((await resultPaths(page, baseURL!)).length).toBeGreaterThan(0);
});

test('the page opened from a result highlights the words, scrolls to the section, and the highlight can be cleared', async ({
	page,
}) => {
	await page.goto(rel('/?search=monetized'));
	const first = page.locator('.search-result').first();
	await expect(first).toBeVisible();
	await first.click();
	await expect(page).toHaveURL(/\/risks\/\?highlight=monetized#/);
	const mark = page.locator('.sl-markdown-content mark.pagefind-highlight').first();
	await expect(mark).toBeVisible();
	await expect(mark).toHaveText(/monetized/i);
	await page.getByRole('button', { name: 'Clear highlights' }).click();
	await expect(page.locator('mark.pagefind-highlight')).toHaveCount(0);
	await expect(page).not.toHaveURL(/highlight=/);
});

test('topic filters narrow the results', async ({ page, baseURL }) => {
	await page.goto(rel('/?search=AI'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	const status = page.getByRole('status');
	const before = Number((await status.textContent())!.match(/(\d+) pages?/)![1]);
	await page.getByText('Narrow by topic').click();
	await page.getByRole('button', { name: 'Regulation', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Regulation', exact: true })).toHaveAttribute('aria-pressed', 'true');
	await expect(status).not.toHaveText(new RegExp(`^${before} `));
	const after = Number((await status.textContent())!.match(/(\d+) pages?/)![1]);
	expect(after).toBeLessThan(before);
	for (const path of await resultPaths(page, baseURL!)) expect(path).toMatch(/^\/risks\//);
});

test('the count reads as English when one section is shown', async ({ page }) => {
	await page.goto(rel('/?search=privacy'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	await page.getByText('Narrow by topic').click();
	await page.getByRole('button', { name: 'Security and data', exact: true }).click();
	await expect(page.locator('.search-result')).toHaveCount(1);
	await expect(page.getByRole('status')).toHaveText(/^1 page found, 1 section shown/);
});

test('a page whose title matches ranks above pages that only mention the word', async ({ page, baseURL }) => {
	await page.goto(rel('/?search=partnerships'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	expect((await resultPaths(page, baseURL!))[0]).toMatch(/^\/partnerships\//);
});

test('glossary terms and diagram words are found', async ({ page, baseURL }) => {
	await page.goto(rel('/?search=inference'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	expect(await resultPaths(page, baseURL!)).toContain('/glossary/#inference');
});

test('"paragraph 7" leads straight to that paragraph of the article', async ({ page, baseURL }) => {
	await page.goto(rel('/?search=paragraph 7'));
	const first = page.locator('.search-result').first();
	await expect(first).toContainText('Paragraph 7');
	expect((await resultPaths(page, baseURL!))[0]).toBe('/source/#p7');
	await first.click();
	await expect(page.locator('#p7')).toBeInViewport();
});

test('when no page has every word, pages with some of them are shown, and the dialog says so', async ({ page }) => {
	// Trainium is named only beside AWS's chips; healthcare only among the industries in the outlook.
	await page.goto(rel('/?search=trainium healthcare'));
	await expect(page.getByRole('status')).toContainText('No page has all of these words');
	await expect(page.locator('.search-result').first()).toBeVisible();
});

test('words indexed only as other words for a term never show in excerpts', async ({ page }) => {
	// "semiconductor" is on no page: it is indexed beside "chips" (content/synonyms.yaml).
	await page.goto(rel('/?search=semiconductor'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	for (const text of await page.locator('.search-result__excerpt').allTextContents()) {
		expect(text).not.toMatch(/[⟦⟧]|also:|also called|related:/);
		expect(text.trim()).not.toBe('');
	}
});

test('reading times and paragraph ranges are not in the index', async ({ page }) => {
	await page.goto(rel('/?search=min paragraphs'));
	await expect(page.getByRole('status')).not.toBeEmpty();
	for (const text of await page.locator('.search-result__excerpt').allTextContents())
		expect(text).not.toMatch(/\d+ min ·/);
});

const hostile = [
	'<img src=x onerror="window.__pwned=1">',
	'<script>window.__pwned=1</script>',
	'"><svg onload=window.__pwned=1>',
	'x'.repeat(2000),
	'🚀🤖💸 chips',
	'مرحبا بالعالم',
	'?!.,;:()[]{}',
	'\u0000\u0007\u001b[31m chips \u202e\u200f',
	// A pasted paragraph that no page has every word of: one search per word, a few at most.
	Array.from(
		{ length: 80 },
		(_, i) => `${['chips', 'robots', 'latency', 'healthcare'][i % 4]}${'abcdefghij'[i % 10]}`,
	).join(' '),
];
for (const query of hostile) {
	test(`hostile query is harmless: ${query.slice(0, 30)}`, async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(rel('/'));
		const input = await openSearch(page);
		await input.fill(query);
		await expect(page.getByRole('status')).toHaveText(/pages? found|No results/);
		const injected = await page.evaluate(() => ({
			pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
			elements: document.querySelectorAll('.search-results img, .search-results script, .search-results svg').length,
		}));
		expect(injected).toEqual({ pwned: 0, elements: 0 });
		expect(errors).toEqual([]);
	});
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('the search button leads to /topics/, which lists every page by topic', async ({ page }) => {
		await page.goto(rel('/aws/'));
		await page.locator('[data-search-open]').click();
		await expect(page).toHaveURL(/\/topics\/$/);
		await expect(page.locator('h1')).toHaveText('Topics');
		await expect(page.locator('main a[href$="/aws/"]').first()).toBeVisible();
	});
});
