import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readData } from '../../src/data/data.ts';
import { readingOrder, rel, sectionPages } from './pages.ts';

const glossary = readData('glossary');

test.describe('glossary definition cards', () => {
	test('hovering a term shows its definition; the card can be hovered, and Escape closes it', async ({ page }) => {
		await page.goto(rel('/hybrid-edge/'));
		const term = page.locator('a.term[data-term="edge-computing"]').first();
		await term.hover();
		const card = page.getByRole('tooltip');
		await expect(card).toBeVisible();
		await expect(card).toContainText('Edge computing');
		// The definition, fetched from /glossary/terms.json on first intent, as content/glossary.yaml has it.
		await expect(card).toContainText(glossary.find((t) => t.id === 'edge-computing')!.definition);
		await expect(term).toHaveAttribute('aria-describedby', 'term-card');
		// Hoverable: moving onto the card keeps it open.
		await card.hover();
		await page.waitForTimeout(400); // longer than the 300 ms grace period the card must survive
		await expect(card).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(card).toBeHidden();
	});

	test('keyboard focus shows the card, and it closes on blur', async ({ page }) => {
		await page.goto(rel('/hybrid-edge/'));
		const term = page.locator('a.term').first();
		await term.focus();
		await expect(page.getByRole('tooltip')).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page.getByRole('tooltip')).toBeHidden();
		await expect(term).toBeFocused();
	});

	test.describe('on a touch screen', () => {
		test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 800 } });
		test('the first tap shows the definition, the card links to the glossary', async ({ page }) => {
			await page.goto(rel('/hybrid-edge/'));
			const term = page.locator('a.term').first();
			await term.scrollIntoViewIfNeeded();
			await term.tap();
			const card = page.getByRole('tooltip');
			await expect(card).toBeVisible();
			expect(page.url()).toMatch(/\/hybrid-edge\/$/);
			await card.getByRole('link', { name: 'Open in the glossary' }).tap();
			await expect(page).toHaveURL(/\/glossary\/#/);
		});
	});

	test('a term near the bottom of the screen opens its card above it, whole on the screen', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 700 });
		await page.goto(rel('/aws/'));
		const term = page.locator('a.term[data-term="cloud-computing"]').first();
		// Put the term's line 20 px above the bottom edge of the window.
		await term.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 20));
		await term.focus();
		const card = page.getByRole('tooltip');
		await expect(card).toBeVisible();
		await expect(card).toBeInViewport({ ratio: 1 });
		const [cardBox, termBox] = [await card.boundingBox(), await term.boundingBox()];
		expect(cardBox!.y + cardBox!.height).toBeLessThanOrEqual(termBox!.y);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('a term is a plain link to its glossary entry', async ({ page }) => {
			await page.goto(rel('/aws/'));
			const term = page.locator('a.term[data-term="sagemaker"]').first();
			await term.click();
			await expect(page).toHaveURL(/\/glossary\/#sagemaker$/);
			await expect(page.locator('#sagemaker')).toBeInViewport();
		});
	});
});

test('on /figures/ each heading reads as the figure and what it counts, as other pages name it', async ({ page }) => {
	await page.goto(rel('/figures/'));
	await expect(page.locator('h2#ai-investment-2026')).toHaveText('$200 billion: Amazon’s AI investment by 2026');
});

test('key-figure cards show the figure from the figures data, linked to its paragraph', async ({ page }) => {
	await page.goto(rel('/investment/'));
	const card = page.locator('.key-figure').filter({ hasText: '$130 billion' });
	await expect(card).toBeVisible();
	await expect(card.getByRole('link', { name: 'Article, paragraph 2' })).toHaveAttribute('href', /\/source\/#p2$/);
	await expect(card.getByRole('link', { name: /does and does not tell you/ })).toHaveAttribute(
		'href',
		/\/figures\/#ai-spend-2025$/,
	);
});

test('each section page shows its reading time and the paragraphs it covers; the overview a reading path', async ({
	page,
}) => {
	for (const path of sectionPages) {
		await page.goto(rel(path));
		const meta = page.locator('.page-meta');
		await expect(meta).toContainText(/\d+ min read/);
		await expect(meta.locator('a[href*="/source/#p"]').first()).toBeVisible();
	}
	await page.goto(rel('/'));
	const items = page.locator('ol.reading-path > li');
	await expect(items).toHaveCount(sectionPages.length);
	await expect(items.first()).toContainText(/min · paragraphs 1–2/);
});

test("the article page gives the article's reading time; pages looked up, not read through, give none", async ({
	page,
}) => {
	await page.goto(rel('/source/'));
	// The article's words (about 800) as well as the page's own, not just the page's own (one minute).
	const minutes = Number((await page.locator('.page-meta').innerText()).match(/(\d+) min read/)?.[1]);
	expect(minutes).toBeGreaterThanOrEqual(4);
	for (const path of ['/glossary/', '/figures/', '/topics/', '/changes/']) {
		await page.goto(rel(path));
		await expect(page.locator('.page-meta')).toContainText('Markdown');
		await expect(page.locator('.page-meta')).not.toContainText('min read');
	}
});

test('printing drops the navigation, keeps diagrams whole in their light version, and shows link targets', async ({
	page,
}, testInfo) => {
	await page.goto(rel('/aws/'));
	// Dark on screen; paper gets the light colours (dark labels), whichever form the diagram takes.
	await page.locator('starlight-theme-select select').first().selectOption('dark');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('#starlight__sidebar')).toBeHidden();
	await expect(page.locator('header.header')).toBeHidden();
	await expect(page.locator('.pagination-links')).toBeHidden();
	const printed = page.locator('figure.diagram').first().locator('svg').filter({ visible: true });
	await expect(printed).toHaveCount(1);
	const labelFill = await printed.evaluate((svg) => getComputedStyle(svg.querySelector('.node text, text')!).fill);
	const [r, g, b] = (labelFill.match(/[\d.]+/g) ?? []).map(Number);
	expect(0.2126 * r! + 0.7152 * g! + 0.0722 * b!, `label colour ${labelFill}`).toBeLessThan(0.3 * 255);
	const after = await page
		.locator('.sl-markdown-content a[href^="http"]')
		.first()
		.evaluate((a) => getComputedStyle(a, '::after').content);
	expect(after).toContain('https://');
	await page.screenshot({ path: testInfo.outputPath('print.png'), fullPage: true });
});

test('at 375 px no page scrolls sideways and buttons are at least 24 px', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 800 }, baseURL });
	const page = await context.newPage();
	for (const path of readingOrder) {
		await page.goto(rel(path));
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
		const small = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('button, .copy-link, select, input')]
				.filter((el) => el.offsetParent !== null)
				.map((el) => ({ el: el.className || el.tagName, r: el.getBoundingClientRect() }))
				.filter(({ r }) => r.width > 0 && (r.width < 24 || r.height < 24))
				.map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`),
		);
		expect(small, path).toEqual([]);
	}
	await context.close();
});

// One test per page and theme: all four in one test came near the 60 s timeout on a busy machine.
for (const path of ['/investment/', '/hybrid-edge/']) {
	for (const theme of ['light', 'dark'] as const) {
		test(`axe finds no violation on ${path} with its terms and figure cards (${theme})`, async ({ page }) => {
			await page.goto(rel(path));
			await page.locator('starlight-theme-select select').first().selectOption(theme);
			const results = await new AxeBuilder({ page }).include('main').analyze();
			expect(results.violations.map((v) => `${path} (${theme}): ${v.id} ${v.help}`)).toEqual([]);
		});
	}
}
