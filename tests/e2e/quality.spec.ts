import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WCAG, readingOrder, rel } from './pages.ts';

// One test per page and theme, so no single test comes near the timeout on a busy machine.
for (const path of readingOrder) {
	for (const theme of ['light', 'dark'] as const) {
		test(`axe (WCAG 2.2 A/AA) finds no violation on ${path} (${theme})`, async ({ page }) => {
			await page.goto(rel(path));
			await page.locator('starlight-theme-select select').first().selectOption(theme);
			await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
			const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
			expect(
				violations.map(
					(v) => `${theme}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
				),
			).toEqual([]);
		});
	}
}

test('the open search dialog has no axe violation', async ({ page }) => {
	await page.goto(rel('/?search=chips'));
	await expect(page.locator('.search-result').first()).toBeVisible();
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG).include('dialog').analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('a keyboard-only walk reaches header, sidebar, content and table of contents, with a visible focus indicator', async ({
	page,
}) => {
	await page.goto(rel('/aws/'));
	const regions = new Set<string>();
	const invisible: string[] = [];
	for (let i = 0; i < 160; i++) {
		await page.keyboard.press('Tab');
		const info = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const indicator =
				(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
				style.boxShadow !== 'none' ||
				el.matches(':focus-visible') === false; // only :focus-visible must show a ring
			const region = el.closest('header')
				? 'header'
				: el.closest('#starlight__sidebar')
					? 'sidebar'
					: el.closest('starlight-toc, .right-sidebar')
						? 'toc'
						: el.closest('main')
							? 'content'
							: 'other';
			return { region, indicator, name: `${el.tagName.toLowerCase()} ${el.textContent?.trim().slice(0, 40) ?? ''}` };
		});
		if (!info) continue;
		regions.add(info.region);
		if (!info.indicator) invisible.push(info.name);
	}
	expect([...regions]).toEqual(expect.arrayContaining(['header', 'sidebar', 'content', 'toc']));
	expect(invisible).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	for (const path of readingOrder) {
		test(`${path} is readable: content, navigation and diagrams`, async ({ page }) => {
			await page.goto(rel(path));
			await expect(page.locator('h1')).toBeVisible();
			const words = (await page.locator('main').innerText()).split(/\s+/).length;
			expect(words).toBeGreaterThan(100);
			await expect(page.locator('#starlight__sidebar a').first()).toBeVisible();
			for (const figure of await page.locator('figure.diagram').all()) {
				await expect(figure.locator('svg:visible')).toHaveCount(1);
			}
		});
	}
});

test.describe('Content-Security-Policy', () => {
	test('every page carries a CSP without unsafe-inline scripts, and nothing violates it', async ({ page }) => {
		await page.addInitScript(() => {
			(window as unknown as { __csp: string[] }).__csp = [];
			document.addEventListener('securitypolicyviolation', (e) =>
				(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
			);
		});
		for (const path of readingOrder) {
			await page.goto(rel(path));
			const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			const scriptSrc = /script-src([^;]*)/.exec(csp ?? '')?.[1] ?? '';
			expect(scriptSrc, path).not.toContain('unsafe-inline');
			expect(scriptSrc, path).toContain("'self'");
			await page.waitForLoadState('networkidle');
			expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), path).toEqual([]);
		}
		// The interactive parts work under the policy: search (WebAssembly), terms, diagrams.
		await page.goto(rel('/hybrid-edge/?search=latency'));
		await expect(page.locator('.search-result').first()).toBeVisible();
		await page.keyboard.press('Escape');
		await page.locator('a.term').first().hover();
		await expect(page.getByRole('tooltip')).toBeVisible();
		await page.goto(rel('/risks/?highlight=monetized'));
		await expect(page.locator('mark.pagefind-highlight').first()).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
	});

	test('static hosts get long immutable caching for hashed assets', async ({ request }) => {
		const headers = await (await request.get(rel('/_headers'))).text();
		expect(headers).toMatch(/\/_astro\/\*\s+Cache-Control: public, max-age=31536000, immutable/);
	});
});

test('an article page loads at most its JS budget before any interaction (bench/budgets.json)', async ({ page }) => {
	const budget = JSON.parse(readFileSync('bench/budgets.json', 'utf8')).js;
	const scripts: Buffer[] = [];
	page.on('response', async (r) => {
		if (r.request().resourceType() === 'script') scripts.push(await r.body());
	});
	await page.goto(rel('/aws/'), { waitUntil: 'networkidle' });
	// Let idle-time loading happen, as it would before a reader acts: wait for the browser to go idle.
	await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 5000 })));
	await page.waitForLoadState('networkidle');
	const gzip = scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
	expect(gzip).toBeLessThanOrEqual(budget.articleBeforeInteractionMaxGzipBytes);
	expect(gzip).toBeLessThan(budget.stockStarlightArticleGzipBytes);
});
