import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtSite, openSearch, readingOrder, rel, resultPaths, sectionPages } from './pages.ts';

const pagesWithDiagrams = ['/', ...sectionPages];

async function setTheme(page: Page, theme: 'light' | 'dark') {
	await page.locator('starlight-theme-select select').first().selectOption(theme);
	await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('every section page and the overview have at least one diagram, with a caption', async ({ page }) => {
	for (const path of pagesWithDiagrams) {
		await page.goto(rel(path));
		const figures = page.locator('figure.diagram');
		expect(await figures.count(), path).toBeGreaterThan(0);
		for (const figure of await figures.all()) {
			await expect(figure.locator('figcaption')).not.toBeEmpty();
		}
	}
});

/** Relative luminance (0 black … 1 white) of the label text and the node fill of the diagram a reader sees. */
async function shownColours(page: Page) {
	const shown = page.locator('figure.diagram').first().locator('svg').filter({ visible: true });
	await expect(shown).toHaveCount(1);
	return shown.evaluate((svg) => {
		const luminance = (colour: string) => {
			const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255);
			return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
		};
		const text = svg.querySelector('.node text, text')!;
		const shape = svg.querySelector('.node rect, .node polygon, .node path')!;
		return { text: luminance(getComputedStyle(text).fill), node: luminance(getComputedStyle(shape).fill) };
	});
}

test('the theme toggle switches the colours the diagram is drawn in', async ({ page }) => {
	await page.goto(rel('/aws/'));
	await setTheme(page, 'light');
	const light = await shownColours(page);
	expect(light.text, 'dark labels').toBeLessThan(0.3);
	expect(light.node, 'light boxes').toBeGreaterThan(0.7);
	await setTheme(page, 'dark');
	const dark = await shownColours(page);
	expect(dark.text, 'light labels').toBeGreaterThan(0.6);
	expect(dark.node, 'dark boxes').toBeLessThan(0.3);
});

test('each shape of a diagram is in the page once when its two themes differ only in colour', async ({ page }) => {
	await page.goto(rel('/aws/'));
	const figure = page.locator('figure.diagram').first();
	await expect(figure.locator('svg')).toHaveCount(1);
	await expect(figure.locator('.diagram__theme--both')).toHaveCount(1);
});

test('diagram labels are drawn in the subset diagram font, which has every character they show', async ({ page }) => {
	const fonts: string[] = [];
	page.on('request', (r) => r.resourceType() === 'font' && fonts.push(new URL(r.url()).pathname));
	for (const path of pagesWithDiagrams) {
		await page.goto(rel(path));
		await page.evaluate(() => document.fonts.ready);
		const { missing, faces } = await page.evaluate(() => {
			// FontFace.unicodeRange: "U+20, U+24-25, …"; each weight has the characters drawn in it.
			const inter = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter');
			const rangeOf = (weight: number) =>
				inter
					.filter((f) => Number(f.weight) >= 600 === weight >= 600)
					.flatMap((f) =>
						f.unicodeRange.split(',').map((r) => {
							const [from, to = from] = r.trim().replace(/^U\+/i, '').split('-');
							return [parseInt(from!, 16), parseInt(to!, 16)] as const;
						}),
					);
			const missing: string[] = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const parent = node.parentElement;
				if (!parent?.closest('figure.diagram svg text')) continue;
				const ranges = rangeOf(Number(getComputedStyle(parent).fontWeight));
				for (const c of node.textContent ?? '')
					if (!ranges.some(([a, b]) => c.codePointAt(0)! >= a && c.codePointAt(0)! <= b))
						missing.push(`${c} (${getComputedStyle(parent).fontWeight})`);
			}
			return { missing: [...new Set(missing)], faces: inter.map((f) => `${f.weight} ${f.status}`) };
		});
		expect(missing, `${path}: characters the diagram font lacks`).toEqual([]);
		expect(faces.length, `${path}: Inter faces`).toBe(2);
		expect(faces.filter((f) => f.endsWith('loaded')).length, `${path}: a diagram font was used`).toBeGreaterThan(0);
	}
	// Only the subsets are fetched (the whole Latin files are ~24 KB each).
	expect(
		[...new Set(fonts)].every((f) => /\/_astro\/diagram-font-\d+\.[0-9a-f]+\.woff2$/.test(f)),
		fonts.join(', '),
	).toBe(true);
});

