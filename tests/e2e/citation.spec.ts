/** "Cite this section" (src/citation): opened by keyboard, five styles, copied, accessible. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { WCAG, rel } from './pages.ts';
import { readData } from '../../src/data/data.ts';

const SECTION = 'the-core-of-the-strategy';
/** The latest date in content/revisions.yaml on /aws/ (of `section`, if given): a citation's date, never the build's. */
const revised = (section?: string) =>
	readData('revisions')
		.filter((r) => r.page === '/aws/' && (!section || r.section === section))
		.map((r) => r.date)
		.sort()
		.at(-1)!;
const REVISED = revised(SECTION);
const [Y, M, D] = REVISED.split('-').map(Number) as [number, number, number];
const MONTH = new Date(Date.UTC(Y, M - 1, D)).toLocaleDateString('en-US', { month: 'long', timeZone: 'UTC' });

async function openSectionCitation(page: Page) {
	await page.goto(rel('/aws/'));
	const button = page.locator(`.level-h2:has(#${SECTION}) button.copy-link--cite`);
	await button.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Cite this section' });
	await expect(dialog).toBeVisible({ timeout: 30_000 });
	return { button, dialog };
}

test.describe('citations', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('the citations load only when a reader asks to cite, with no citation library', async ({ page }) => {
		const requested: string[] = [];
		const origins = new Set<string>();
		const scriptBytes = new Map<string, number>();
		page.on('request', (r) => {
			requested.push(new URL(r.url()).pathname);
			origins.add(new URL(r.url()).origin);
		});
		page.on('response', async (r) => {
			if (r.url().endsWith('.js')) scriptBytes.set(new URL(r.url()).pathname, (await r.body()).length);
		});
		await page.goto(rel('/aws/'));
		await expect(page.locator('button.copy-link--cite').first()).toBeAttached();
		expect(requested.filter((p) => p.endsWith('/citations.json') || p.includes('cite-dialog'))).toEqual([]);
		const before = new Set(requested);
		await page.locator('button.copy-link--cite').first().click();
		await expect(page.getByRole('dialog', { name: 'Cite this section' })).toBeVisible({ timeout: 30_000 });
		const after = requested.filter((p) => !before.has(p));
		// No request leaves the site, before or after citing.
		expect([...origins]).toEqual([new URL(page.url()).origin]);
		expect(after.filter((p) => p.endsWith('/citations.json'))).toHaveLength(1);
		// The dialog is a small script of its own, first fetched on that click; the citations come
		// rendered, so no citation library follows it.
		const scripts = after.filter((p) => p.endsWith('.js'));
		expect(scripts.length).toBeGreaterThan(0);
		await expect.poll(() => scripts.every((p) => scriptBytes.has(p))).toBe(true);
		expect(scripts.reduce((sum, p) => sum + scriptBytes.get(p)!, 0)).toBeLessThan(20_000);
	});

	test('the dialog opens before the citations arrive, and the citation fills in when they do', async ({ page }) => {
		// Holds the citations until the dialog has been seen open.
		let release!: () => void;
		const gate = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/citations.json', async (route) => {
			const response = await route.fetch();
			await gate;
			await route.fulfill({ response });
		});
		const { dialog } = await openSectionCitation(page);
		const output = dialog.getByRole('textbox', { name: 'Citation' });
		await expect(output).toHaveValue('Preparing the citation…');
		await expect(dialog.getByRole('button', { name: 'Copy citation' })).toBeDisabled();
		release();
		await expect(output).toHaveValue(/^AWS at the heart of the plan: The core of the strategy\. /, { timeout: 30_000 });
		await expect(dialog.getByRole('button', { name: 'Copy citation' })).toBeEnabled();
	});

	test('opened by keyboard, it offers five styles, switched with the arrow keys, each naming the section, its link and its revision date', async ({
		page,
	}) => {
		const { dialog } = await openSectionCitation(page);
		const output = dialog.getByRole('textbox', { name: 'Citation' });
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		const url = `${canonical}#${SECTION}`;
		await expect(dialog.getByRole('radio', { name: 'APA' })).toBeChecked();
		await expect(dialog.getByRole('radio', { name: 'APA' })).toBeFocused();
		await expect(output).toHaveValue(
			new RegExp(
				`^AWS at the heart of the plan: The core of the strategy\\. \\(${Y}, ${MONTH} ${D}\\)\\. Amazon’s \\$200B AI Bet, Explained\\. `,
			),
		);
		await expect(output).toHaveValue(new RegExp(`${url.replace(/[.$?]/g, '\\$&')}$`));
		const seen = [await output.inputValue()];
		for (const style of ['MLA', 'Chicago', 'BibTeX', 'CSL-JSON']) {
			await page.keyboard.press('ArrowRight');
			await expect(dialog.getByRole('radio', { name: style })).toBeChecked();
			await expect(output).not.toHaveValue(seen.at(-1)!);
			seen.push(await output.inputValue());
		}
		const [, mla, chicago, bibtex, json] = seen;
		expect(mla).toContain(`${D} ${MONTH.slice(0, 3)}`);
		// Chicago's access-date style prints the reader's own date.
		const today = await page.evaluate(() =>
			new Date().toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric' }),
		);
		expect(chicago).toContain(`Accessed ${today}`);
		expect(bibtex).toMatch(/^@misc\{/);
		const [item] = JSON.parse(json!);
		expect(item.URL).toBe(url);
		expect(item.issued).toEqual({ 'date-parts': [[Y, M, D]] });
		expect(item.accessed['date-parts'][0]).toHaveLength(3);
		expect(item.note).toContain('untitled article');
	});

	test('"Copy citation" copies the style shown, and closing returns focus to the button', async ({ page }) => {
		const { button, dialog } = await openSectionCitation(page);
		await dialog.getByRole('radio', { name: 'MLA' }).check();
		// The citation is in once the citations are (the button waits for them).
		await expect(dialog.getByRole('button', { name: 'Copy citation' })).toBeEnabled({ timeout: 30_000 });
		const text = await dialog.getByRole('textbox', { name: 'Citation' }).inputValue();
		await dialog.getByRole('button', { name: 'Copy citation' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Citation copied' })).toBeAttached();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		await expect(button).toBeFocused();
	});

	test('the dialog also cites the whole page, dated by its latest revision', async ({ page }) => {
		const { dialog } = await openSectionCitation(page);
		await dialog.getByRole('radio', { name: 'The whole page' }).check();
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		const output = dialog.getByRole('textbox', { name: 'Citation' });
		await expect(output).toHaveValue(
			new RegExp(`^AWS at the heart of the plan\\. .*${canonical!.replace(/[.$?]/g, '\\$&')}$`),
		);
		await dialog.getByRole('radio', { name: 'CSL-JSON' }).check();
		const [y, m, d] = revised().split('-').map(Number);
		expect(JSON.parse(await output.inputValue())[0].issued).toEqual({ 'date-parts': [[y, m, d]] });
	});

	for (const theme of ['light', 'dark'] as const) {
		test(`the open citation dialog has no axe violation (${theme})`, async ({ page }) => {
			await page.goto(rel('/aws/'));
			await page.locator('starlight-theme-select select').first().selectOption(theme);
			await page.locator('button.copy-link--cite').first().click();
			await expect(page.getByRole('dialog', { name: 'Cite this section' })).toBeVisible({ timeout: 30_000 });
			const { violations } = await new AxeBuilder({ page }).withTags(WCAG).include('dialog').analyze();
			expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		});
	}
});
