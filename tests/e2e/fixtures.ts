/**
 * The tests' `test` and `expect`. Pages link their stylesheet and module script from <head>, so
 * a page's controls work by its `load` event, which Playwright's navigations wait for;
 * `scriptsLoaded` waits for the same after a click that navigates.
 */
import { test, expect, type Page } from '@playwright/test';

export { expect, test };
export type { Page } from '@playwright/test';

/** Resolves once the page (after a navigation a click started) has loaded, its scripts run. */
export async function scriptsLoaded(page: Page): Promise<void> {
	await page.waitForLoadState('load');
}
