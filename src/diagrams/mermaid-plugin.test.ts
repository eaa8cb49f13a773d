import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { projectRoot } from '../site/paths.ts';
import { mermaidPlugin, toMdxSafeHtml } from './mermaid-plugin.ts';
import { checkRenderedSvg, DiagramRenderer } from './renderer.ts';
import { parseDiagramSource, SAFETY_SETTINGS } from './source.ts';
import { mermaidConfig } from './theme.ts';

/**
 * Fixture per folder: input.mdx (frontmatter `base:` sets the site base) and either output.html
 * (the rendered Markdown, compared with numbers masked, since label widths depend on the machine's
 * font rasteriser) or expected-error.txt. UPDATE_FIXTURES=1 rewrites output.html files.
 */
const fixturesDir = join(import.meta.dirname, 'fixtures');
const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
const renderer = new DiagramRenderer({ root: cacheDir });
afterAll(async () => {
	await renderer.close();
	rmSync(cacheDir, { recursive: true, force: true });
});

const maskNumbers = (html: string) => html.replace(/\d+(\.\d+)?/g, 'N');
const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

async function renderFixture(name: string) {
	const input = readFileSync(join(fixturesDir, name, 'input.mdx'), 'utf8');
	const base = /^base:\s*(\S+)/m.exec(input)?.[1] ?? '/';
	const markdown = input.replace(/^---[\s\S]*?---\n/, '');
	// Errors name the file relative to the project root; pretend the fixture lives in docs/.
	const fileURL = pathToFileURL(join(projectRoot, 'docs', 'input.mdx'));
	const plugin = mermaidPlugin({ base, renderer });
	return {
		markdown,
		plugin,
		fileURL,
		html: async () => (await markdownToHtml(markdown, { mdastPlugins: [plugin], fileURL })).html,
	};
}

