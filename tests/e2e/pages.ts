/** The site's pages in reading order: the contract the browser tests check against. */
export const readingOrder = [
	'/',
	'/investment/',
	'/aws/',
	'/business/',
	'/hybrid-edge/',
	'/partnerships/',
	'/risks/',
	'/outlook/',
	'/figures/',
	'/glossary/',
	'/source/',
] as const;

export const sectionPages: readonly string[] = readingOrder.slice(1, 8);

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

/** Site paths are relative to the configured base (baseURL ends with it), so strip the leading slash. */
export const rel = (path: string) => path.replace(/^\//, '') || './';

/**
 * Opens the search dialog and returns its text box. Pagefind's UI is created when the browser is
 * idle after load, so on a busy machine the box can appear a while after the dialog opens.
 */
export async function openSearch(page: import('@playwright/test').Page) {
	await page.locator('site-search button[data-open-modal]').click();
	const input = page.getByRole('dialog', { name: 'Search' }).getByRole('textbox', { name: 'Search' });
	await input.waitFor({ timeout: 45_000 });
	return input;
}
