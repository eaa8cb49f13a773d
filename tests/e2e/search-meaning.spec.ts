import { expect, test } from '@playwright/test';
import { openSearch, rel, resultPaths } from './pages.ts';

/**
 * Search by meaning, as a reader meets it in the dialog: words the site never uses still find the
 * sections about the same thing, labelled as such, and nothing pretends the words were found.
 */
test('a word no page uses shows the sections closest in meaning, labelled, with no correction', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/'));
	await (await openSearch(page)).fill('doctors');
	await expect(page.locator('[data-search-results][data-query="doctors"]')).toHaveCount(1);
	await expect(page.getByRole('status')).toContainText('No page uses these words. Sections about the same thing:');
	await expect(page.locator('[data-search-correction]')).toBeHidden();
	await expect(page.locator('[data-search-help]')).toBeHidden();
	const paths = await resultPaths(page, baseURL!);
	expect(paths.length).toBeGreaterThan(0);
	// Health care is the article's word for what doctors do (p14, the outlook page).
	expect(paths.slice(0, 3).some((p) => p.startsWith('/outlook/'))).toBe(true);
	// Excerpts mark only words that occur: "doctors" occurs nowhere.
	await expect(page.locator('.search-result mark')).toHaveCount(0);
});

test('sections found by meaning alone, beside keyword results, say why they are there', async ({ page }) => {
	await page.goto(rel('/'));
	await (await openSearch(page)).fill('lawmakers and privacy');
	const list = page.locator('[data-search-results][data-query="lawmakers and privacy"]');
	await expect(list).toHaveCount(1);
	await expect(page.getByRole('status')).toContainText(/pages? found/);
	const results = list.locator('.search-result');
	// The first result has the reader's words, so it carries no label.
	await expect(results.first().locator('mark').first()).toBeVisible();
	await expect(results.first().locator('.search-result__why')).toHaveCount(0);
	// Every labelled result lacks all of the reader's words in its excerpt.
	const labelled = list.locator('.search-result:has(.search-result__why)');
	await expect(labelled.first()).toContainText('About the same thing, in other words');
	for (const result of await labelled.all()) await expect(result.locator('mark')).toHaveCount(0);
});
