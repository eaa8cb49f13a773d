import { expect, test } from '@playwright/test';
import { builtSite, rel } from './pages.ts';

/** The plain copy-link button, not the share, Markdown or cite buttons beside it. */
const COPY_BUTTON = 'button.copy-link:not(.copy-link--share, .copy-link--markdown, .copy-link--cite)';

test.describe('copy-link buttons', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('every h2/h3 on a section page has a keyboard-reachable copy button that copies the canonical URL', async ({
		page,
	}) => {
		await page.goto(rel('/aws/'));
		const headings = page.locator('.sl-markdown-content :is(.level-h2, .level-h3)');
		const buttons = page.locator(`.sl-markdown-content :is(.level-h2, .level-h3) > ${COPY_BUTTON}`);
		expect(await buttons.count()).toBe(await headings.count());
		const first = headings.first();
		const id = await first.locator('h2, h3').getAttribute('id');
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		// Reach it from the heading's anchor link with the keyboard, then press Enter.
		await first.locator('a.sl-anchor-link').focus();
		await page.keyboard.press('Tab');
		await expect(first.locator(COPY_BUTTON)).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeAttached();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#${id}`);
	});

	test('each h2 also offers its share URL (the one with a rich preview), which lands on the section', async ({
		page,
	}) => {
		await page.goto(rel('/aws/'));
		const wrapper = page.locator('.sl-markdown-content .level-h2:has(#faster-hardware-for-clients)');
		const share = wrapper.locator('button.copy-link--share');
		await share.click();
		await expect(page.getByRole('status').filter({ hasText: 'Preview link copied' })).toBeAttached();
		// The visible "Copied" sits above the button, not over the buttons beside it.
		const label = await share.evaluate((b) => {
			const style = getComputedStyle(b, '::after');
			return { content: style.content, above: parseFloat(style.bottom) >= (b as HTMLElement).offsetHeight };
		});
		expect(label).toEqual({ content: '"Copied"', above: true });
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toMatch(/^https?:\/\/[^/]+\/(.+\/)?share\/aws\/faster-hardware-for-clients\/$/);
		// h3s and generated headings (glossary) have no share page, so no share button.
		expect(await page.locator('.level-h3 button.copy-link--share').count()).toBe(0);
	});

	test('each h2 copies its section as Markdown, by keyboard, ending with its link and the site name', async ({
		page,
	}) => {
		await page.goto(rel('/aws/'));
		const wrapper = page.locator('.sl-markdown-content .level-h2:has(#faster-hardware-for-clients)');
		const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
		await wrapper.locator('button.copy-link--share').focus();
		await page.keyboard.press('Tab');
		const button = wrapper.getByRole('button', { name: 'Copy section “Faster hardware for clients” as Markdown' });
		await expect(button).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.getByRole('status').filter({ hasText: 'Section copied as Markdown' })).toBeAttached();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied.startsWith('## Faster hardware for clients {#faster-hardware-for-clients}\n\n> ')).toBe(true);
		expect(copied).toContain('— [Article, paragraph 4](');
		// Only this section: the next h2 is not in it.
		expect(copied.match(/^## /gm)).toHaveLength(1);
		expect(
			copied.endsWith(
				`\n\n[Faster hardware for clients](${canonical}#faster-hardware-for-clients) — Amazon's $200B AI Bet, Explained\n`,
			),
		).toBe(true);
	});

	test('source paragraphs, glossary terms and figures have copy buttons too', async ({ page }) => {
		await page.goto(rel('/source/'));
		await page.locator('#p7 button.copy-link').click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/source\/#p7$/);
		await page.goto(rel('/glossary/'));
		await page.locator('.sl-heading-wrapper:has(#edge-computing) button.copy-link').click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/glossary\/#edge-computing$/);
		await page.goto(rel('/figures/'));
		await page.locator('.sl-heading-wrapper:has(#ai-spend-2025) button.copy-link').click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/figures\/#ai-spend-2025$/);
	});
});

test('where the clipboard is refused, the link is shown selected for manual copying', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'clipboard', {
			value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
		});
	});
	await page.goto(rel('/risks/'));
	await page.locator('button.copy-link').first().click();
	const input = page.getByLabel('Copy this link:');
	await expect(input).toBeFocused();
	expect(await input.inputValue()).toMatch(/^https?:\/\/.+\/risks\/#/);
	await page.keyboard.press('Escape');
	await expect(input).toBeHidden();
	await expect(page.locator('button.copy-link').first()).toBeFocused();
});

