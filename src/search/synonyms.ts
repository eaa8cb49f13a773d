/**
 * Other words for the site's words, for search: content/synonyms.yaml (the `synonyms` collection) lists
 * groups of words that mean the same thing. Wherever a paragraph, list item or table cell of a page uses one word of a group, the
 * others are added at its end in a `hidden` span, which Pagefind indexes (it reads markup, not
 * styles) and readers and screen readers never meet. It runs on the rendered page content
 * (src/overrides/MarkdownContent.astro), once per page at build time; nothing runs per keystroke.
 */
import { Cache } from '../build/cache.ts';
import { indexOnly } from './index-only.ts';
import { escapeRegExp } from '../site/escape.ts';

/** A word or phrase as written, in any case, with a plural ending. */
const wordPattern = (word: string) =>
	new RegExp(
		`(?<![\\p{L}\\p{N}])${word.split(/[ -]/).map(escapeRegExp).join('[\\s-]+')}(?:s|es)?(?![\\p{L}\\p{N}])`,
		'iu',
	);

// Paragraphs, list items, and the cells of tables and definition lists (the figure cards).
const BLOCK = /(<(p|li|dd|td)(?:\s[^>]*)?>)([\s\S]*?)(<\/\2>)/g;

type Patterns = { word: string; first: string; pattern: RegExp }[][];
let compiled: { key: string; patterns: Patterns } | undefined;
/** The groups' patterns, compiled again only when the groups change (every page uses the same). */
const patternsFor = (groups: string[][]): Patterns => {
	const key = JSON.stringify(groups);
	if (compiled?.key !== key) {
		const patterns = groups.map((group) =>
			// `first`: a plain substring every match contains, so most blocks skip the (slower) Unicode regex.
			group.map((word) => ({ word, first: word.split(/[ -]/)[0]!, pattern: wordPattern(word) })),
		);
		compiled = { key, patterns };
	}
	return compiled.patterns;
};

/** The page's HTML with each paragraph and list item followed, inside it, by the other words for its words. */
export function addSynonyms(html: string, groups: string[][]): string {
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
 * `addSynonyms` as the build uses it: a page whose HTML and synonym list
 * are unchanged since the last build gets the stored result (src/build/cache.ts).
 */
export function addSiteSynonyms(html: string, groups: string[][]): string {
	synonymsCache ??= new Cache({
		name: 'search-synonyms',
		code: ['src/search/synonyms.ts', 'src/search/index-only.ts', 'src/site/escape.ts'],
	});
	return synonymsCache.memoSync([html, JSON.stringify(groups)], () => addSynonyms(html, groups));
}
