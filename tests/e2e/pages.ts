import { expect } from '@playwright/test';
import { READ_THROUGH } from '../../scripts/page-bytes.mjs';

/** The built site under test: its folder and its base path (ending in a slash), as the build was given them. */
export const builtSite = {
	outDir: process.env.OUT_DIR ?? 'dist',
	base: (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/'),
};

/** The seven section pages, in reading order: the benchmark's read-through. */
export const sectionPages: readonly string[] = READ_THROUGH;

/** The site's pages in reading order: the contract the browser tests check against. */
export const readingOrder: readonly string[] = [
	'/',
	...sectionPages,
	'/figures/',
	'/glossary/',
	'/topics/',
	'/source/',
	'/changes/',
];

/** A word each section page uses that search must find on that page. */
export const distinctiveTerms: Record<string, string> = {
	'/investment/': 'colossal',
	'/aws/': 'Rekognition',
	'/business/': 'warehouse',
	'/hybrid-edge/': 'latency',
	'/partnerships/': 'startups',
	'/risks/': 'monetized',
	'/outlook/': 'healthcare',
};

/** The axe rule tags the accessibility tests check: WCAG 2.2 A and AA. */
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Site paths are relative to the configured base (baseURL ends with it), so strip the leading slash. */
export const rel = (path: string) => path.replace(/^\//, '') || './';

/** Opens the search dialog (as a reader does, with the header button) and returns its text box. */
export async function openSearch(page: import('@playwright/test').Page) {
	await page.locator('[data-search-open]').click();
	const input = page.getByRole('dialog', { name: 'Search' }).getByRole('searchbox', { name: 'Search the explainer' });
	await expect(input).toBeFocused();
	return input;
}

/** Path of a URL relative to the site's base, e.g. http://127.0.0.1:4322/base/aws/#x -> /aws/ */
export const sitePath = (url: string, baseURL: string) =>
	`/${new URL(url).pathname.slice(new URL(baseURL).pathname.length)}`;

/** Result links currently shown, as site paths with their #anchor (base removed). */
export async function resultPaths(page: import('@playwright/test').Page, baseURL: string) {
	const hrefs = await page.locator('.search-result').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
	return hrefs.map((h) => `${sitePath(h, baseURL)}${new URL(h).hash}`);
}
