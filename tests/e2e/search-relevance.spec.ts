import { expect, test } from '@playwright/test';
import budgets from '../../bench/budgets.json' with { type: 'json' };
import { loadQueries, runQueries, summarize } from '../../src/search/relevance.ts';
import { openSearch, rel, resultPaths } from './pages.ts';

/**
 * Relevance floors: the benchmark's reader queries (bench/search-queries.json) through the real
 * dialog. Ranks are deterministic, so these are exact figures, not timings; the goals themselves
 * (bench/budgets.json `search`) are reported by `npm run bench:search`.
 */
test('the reader query set keeps its relevance floors', async ({ page, baseURL }) => {
	test.setTimeout(300_000);
	await page.goto(rel('/'));
	await openSearch(page);
	const outcomes = await runQueries(page, loadQueries(), new URL(baseURL!).pathname);
	const summary = summarize(outcomes);
	const floors = budgets.searchFloors;
	expect(
		summary.zeroResults,
		outcomes
			.filter((o) => !o.results.length)
			.map((o) => o.q)
			.join(', '),
	).toBeLessThanOrEqual(floors.zeroResultsMax);
	expect(summary.top1).toBeGreaterThanOrEqual(floors.top1Min);
	expect(summary.top3).toBeGreaterThanOrEqual(floors.top3Min);
});

test('a misspelled word is corrected, and the original spelling can still be searched', async ({ page, baseURL }) => {
	await page.goto(rel('/'));
	await (await openSearch(page)).fill('recomendation');
	const correction = page.locator('[data-search-correction]');
	await expect(correction).toContainText('Showing results for recommendation');
	expect((await resultPaths(page, baseURL!))[0]).toBe('/business/#recommendations-and-the-70-figure');
	await correction.getByRole('button', { name: 'recomendation' }).click();
	await expect(correction).toBeHidden();
	await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', 'recomendation');
});

test('other words for a glossary term find the sections that use it, and the glossary lists them', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/'));
	await (await openSearch(page)).fill('self-driving cars');
	await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', 'self-driving cars');
	expect((await resultPaths(page, baseURL!))[0]).toBe('/hybrid-edge/#why-shorter-delays-matter');
	await page.goto(rel('/glossary/'));
	await expect(page.locator('section.glossary-term', { has: page.locator('#autonomous-vehicles') })).toContainText(
		'Also called: self-driving cars, driverless cars',
	);
});

test('excerpts are the matched passage, without page furniture', async ({ page }) => {
	await page.goto(rel('/'));
	const input = await openSearch(page);
	for (const query of ['hybrid', 'edge computing', 'partnerships', 'regulation']) {
		await input.fill(query);
		await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', query);
		const excerpts = await page.locator('.search-result__excerpt').allTextContents();
		expect(excerpts.length).toBeGreaterThan(0);
		for (const excerpt of excerpts) {
			expect(excerpt).not.toMatch(/min read|Explains article|Topics:|Article, paragraph \d|What it covers[A-Z]/);
			expect(excerpt).not.toMatch(/[a-z][A-Z][a-z]/); // no words run together ("readExplains")
		}
		await expect(page.locator('.search-result').first().locator('mark').first()).toBeVisible();
	}
});

test('zero results offer the topics, /topics/ and /glossary/', async ({ page }) => {
	await page.goto(rel('/'));
	await (await openSearch(page)).fill('zqxj');
	await expect(page.getByRole('status')).toHaveText('No results for “zqxj”.');
	const help = page.locator('[data-search-help]');
	await expect(help).toBeVisible();
	await expect(help.getByRole('link', { name: 'All topics' })).toHaveAttribute('href', /\/topics\/$/);
	await expect(help.getByRole('link', { name: 'Glossary of terms' })).toHaveAttribute('href', /\/glossary\/$/);
	expect(await help.locator('.search-help__topics a').count()).toBeGreaterThan(5);
});

test('question words do not steer the ranking', async ({ page, baseURL }) => {
	await page.goto(rel('/'));
	const input = await openSearch(page);
	await input.fill('fraud detection');
	await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', 'fraud detection');
	const plain = await resultPaths(page, baseURL!);
	await input.fill('how is the fraud detection');
	await expect(page.locator('[data-search-results]')).toHaveAttribute('data-query', 'how is the fraud detection');
	expect(await resultPaths(page, baseURL!)).toEqual(plain);
});
