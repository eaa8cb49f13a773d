/**
 * A reader who acts as soon as the page is painted, on a slow phone connection, before the page's
 * script has arrived (on a slow connection it can come after the first paint): the press
 * is kept and acted on when they do (Search.astro's inline script), or the control works without
 * them. The scripts are held back until the test has acted, so "before" is certain, not a race; then
 * they are let through and the test waits, with no time limit of its own, for what the reader asked.
 * Unlike the other specs, nothing here waits for the scripts after a navigation (`waitUntil: 'commit'`).
 */
import { expect, test, type Page } from '@playwright/test';
import { rel } from './pages.ts';
// A phone on a slow connection, throttled as the benchmark's (THROTTLE in scripts/bench-throttled.mjs).
import { throttle } from '../../scripts/bench-throttled.mjs';

/** Holds the responses to `url` until the returned function is called. */
async function hold(page: Page, url: string): Promise<() => void> {
	let release!: () => void;
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route(url, async (route) => {
		await gate;
		await route.continue();
	});
	return release;
}

/** Opens /business/ throttled with its scripts held back, and resolves at its first paint (the search button shown). */
async function openEarly(page: Page): Promise<() => void> {
	await throttle(page);
	const release = await hold(page, '**/_astro/page-scripts*.js');
	await page.goto(rel('/business/'), { waitUntil: 'commit' });
	await expect(page.locator('[data-search-open]')).toBeVisible({ timeout: 30_000 });
	// Playwright can see the button laid out before the page is painted; the inline script that keeps
	// early presses, right after the button, has run by the time a reader could press it.
	await page.waitForFunction(() => 'siteEarlyIntent' in window, null, { timeout: 30_000 });
	return release;
}

const dialog = (page: Page) => page.locator('site-search dialog');

/**
 * On /business/ with its scripts in and the dialog's markup held back: focus on a link, Ctrl+K.
 * Resolves with the release of the markup and the link that had focus.
 */
async function openSearchBoxEarly(page: Page) {
	const release = await hold(page, '**/search-dialog.html');
	await page.goto(rel('/business/'));
	const trigger = page.locator('.sl-markdown-content a').first();
	await trigger.focus();
	await page.keyboard.press('Control+k');
	return { release, trigger };
}

for (const shortcut of ['Control+k', 'Meta+k']) {
	test(`${shortcut.replace('+k', '+K')} pressed before the scripts arrive opens search when they do`, async ({
		page,
	}) => {
		const release = await openEarly(page);
		await page.keyboard.press(shortcut);
		release();
		await expect(dialog(page)).toBeVisible({ timeout: 30_000 });
		await expect(page.locator('#search-input')).toBeFocused();
	});
}

test('a click on the search button before the scripts arrive opens search when they do', async ({ page }) => {
	const release = await openEarly(page);
	await page.locator('[data-search-open]').click();
	release();
	await expect(dialog(page)).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('#search-input')).toBeFocused();
	// The press was kept, not followed: the button's no-script link goes to /topics/.
	expect(new URL(page.url()).pathname).toMatch(/\/business\/$/);
});

test.describe('at phone width', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	test('the menu button opens the menu before the scripts arrive, and it stays open when they do', async ({ page }) => {
		const release = await openEarly(page);
		const menu = page.locator('#starlight__sidebar');
		await expect(menu).toBeHidden();
		await page.locator('button[popovertarget="starlight__sidebar"]').click();
		await expect(menu.getByRole('link', { name: /AI across Amazon/ }).first()).toBeVisible({ timeout: 30_000 });
		release();
		await page.waitForLoadState('load');
		await expect(menu.getByRole('link', { name: /AI across Amazon/ }).first()).toBeVisible();
	});
});

test('a theme chosen before the scripts arrive applies at once and is kept when they do', async ({ page }) => {
	const release = await openEarly(page);
	const html = page.locator('html');
	const theme = (await html.getAttribute('data-theme')) === 'light' ? 'dark' : 'light';
	const select = page.locator('starlight-theme-select select').first();
	await select.selectOption(theme);
	await expect(html).toHaveAttribute('data-theme', theme, { timeout: 30_000 });
	release();
	await page.waitForLoadState('load');
	await expect(html).toHaveAttribute('data-theme', theme);
	await expect(select).toHaveValue(theme);
	await page.reload();
	await expect(html).toHaveAttribute('data-theme', theme);
});

test("Ctrl+K before the dialog's code arrives opens the search box at once; what the reader types there is searched when it does", async ({
	page,
}) => {
	// The page's own scripts are in; the dialog's markup is held back until the reader has typed.
	const { release, trigger } = await openSearchBoxEarly(page);
	const input = page.locator('#search-input');
	await expect(dialog(page)).toBeVisible();
	await expect(input).toBeFocused();
	await expect(dialog(page).getByRole('status')).toHaveText('Loading search…');
	await page.keyboard.type('robots');
	release();
	await expect(page.locator('.search-result').first()).toBeVisible({ timeout: 30_000 });
	// The same box, still focused, with the reader's words; the rest of the dialog around it.
	await expect(input).toBeFocused();
	await expect(input).toHaveValue('robots');
	await expect(dialog(page).getByRole('button', { name: 'Close' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog(page)).toBeHidden();
	// Focus goes back where it was before the search box opened.
	await expect(trigger).toBeFocused();
});

test('a search box closed before the dialog arrives stays closed when it does', async ({ page }) => {
	const release = await hold(page, '**/search-dialog.html');
	await page.goto(rel('/business/'));
	await page.keyboard.press('Control+k');
	await expect(dialog(page)).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog(page)).toBeHidden();
	const arrived = page.waitForResponse('**/search-dialog.html');
	release();
	await arrived;
	// Once the dialog is defined, the next press opens it as usual.
	await expect.poll(() => page.evaluate(() => !!customElements.get('site-search'))).toBe(true);
	await expect(dialog(page)).toBeHidden();
	await page.keyboard.press('Control+k');
	await expect(dialog(page)).toBeVisible();
	await expect(page.locator('#search-input')).toBeFocused();
});

test("the search box opened before the dialog's code closes with its Close button, and focus goes back", async ({
	page,
}) => {
	const { release, trigger } = await openSearchBoxEarly(page);
	await expect(dialog(page).getByRole('status')).toHaveText('Loading search…');
	await dialog(page).getByRole('button', { name: 'Close' }).click();
	await expect(dialog(page)).toBeHidden();
	await expect(trigger).toBeFocused();
	release();
});