// One test per page and theme: axe over every diagram of every page in one test ran close to the
// 60 s timeout on a busy 2-core machine.
for (const path of pagesWithDiagrams) {
	test(`diagrams on ${path} have an accessible name and description`, async ({ page }) => {
		await page.goto(rel(path));
		for (const svg of await page.locator('figure.diagram svg').all()) {
			const title = await svg.locator(':scope > title').textContent();
			const desc = await svg.locator(':scope > desc').textContent();
			expect(title?.trim(), path).toBeTruthy();
			expect(desc?.trim(), path).toBeTruthy();
			expect(await svg.getAttribute('role')).toMatch(/^(img|group)$/);
		}
	});
	for (const theme of ['light', 'dark'] as const) {
		test(`axe finds no violation in the diagrams on ${path} (${theme})`, async ({ page }) => {
			await page.goto(rel(path));
			await setTheme(page, theme);
			const results = await new AxeBuilder({ page }).include('figure.diagram').analyze();
			expect(results.violations.map((v) => `${path} (${theme}): ${v.id} ${v.help}`)).toEqual([]);
		});
	}
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('a diagram is visible', async ({ page }) => {
		await page.goto(rel('/aws/'));
		await expect(page.locator('figure.diagram svg:visible').first()).toBeVisible();
		const box = await page.locator('figure.diagram svg:visible').first().boundingBox();
		expect(box!.height).toBeGreaterThan(50);
	});
});

test('the topic map on the overview links to every section, and the links work', async ({ page, baseURL }) => {
	await page.goto(rel('/'));
	const map = page.locator('figure.diagram').first();
	await setTheme(page, 'light');
	const links = map.locator('svg').filter({ visible: true }).locator('a');
	const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href')));
	const base = new URL(baseURL!).pathname;
	expect(hrefs.map((h) => `/${h!.slice(base.length)}`).sort()).toEqual([...sectionPages].sort());
	// Each link is named by its label's words, spaced as drawn across lines.
	for (const name of ['The $200 billion bet', 'AWS at the heart of the plan', "AI across Amazon's business"])
		await expect(map.getByRole('link', { name, exact: true }).filter({ visible: true })).toHaveCount(1);
	await links.first().click();
	await expect(page).toHaveURL(new RegExp(`${hrefs[0]}$`));
	await expect(page.locator('h1')).toBeVisible();
});

test('a word that appears only in a diagram is found by search', async ({ page, request, baseURL }) => {
	// Find a diagram label word that no page's prose contains, so only the diagram can match it.
	const prose: string[] = [];
	const labels = new Map<string, string>();
	for (const path of readingOrder) {
		const html = await (await request.get(rel(path))).text();
		const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
		prose.push(
			main
				.replace(/<figure class="diagram"[\s\S]*?<\/figure>/g, ' ')
				.replace(/<[^>]+>/g, ' ')
				.toLowerCase(),
		);
		for (const m of main.matchAll(/data-diagram-labels="([^"]*)"/g)) {
			for (const word of m[1]!.split(/[^A-Za-z]+/)) if (word.length >= 6) labels.set(word.toLowerCase(), path);
		}
	}
	const allProse = prose.join(' ');
	const only = [...labels].find(([word]) => !new RegExp(`\\b${word}`).test(allProse));
	expect(only, 'the content has at least one word that appears only in a diagram').toBeTruthy();
	const [word, path] = only!;
	await page.goto(rel('/'));
	await (await openSearch(page)).fill(word);
	await expect(page.locator('.search-result').first()).toBeVisible();
	const paths = await resultPaths(page, baseURL!);
	expect(paths.map((p) => p.replace(/#.*$/, ''))).toContain(path);
});

// That no page scrolls sideways at this width is checked for every page in reading.spec.ts.
test('diagrams stay legible on a 375 px phone: labels not shrunk below 75 %', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ viewport: { width: 375, height: 800 }, baseURL });
	const page = await context.newPage();
	for (const path of pagesWithDiagrams) {
		await page.goto(rel(path));
		for (const svg of await page.locator('figure.diagram svg:visible').all()) {
			const scale = await svg.evaluate(
				(el) => el.getBoundingClientRect().width / (el as SVGSVGElement).viewBox.baseVal.width,
			);
			expect(scale, path).toBeGreaterThanOrEqual(0.74);
		}
	}
	await context.close();
});

test('no request leaves 127.0.0.1 on any page', async ({ page }) => {
	const outside: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (!['127.0.0.1', ''].includes(url.hostname) && !url.protocol.startsWith('data')) outside.push(r.url());
	});
	for (const path of readingOrder) {
		await page.goto(rel(path));
		await page.waitForLoadState('networkidle');
	}
	expect(outside).toEqual([]);
});

test('no diagram JavaScript reaches dist/', () => {
	const dir = join(process.cwd(), builtSite.outDir, '_astro');
	const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
	for (const file of scripts) {
		expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/mermaid/i);
	}
});

test('each diagram stays within its HTML budget (bench/budgets.json), both themes together', async () => {
	const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
	const { gzipSync } = await import('node:zlib');
	const dist = join(process.cwd(), builtSite.outDir);
	const htmlFiles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
	let count = 0;
	for (const file of htmlFiles) {
		const html = readFileSync(join(dist, file), 'utf8');
		for (const m of html.matchAll(/<figure class="diagram"[\s\S]*?<\/figure>/g)) {
			count++;
			expect(gzipSync(m[0], { level: 9 }).length, `${file}: ${m[0].slice(0, 80)}`).toBeLessThanOrEqual(
				budgets.diagrams.maxGzipBytes,
			);
		}
	}
	expect(count).toBeGreaterThanOrEqual(8);
});
