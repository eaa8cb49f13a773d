import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../article/paths.ts';
import { mermaidPlugin, toMdxSafeHtml } from './mermaid-plugin.ts';
import { DiagramRenderer } from './renderer.ts';
import { parseDiagramSource } from './source.ts';

/**
 * Fixture per folder: input.mdx (frontmatter `base:` sets the site base) and either output.html
 * (the rendered Markdown, compared with numbers masked, since label widths depend on the machine's
 * font rasteriser) or expected-error.txt. UPDATE_FIXTURES=1 rewrites output.html files.
 */
const fixturesDir = join(import.meta.dirname, 'fixtures');
const cacheDir = mkdtempSync(join(tmpdir(), 'diagram-cache-'));
const renderer = new DiagramRenderer({ cacheDir });
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
			expect(html.match(/diagram__theme--light/g)).toHaveLength(fences);
			expect(html.match(/diagram__theme--dark/g)).toHaveLength(fences);
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
		const fresh = new DiagramRenderer({ cacheDir });
		const { markdown, fileURL } = await renderFixture('flowchart');
		await markdownToHtml(markdown, { mdastPlugins: [mermaidPlugin({ base: '/', renderer: fresh })], fileURL });
		expect(fresh.stats).toMatchObject({ rendered: 0, cached: 1 });
		expect(fresh.browserStarted).toBe(false);
	});
});

describe('parseDiagramSource', () => {
	it('reads single-line and block accessibility text, leaving one line per removed line', () => {
		const parsed = parseDiagramSource(
			'flowchart LR\n  accTitle: T\n  accDescr {\n    Line one\n    line two\n  }\n  a --> b',
		);
		expect(parsed).toMatchObject({ type: 'flowchart', title: 'T', description: 'Line one line two' });
		expect(parsed.body.split('\n')).toHaveLength(7);
		expect(parsed.body).not.toMatch(/accTitle|accDescr/);
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
