/**
 * Other words for the site's words, for search: content/synonyms.yaml lists groups of words that
 * mean the same thing. Wherever a paragraph, list item or table cell of a page uses one word of a group, the
 * others are added at its end in a `hidden` span, which Pagefind indexes (it reads markup, not
 * styles) and readers and screen readers never meet. It runs on the rendered page content
 * (src/overrides/MarkdownContent.astro), once per page at build time; nothing runs per keystroke.
 */
import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { fromRoot } from '../site/paths.ts';
import { Cache } from '../build/cache.ts';
import { indexOnly } from './index-only.ts';
import { escapeRegExp } from '../site/escape.ts';

export const synonymsFile = 'content/synonyms.yaml';
const schema = z.array(z.array(z.string().regex(/^[a-z][a-z -]*[a-z]$/, 'lowercase words')).min(2));

export function parseSynonyms(text: string, file = synonymsFile): string[][] {
	const parsed = schema.safeParse(loadYaml(text));
	if (!parsed.success)
		throw new Error(`${file}: ${parsed.error.issues.map((i) => `entry ${i.path.join('.')}: ${i.message}`).join('; ')}`);
	return parsed.data;
}

let lastParsed: { text: string; groups: string[][] } | undefined;
/** The groups in `text`, parsed once for as long as the file's text stays the same. */
const parsedOnce = (text: string) => {
	if (lastParsed?.text !== text) lastParsed = { text, groups: parseSynonyms(text) };
	return lastParsed.groups;
};
export const loadSynonyms = () => parsedOnce(readFileSync(fromRoot(synonymsFile), 'utf8'));

/** A word or phrase as written, in any case, with a plural ending. */
const wordPattern = (word: string) =>
	new RegExp(
		`(?<![\\p{L}\\p{N}])${word.split(/[ -]/).map(escapeRegExp).join('[\\s-]+')}(?:s|es)?(?![\\p{L}\\p{N}])`,
		'iu',
	);

// Paragraphs, list items, and the cells of tables and definition lists (the figure cards).
const BLOCK = /(<(p|li|dd|td)(?:\s[^>]*)?>)([\s\S]*?)(<\/\2>)/g;

type Patterns = { word: string; first: string; pattern: RegExp }[][];
const compiledPatterns = new WeakMap<string[][], Patterns>();
const patternsFor = (groups: string[][]): Patterns => {
	let patterns = compiledPatterns.get(groups);
	if (!patterns) {
		patterns = groups.map((group) =>
			// `first`: a plain substring every match contains, so most blocks skip the (slower) Unicode regex.
			group.map((word) => ({ word, first: word.split(/[ -]/)[0]!, pattern: wordPattern(word) })),
		);
		compiledPatterns.set(groups, patterns);
	}
	return patterns;
};

/** The page's HTML with each paragraph and list item followed, inside it, by the other words for its words. */
export function addSynonyms(html: string, groups: string[][] = loadSynonyms()): string {
	const patterns = patternsFor(groups);
	return html.replace(BLOCK, (block, open: string, _tag: string, inner: string, close: string) => {
		const text = inner.replace(/<[^>]*>/g, ' ');
		const lower = text.toLowerCase();
		const extra = new Set<string>();
		for (const group of patterns) {
			const used = group.filter((w) => lower.includes(w.first) && w.pattern.test(text));
			if (used.length) for (const w of group) if (!used.includes(w)) extra.add(w.word);
		}
		if (!extra.size) return block;
		return `${open}${inner}<span hidden data-search-synonyms>${indexOnly(`also: ${[...extra].join(', ')}`)}</span>${close}`;
	});
}

let synonymsCache: Cache<string> | undefined;
/**
 * `addSynonyms` with the site's synonyms, as the build uses it: a page whose HTML and synonym list
 * are unchanged since the last build gets the stored result (src/build/cache.ts).
 */
export function addSiteSynonyms(html: string): string {
	synonymsCache ??= new Cache({
		name: 'search-synonyms',
		code: ['src/search/synonyms.ts', 'src/search/index-only.ts', 'src/site/escape.ts'],
	});
	// The result is computed from the very text its key holds.
	const text = readFileSync(fromRoot(synonymsFile), 'utf8');
	return synonymsCache.memoSync([html, text], () => addSynonyms(html, parsedOnce(text)));
}