test('where the clipboard is refused, the section’s Markdown is shown selected for manual copying', async ({
	page,
}) => {
	await page.addInitScript(() => {
		const refuse = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
		Object.defineProperty(navigator, 'clipboard', { value: { writeText: refuse, write: refuse } });
	});
	await page.goto(rel('/risks/'));
	await page.locator('button.copy-link--markdown').first().click();
	const box = page.getByLabel('Copy this Markdown:');
	await expect(box).toBeFocused();
	expect(await box.inputValue()).toMatch(/^## .+ \{#[a-z0-9-]+\}\n/);
	await expect(page.getByRole('status').filter({ hasText: 'the Markdown is selected' })).toBeAttached();
});

/** Reads a URL the way a link-preview bot does: one HTTP GET, HTML only, no JavaScript. */
async function meta(request: import('@playwright/test').APIRequestContext, url: string) {
	const response = await request.get(url, { maxRedirects: 0 });
	expect(response.status(), url).toBe(200);
	const html = await response.text();
	const get = (attr: string, name: string) =>
		new RegExp(`<meta[^>]+${attr}="${name}"[^>]+content="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
	return {
		html,
		title: get('property', 'og:title'),
		description: get('property', 'og:description'),
		url: get('property', 'og:url'),
		image: get('property', 'og:image'),
		card: get('name', 'twitter:card'),
		twitterImage: get('name', 'twitter:image'),
		canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1],
	};
}

test('every page and share page has a complete, absolute link preview with a 1200x630 PNG', async ({
	request,
	baseURL,
}) => {
	const sitemap = await (await request.get('sitemap-0.xml')).text();
	const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
	expect(pages.length).toBeGreaterThanOrEqual(11);
	expect(pages.some((p) => p.includes('/share/'))).toBe(false);
	const base = new URL(baseURL!).pathname;
	for (const path of pages) {
		const m = await meta(request, rel(`/${path.slice(base.length)}`));
		for (const [key, value] of Object.entries({ title: m.title, description: m.description, card: m.card })) {
			expect(value, `${path} ${key}`).toBeTruthy();
		}
		for (const url of [m.url, m.image, m.twitterImage, m.canonical]) expect(url, path).toMatch(/^https?:\/\//);
		expect(m.html).toContain('"@type":"BreadcrumbList"');
		expect(m.html).toContain('"@type":"Article"');
		// The image the preview names is served by the built site, as a 1200x630 PNG.
		const image = await request.get(rel(`/${new URL(m.image!).pathname.slice(base.length)}`));
		expect(image.status(), m.image).toBe(200);
		const png = await image.body();
		expect(png.subarray(1, 4).toString()).toBe('PNG');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
	}
});

test('a share URL previews its section and sends a person to that section, without JavaScript', async ({
	browser,
	request,
	baseURL,
}) => {
	const m = await meta(request, rel('/share/aws/faster-hardware-for-clients/'));
	expect(m.title).toContain('Faster hardware for clients');
	expect(m.canonical).toMatch(/\/aws\/#faster-hardware-for-clients$/);
	expect(m.image).toMatch(/\/og\/aws\/faster-hardware-for-clients\.png$/);
	expect(m.html).toContain('noindex');
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await page.goto(rel('/share/aws/faster-hardware-for-clients/'));
	await page.waitForURL(/\/aws\/#faster-hardware-for-clients$/);
	await expect(page.locator('#faster-hardware-for-clients')).toBeInViewport();
	await context.close();
});

test("a section's preview keeps the words of the glossary terms its text starts with or contains", async ({
	request,
}) => {
	const opening = await meta(request, rel('/share/investment/a-200-billion-commitment/'));
	expect(opening.description).toContain('This is the article’s headline claim. Artificial intelligence (AI) means');
	const edge = await meta(request, rel('/share/hybrid-edge/ai-at-the-edge/'));
	expect(edge.description).toMatch(/^Edge computing means/);
});

test.describe('quote links', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('selecting text offers a text-fragment link that falls back to the section anchor', async ({ page }) => {
		await page.goto(rel('/risks/'));
		const paragraph = page.locator('.sl-markdown-content .article-quote blockquote p').first();
		await paragraph.evaluate((p) => {
			const range = document.createRange();
			range.selectNodeContents(p);
			document.getSelection()!.removeAllRanges();
			document.getSelection()!.addRange(range);
		});
		await page.getByRole('button', { name: 'Copy link to this quote' }).click();
		const url = await page.evaluate(() => navigator.clipboard.readText());
		expect(url).toMatch(/\/risks\/#[a-z0-9-]+:~:text=[^,]+,.+/);
		// The part before :~: is a real section anchor on the page.
		const section = new URL(url).hash.slice(1).split(':~:')[0]!;
		await expect(page.locator(`[id="${section}"]`)).toHaveCount(1);
	});

	test('a text-fragment link scrolls to the quote', async ({ page }) => {
		await page.goto(rel('/source/#:~:text=keeps%20competing%20competitors'));
		await expect(page.locator('#p8')).toBeInViewport();
		await expect(page.locator('#p1')).not.toBeInViewport();
	});
});

test('every anchor on the built site is published in content/anchors.json', async () => {
	const { anchorsInDist } = await import('../../src/linking/anchors.ts');
	const { readFileSync } = await import('node:fs');
	const published = JSON.parse(readFileSync('content/anchors.json', 'utf8')) as Record<string, string[]>;
	const missing = Object.entries(anchorsInDist(builtSite.outDir)).flatMap(([page, anchors]) =>
		anchors.filter((a) => !published[page]?.includes(a)).map((a) => `${page}#${a}`),
	);
	expect(missing, 'run `npm run anchors:update` and commit content/anchors.json').toEqual([]);
});