describe('mermaid plugin fixtures', { timeout: 60_000 }, () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, async () => {
			const fixture = await renderFixture(name);
			const errorFile = join(fixturesDir, name, 'expected-error.txt');
			if (existsSync(errorFile)) {
				await expect(fixture.html()).rejects.toThrow(readFileSync(errorFile, 'utf8').trim());
				return;
			}
			const html = await fixture.html();
			const outputFile = join(fixturesDir, name, 'output.html');
			if (process.env.UPDATE_FIXTURES) writeFileSync(outputFile, html);
			expect(existsSync(outputFile), `${outputFile} is missing; run with UPDATE_FIXTURES=1`).toBe(true);
			expect(maskNumbers(html)).toBe(maskNumbers(readFileSync(outputFile, 'utf8')));
			// Every fixture: a figure per fence, no fence left, no duplicate id, both themes.
			const fences = (fixture.markdown.match(/```mermaid/g) ?? []).length;
			expect(html.match(/<figure class="diagram"/g)).toHaveLength(fences);
			expect(html).not.toContain('language-mermaid');
			expect(new Set(ids(html)).size).toBe(ids(html).length);
			// Both themes: one SVG carrying the dark rules, or (colours in attributes) two renderings.
			const merged = html.match(/diagram__theme--both/g)?.length ?? 0;
			expect(merged + (html.match(/diagram__theme--light/g)?.length ?? 0)).toBe(fences);
			expect(html.match(/diagram__theme--dark/g)?.length ?? 0).toBe(fences - merged);
			expect(html.match(/@media screen\{:root:not\(\[data-theme='light'\]\) #d/g)?.length ?? 0).toBe(merged);
		});
	}

	it('rewrites click links under the base path', async () => {
		const html = await (await renderFixture('click-link-under-base')).html();
		expect(html).toContain('href="/explainer/aws/"');
		expect(html).not.toMatch(/href="\/aws\/"/);
	});

	it('compiles to MDX with the stylesheet intact', async () => {
		const { markdown, plugin, fileURL } = await renderFixture('flowchart');
		const { code } = await mdxToJs(markdown, { mdastPlugins: [plugin], fileURL });
		expect(code).toMatch(/_jsx\(_components\.style, \{\s*children: "#d[0-9a-f]+l/);
	});

	it('serves a second build from the cache without a browser', async () => {
		const fresh = new DiagramRenderer({ root: cacheDir });
		const { markdown, fileURL } = await renderFixture('flowchart');
		await markdownToHtml(markdown, { mdastPlugins: [mermaidPlugin({ base: '/', renderer: fresh })], fileURL });
		expect(fresh.stats).toMatchObject({ rendered: 0, cached: 1 });
		expect(fresh.browserStarted).toBe(false);
	});
});

describe('parseDiagramSource', () => {
	it('reads single-line and block accessibility text, and maps the remaining lines to the source', () => {
		const parsed = parseDiagramSource(
			'flowchart LR\n  accTitle: T\n  accDescr {\n    Line one\n    line two\n  }\n  %% a comment\n  a --> b',
		);
		expect(parsed).toMatchObject({ type: 'flowchart', title: 'T', description: 'Line one line two' });
		expect(parsed.body).toBe('flowchart LR\n  a --> b');
		expect(parsed.sourceLines).toEqual([1, 8]);
	});
	it('names what is missing', () => {
		expect(() => parseDiagramSource('pie\n  "a" : 1')).toThrow('no accTitle and no accDescr');
	});
});

describe('toMdxSafeHtml', () => {
	it('keeps CSS as one string and escapes braces elsewhere', () => {
		expect(toMdxSafeHtml('<svg><text>{a}</text><style>a > b{fill:"x"}</style></svg>')).toBe(
			'<svg><text>&#123;a&#125;</text><style>{"a > b{fill:\\"x\\"}"}</style></svg>',
		);
	});
});

describe('diagram output and cache checks', { timeout: 60_000 }, () => {
	const flowchart = (body: string) =>
		`flowchart LR\n  accTitle: Checks\n  accDescr: A diagram used by the cache tests.\n${body}`;

	it('refuses a diagram over Mermaid’s text limit with advice, before any browser work', async () => {
		const fresh = new DiagramRenderer({ root: cacheDir });
		const labels = Array.from({ length: 400 }, (_, i) => `  n${i}["${'a long label '.repeat(12)}"]`).join('\n');
		await expect(fresh.render(flowchart(labels))).rejects.toThrow(
			/over Mermaid's limit of 50,000 \(it would show "Maximum text size in diagram exceeded"\)\. Split it into two or more smaller diagrams/,
		);
		expect(fresh.browserStarted).toBe(false);
	});

	it('explains the edge limit without talking about mermaid.initialize', async () => {
		const edges = Array.from({ length: 520 }, (_, i) => `  n${i} --> n${i + 1}`).join('\n');
		const error = await renderer.render(flowchart(edges)).catch((e: Error) => e);
		expect(String(error)).toContain(
			'more connections than Mermaid can draw (limit 500). Split it into smaller diagrams',
		);
		expect(String(error)).not.toContain('initialize');
	});

	it('makes every safety setting one a diagram cannot change (Mermaid drops them at any depth)', () => {
		for (const theme of ['light', 'dark'] as const) {
			expect(mermaidConfig(theme).secure).toEqual(expect.arrayContaining([...SAFETY_SETTINGS]));
		}
	});

	it('names what makes an SVG unshippable', () => {
		expect(checkRenderedSvg('<svg aria-roledescription="error"><text>Syntax error in text</text></svg>')).toContain(
			'error message instead of the diagram',
		);
		expect(checkRenderedSvg('<svg><foreignObject><img src="x"/></foreignObject></svg>')).toContain('<foreignObject>');
		expect(checkRenderedSvg('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>')).toContain(
			'links to "javascript:alert(1)"',
		);
		expect(checkRenderedSvg('<svg><g onclick="x()"></g></svg>')).toContain('event-handler attribute');
		expect(checkRenderedSvg('<svg><text>ok</text>')).toContain('not a complete SVG');
		expect(checkRenderedSvg('<svg><a xlink:href="/aws/"><text>ok</text></a></svg>')).toBeUndefined();
		// Label text that only looks like markup is text.
		expect(checkRenderedSvg('<svg><title>&lt;img src=x onerror=alert(1)&gt;</title></svg>')).toBeUndefined();
	});

	describe('a damaged cache entry is a miss, drawn again', () => {
		const source = flowchart('  a --> b');
		const entry = (src = source) => renderer.cacheFile(src);
		const body = (text: string) => text.slice(text.indexOf('\n') + 1);
		/** The value edited, with a header that matches it: only the diagram checks can tell. */
		const edited = (edit: (value: string) => string) => (text: string) => {
			const value = edit(body(text));
			return `${text.split(' ')[0]} ${createHash('sha256').update(value).digest('hex')}\n${value}`;
		};
		const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {});
		it.each([
			['truncated', (text: string) => text.slice(0, text.length / 2)],
			['an error picture', edited((v) => v.replace(/<svg[^>]*>/, '$&<g aria-roledescription="error"></g>'))],
			['missing a field', edited((v) => JSON.stringify({ ...JSON.parse(v), width: undefined }))],
		])('%s', async (_, damage) => {
			const good = await renderer.render(source);
			writeFileSync(entry(), damage(readFileSync(entry(), 'utf8')));
			const before = { ...renderer.stats };
			const warn = quiet();
			try {
				expect(await renderer.render(source)).toEqual(good);
				expect(renderer.stats.rendered - before.rendered).toBe(1);
				expect(renderer.stats.damaged - before.damaged).toBe(1);
				// Written again whole, by rename: no temporary files left beside it.
				expect(JSON.parse(body(readFileSync(entry(), 'utf8')))).toEqual(good);
				expect(readdirSync(join(cacheDir, 'diagrams')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
			} finally {
				warn.mockRestore();
			}
		});

		it('a diagram drawn ahead (prerender) is drawn once: the page takes that drawing', async () => {
			const early = flowchart('  early --> drawn');
			const fresh = new DiagramRenderer({ root: cacheDir });
			try {
				expect(fresh.prerender([early, early])).toBe(1);
				const drawn = await fresh.render(early);
				expect(fresh.stats).toMatchObject({ rendered: 1, cached: 0 });
				expect(drawn.light).toContain('<svg');
				// Cached now: nothing to draw ahead in the next build.
				expect(fresh.prerender([early])).toBe(0);
			} finally {
				await fresh.close();
			}
		});

		it('says so once per build', async () => {
			const other = flowchart('  c --> d');
			await renderer.render(source);
			await renderer.render(other);
			writeFileSync(entry(), '{"light": "<svg');
			writeFileSync(entry(other), '');
			const fresh = new DiagramRenderer({ root: cacheDir });
			const warn = quiet();
			try {
				expect(fresh.prerender([source, other])).toBe(2);
				expect(fresh.stats.damaged).toBe(2);
				await Promise.all([fresh.render(source), fresh.render(other)]);
				expect(warn).toHaveBeenCalledTimes(1);
				expect(warn.mock.calls[0]![0]).toMatch(/diagrams: ignoring a damaged cache entry \(.*\.entry: /);
			} finally {
				warn.mockRestore();
				await fresh.close();
			}
		});
	});
});
