import { expect, test } from '@playwright/test';
import { readData } from '../../src/data/data.ts';
import { newestFirst } from '../../src/revisions/revisions.ts';
import { rel } from './pages.ts';

// Expectations come from the same data the site is built from, so a new revision needs no test edit.
const revisions = readData('revisions');
const onRisks = revisions.filter((r) => r.page === '/risks/');

test('a changed section ends with its dated Updated note, before the next section starts', async ({ page }) => {
	const { section, id } = onRisks[0]!;
	await page.goto(rel(`/risks/#${section}`));
	const note = page.locator('.revision-note').first();
	await expect(note).toBeVisible();
	await expect(note).toContainText('Updated 25 November 2026:');
	await expect(note.locator('time')).toHaveAttribute('datetime', '2026-11-25');
	// In document order: the changed section's heading, then the note, then the next h2.
	const order = await page.evaluate((changed) => {
		const heading = document.getElementById(changed)!;
		const n = document.querySelector('.revision-note')!;
		const h2s = [...document.querySelectorAll('.sl-markdown-content h2')];
		const next = h2s[h2s.indexOf(heading) + 1]!;
		const follows = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
		return { afterHeading: follows(heading, n), beforeNext: follows(n, next) };
	}, section);
	expect(order).toEqual({ afterHeading: true, beforeNext: true });
	await note.getByRole('link', { name: 'All changes' }).click();
	await expect(page).toHaveURL(new RegExp(`/changes/#${id}$`));
	await expect(page.locator(`[id="${id}"]`)).toBeVisible();
});

test('every changed page, the home page included, lists its revisions at the end, each linked to its section', async ({
	page,
}) => {
	for (const path of new Set(revisions.map((r) => r.page))) {
		await page.goto(rel(path));
		const list = page.locator('section.revision-list');
		await expect(list.getByRole('heading', { name: 'Revisions' }), path).toBeVisible();
		const links = list.locator('li a');
		await expect(links, path).toHaveCount(revisions.filter((r) => r.page === path).length);
		const hashes = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash.slice(1)));
		for (const hash of hashes) await expect(page.locator(`[id="${hash}"]`), `${path}#${hash}`).toHaveCount(1);
	}
});

test('a glossary entry that changed carries its own note inside the entry', async ({ page }) => {
	await page.goto(rel('/glossary/#sagemaker'));
	const entry = page.locator('section.glossary-term', { has: page.locator('h2#sagemaker') });
	await expect(entry.locator('.revision-note')).toContainText('Amazon SageMaker AI');
	const unchanged = page.locator('section.glossary-term', { has: page.locator('h2#latency') });
	await expect(unchanged.locator('.revision-note')).toHaveCount(0);
});

test('/changes/ lists every revision, newest day first, each linking to the section it changed', async ({
	page,
	baseURL,
}) => {
	await page.goto(rel('/changes/'));
	const items = page.locator('.change-log li');
	await expect(items).toHaveCount(revisions.length);
	const days = await page.locator('.change-log h2').evaluateAll((hs) => hs.map((h) => h.id));
	const expectedDays = [...new Set(newestFirst(revisions).map((r) => `updated-${r.date}`))];
	expect(days).toEqual(expectedDays);
	const first = newestFirst(revisions)[0]!;
	await page.locator(`[id="${first.id}"] a`).first().click();
	const base = new URL(baseURL!).pathname.replace(/\/$/, '');
	await expect(page).toHaveURL(new RegExp(`${base}${first.page}#${first.section}$`));
	await expect(page.locator(`[id="${first.section}"]`)).toBeInViewport();
});
