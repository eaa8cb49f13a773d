/**
 * The diagram font, cut down to the characters the built diagrams show.
 *
 * Diagrams are measured and drawn at build time with Inter (theme.ts), so readers need the same
 * font for the labels to fit their boxes. The whole Latin file is ~24 KB per weight; the few dozen
 * characters the diagrams use come to ~6 KB. A subset keeps each glyph's advance and kerning, so
 * the text measures as it did when Mermaid laid it out.
 *
 * After the build, the text of every diagram in the built pages is collected (what Mermaid drew,
 * e.g. its typographic apostrophes, not the fence source), one subset per weight, cut to the
 * characters drawn in that weight, is written to `_astro/` under a content-hash name (cached for
 * good), and the pages with diagrams get the `@font-face` rules inline in <head> (a few hundred bytes; the browser fetches a font only when a
 * diagram's text is laid out, so a page never waits for one). The dev server uses the full files
 * instead (integration.ts).
 * Subsets and the pages' analysis are kept in the build cache (src/build/cache.ts); a cached subset
 * must be a WOFF2 file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToHast } from 'satteri';
import { binary, Cache, cacheRoot } from '../build/cache.ts';
import { beforeHeadEnd, hasClass, htmlElements, type HastNode } from '../build/html.ts';
import type { BuiltPages } from '../build/pipeline.ts';
import { diagramFont } from './theme.ts';

const DIAGRAM_FONT_WEIGHTS = [
	{ weight: 400, file: diagramFont.regular },
	{ weight: 600, file: diagramFont.bold },
] as const;

/** Text drawn bold (Mermaid writes `font-weight="bold"` on a tspan for `**markdown**` labels). */
const BOLD = /^(bold|bolder|[6-9]00)$/;
const boldIn = (node: HastNode) => {
	const weight = String(node.properties?.fontWeight ?? '');
	const style = /font-weight:\s*([a-z0-9]+)/.exec(String(node.properties?.style ?? ''))?.[1] ?? '';
	return BOLD.test(weight) || BOLD.test(style);
};

type DrawnText = Record<(typeof DIAGRAM_FONT_WEIGHTS)[number]['weight'], Set<string>>;

/** Every character drawn as SVG text inside the page's diagram figures, by the weight it is drawn in. */
export function diagramTextCharacters(
	html: string,
	into: DrawnText = { 400: new Set(), 600: new Set() },
	elements = htmlElements(html),
): DrawnText {
	const walk = (node: HastNode, inText: boolean, bold: boolean) => {
		const heavy = bold || boldIn(node);
		if (node.type === 'text' && inText) for (const char of node.value ?? '') into[heavy ? 600 : 400].add(char);
		// <title>/<desc> are read by assistive technology, not drawn.
		const text = node.tagName === 'title' || node.tagName === 'desc' ? false : inText || node.tagName === 'text';
		for (const child of node.children ?? []) walk(child, text, heavy);
	};
	for (const figure of elements.filter((e) => e.name === 'figure' && hasClass(e, 'diagram')))
		walk(htmlToHast(html.slice(figure.start, figure.end), { fragment: true }) as HastNode, false, false);
	return into;
}

/** `U+20,U+24,U+28-29,…` for a set of characters. */
export function unicodeRange(chars: Iterable<string>): string {
	const codes = [...new Set(chars)].map((c) => c.codePointAt(0)!).sort((a, b) => a - b);
	const parts: string[] = [];
	const hex = (n: number) => n.toString(16).toUpperCase();
	for (let i = 0; i < codes.length; i++) {
		const start = codes[i]!;
		while (i + 1 < codes.length && codes[i + 1] === codes[i]! + 1) i++;
		parts.push(start === codes[i] ? `U+${hex(start)}` : `U+${hex(start)}-${hex(codes[i]!)}`);
	}
	return parts.join(',');
}

const checkWoff2 = (data: Buffer) =>
	data.length > 64 && data.subarray(0, 4).toString('latin1') === 'wOF2' ? undefined : 'not a WOFF2 file';

/** OpenType features browsers turn on by default for horizontal text. */
const DEFAULT_FEATURES = ['kern', 'liga', 'clig', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'rlig', 'rclt', 'rvrn'];

/** The subset of one weight, from the cache when a whole entry is there. */
function subset(cache: Cache<Buffer>, file: string, chars: string): Promise<Buffer> {
	const source = readFileSync(file);
	return cache.memo([chars, source], async () => {
		// Loaded only when a subset is not cached: it is a tenth of a second of every build's start-up.
		const { default: subsetFont } = await import('subset-font');
		// Only the features a browser applies to text by default: the diagrams' labels were measured
		// with those, and Inter's stylistic sets and alternates would only add glyphs nobody sees.
		// (`keepFeatures` is subset-font's own option; @types/subset-font predates it.)
		const options = { targetFormat: 'woff2', keepFeatures: DEFAULT_FEATURES } as Parameters<typeof subsetFont>[2];
		return subsetFont(source, chars, options);
	});
}

interface DiagramFontResult {
	pages: number;
	characters: number;
	/** Bytes of each weight's subset. */
	bytes: number[];
}

/**
 * Subsets the diagram font for the built site and adds its rules to every page that shows a
 * diagram. `base` is the site's base path ("/" or "/explainer/").
 */
export async function writeDiagramFonts(
	built: BuiltPages,
	base: string,
	root = cacheRoot(),
): Promise<DiagramFontResult> {
	const pages = built
		.files()
		.map((file) => ({ file, html: built.read(file), elements: built.elements(file) }))
		.filter((p) => p.elements.some((e) => e.name === 'figure' && hasClass(e, 'diagram')));
	const code = ['src/diagrams/font-subset.ts'];
	// Parsing the pages is most of this pass's time; unchanged pages reuse what it found.
	const analysis = new Cache<Record<string, string>>({ name: 'diagram-font-pages', code, root });
	const subsets = new Cache<Buffer>({ name: 'diagram-fonts', code, root, ...binary, check: checkWoff2 });
	const drawn = await analysis.memo(
		pages.map((p) => p.html),
		() => {
			const found = diagramTextCharacters('');
			for (const page of pages) diagramTextCharacters(page.html, found, page.elements);
			return Object.fromEntries(Object.entries(found).map(([weight, chars]) => [weight, [...chars].sort().join('')]));
		},
	);
	const rules: string[] = [];
	const bytes: number[] = [];
	const characters = new Set<string>();
	// Each weight is cut to the characters drawn in it: bold labels are few, and a weight no label
	// uses is not written at all.
	for (const { weight, file } of DIAGRAM_FONT_WEIGHTS) {
		const text = drawn[weight] ?? '';
		if (!text) continue;
		for (const char of text) characters.add(char);
		const data = await subset(subsets, file, text);
		const name = `diagram-font-${weight}.${createHash('sha256').update(data).digest('hex').slice(0, 10)}.woff2`;
		writeFileSync(join(built.dir, '_astro', name), data);
		bytes.push(data.length);
		rules.push(
			`@font-face{font-family:${diagramFont.family};font-style:normal;font-display:block;font-weight:${weight};src:url(${base}_astro/${name}) format("woff2");unicode-range:${unicodeRange(text)}}`,
		);
	}
	if (!rules.length) return { pages: 0, characters: 0, bytes: [] };
	// Until the font is there, labels stay blank (font-display: block) rather than show in a
	// fallback font they were not measured with.
	const css = rules.join('');
	for (const page of pages) built.write(page.file, beforeHeadEnd(page.html, page.elements, `<style>${css}</style>`));
	return { pages: pages.length, characters: characters.size, bytes };
}
