/**
 * Playwright's `test`, with pages that are ready when `goto` returns: page scripts start after the
 * first paint (src/build/scripts-after-first-paint.ts), so the load event can come before they
 * have run. A reader needs a frame or two before reaching for a button; a test needs to wait for
 * `<html data-scripts-loaded>`, which the loader sets once every script has run.
 */
import { test as base, type Page } from '@playwright/test';

export { expect, type Page } from '@playwright/test';

/** Resolves once the page's scripts have run (at once on a page without the loader). */
export async function scriptsLoaded(page: Page): Promise<void> {
	await page.waitForFunction(
		() =>
			!document.getElementById('scripts-after-first-paint') ||
			document.documentElement.hasAttribute('data-scripts-loaded'),
	);
}

export const test = base.extend({
	page: async ({ page, javaScriptEnabled }, use) => {
		if (javaScriptEnabled !== false) {
			for (const name of ['goto', 'reload'] as const) {
				const original = page[name].bind(page) as (...args: unknown[]) => ReturnType<Page['goto']>;
				page[name] = (async (...args: unknown[]) => {
					const response = await original(...args);
					const options = args.find((a) => typeof a === 'object' && a !== null) as { waitUntil?: string } | undefined;
					if (!options?.waitUntil || options.waitUntil === 'load' || options.waitUntil === 'networkidle')
						await scriptsLoaded(page);
					return response;
				}) as Page[typeof name];
			}
		}
		await use(page);
	},
});
