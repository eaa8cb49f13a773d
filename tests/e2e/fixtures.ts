/**
 * The tests' `test` and `expect`. Pages load their stylesheets and scripts after the first paint
 * (src/styles/after-first-paint.ts), which can come after the `load` event Playwright waits for.
 * The `page` here waits, after each navigation it starts (goto, reload, back, forward), until the
 * page's stylesheets and scripts are in, as they are for a reader a moment after the text appears;
 * `scriptsLoaded` does the same after a click that navigates, or for a page a test opens itself.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { afterFirstPaintDone } from '../../src/styles/after-first-paint.ts';

export { expect };
export type { Page } from '@playwright/test';

/** Resolves once the page's stylesheets and scripts are in (at once for a page without the loader). */
export async function scriptsLoaded(page: Page): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await page.waitForFunction(afterFirstPaintDone);
			return;
		} catch (error) {
			// A page that redirects (share pages, redirects of old URLs) replaces the document while
			// this looks at it: look again at the one it leads to.
			if (attempt < 3 && /context was destroyed|navigation/i.test(String(error))) continue;
			throw error;
		}
	}
}

type Navigation = (...args: unknown[]) => Promise<unknown>;

export const test = base.extend({
	page: async ({ page, javaScriptEnabled }, use) => {
		if (javaScriptEnabled !== false) {
			for (const method of ['goto', 'reload', 'goBack', 'goForward'] as const) {
				const navigate = (page[method] as Navigation).bind(page);
				(page as unknown as Record<string, Navigation>)[method] = async (...args) => {
					const response = await navigate(...args);
					// A test that asks for an earlier point (commit, DOMContentLoaded) gets just that.
					const options = args.find((a): a is { waitUntil?: string } => typeof a === 'object' && a !== null);
					if (!['commit', 'domcontentloaded'].includes(options?.waitUntil ?? '')) await scriptsLoaded(page);
					return response;
				};
			}
		}
		await use(page);
	},
});
