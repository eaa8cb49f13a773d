/**
 * Ranking sections around Pagefind. Pure functions, so they are unit-tested (rank.test.ts) and cheap
 * per keystroke; reading the query is query.ts, spelling help spelling.ts.
 *
 * Pagefind ranks pages, and a result's sections (`sub_results`) come in page order. Readers want
 * the section that answers them, so the dialog ranks sections across all matching pages, from
 * Pagefind's own per-word scores (`weighted_locations`, which carry heading weights and the index
 * weights from src/search/index-weight.ts). That is what Pagefind cannot express itself: it scores
 * pages, not sections; its metadata matches (descriptions, keywords: src/search/SearchMeta.astro)
 * have no position, so no section would carry them; and the question words the dialog leaves out of
 * the search ("why", "how much", "about this …") never reach it. Everything else (what is indexed,
 * how much a page's words weigh, other words for a word) is done at build time, in the index.
 */
import { normalize, STOP_WORDS, type QueryPlan } from './query.ts';
import { escapeHtml } from '../site/escape.ts';

export interface WeightedLocation {
	weight: number;
	balanced_score: number;
	location: number;
}
interface SubResult {
	title: string;
	url: string;
	excerpt: string;
	weighted_locations: WeightedLocation[];
}
export interface PageData {
	url: string;
	excerpt: string;
	/** `description` and `keywords` are the page's searchable metadata (src/search/SearchMeta.astro). */
	meta: { title?: string; description?: string; keywords?: string };
	sub_results: SubResult[];
	/** The indexed text; `location` indexes its whitespace-separated words. */
	raw_content?: string;
	content?: string;
}
export interface RankedSection {
	pageTitle: string;
	title: string;
	url: string;
	excerpt: string;
	covered: number;
	score: number;
}

const commonPrefix = (a: string, b: string) => {
	let i = 0;
	while (i < a.length && i < b.length && a[i] === b[i]) i++;
	return i;
};

/** Which query term a matched word belongs to (Pagefind matched it by stem or prefix). */
function termFor(word: string, terms: string[]): string | undefined {
	let best: string | undefined;
	let bestLength = 0;
	for (const term of terms) {
		const n = commonPrefix(word, term);
		if (n > bestLength) [best, bestLength] = [term, n];
	}
	return best;
}

/** Endings that make another form of the same word ("spend", "spending"; "strategy", "strategies"). */
const ENDINGS = new Set([
	'',
	's',
	'es',
	'd',
	'ed',
	'ing',
	'er',
	'ers',
	'ion',
	'ions',
	'y',
	'ies',
	'e',
	'al',
	'ly',
	'ment',
	'ments',
]);

/**
 * Same word, allowing for an ending, as Pagefind's stems do; with `prefix`, a query word of 4 letters
 * or more also matches the words it begins, as Pagefind finds them ("recommend", "recommendations").
 */
export function sameWord(word: string, term: string, prefix = true): boolean {
	if (!word || !term) return false;
	if (word === term) return true;
	if (prefix && word.startsWith(term)) return term.length >= 4;
	const n = commonPrefix(word, term);
	return n >= 3 && ENDINGS.has(word.slice(n)) && ENDINGS.has(term.slice(n));
}

const wordsOf = (text: string | undefined) =>
	(text ?? '')
		.split(/[\s,;:.()]+/)
		.map(normalize)
		.filter(Boolean);

/**
 * Sections of all matching pages, best first: sections that contain more of what the query says
 * come first (its words, each counting by how few sections contain it, so "amazon" and "ai", on
 * every page, count less than "spending"); then the geometric mean over the words of Pagefind's
 * score for the word's best match in the section (a heading match counts far more than body text),
 * with repeats adding a little, and rarer words counting more. The page title counts for every
 * section of the page, and the page's description and keywords (searchable metadata) for its top.
 * Words side by side as typed, and a heading that asks the reader's "why" or "who", add a bonus.
 * For a definition query the glossary entry whose heading matches may come first.
 */
export function rankSections(pages: PageData[], plan: QueryPlan, glossaryPath = '/glossary/'): RankedSection[] {
	type Scored = RankedSection & { perTerm: Map<string, number[]>; phrase: number; heading: number };
	const all: Scored[] = [];
	const asked = plan.words.filter((w) => QUESTION_WORDS.has(w));
	const howMuch = / how (much|many) /.exec(` ${plan.words.join(' ')} `)?.[0].trim();
	for (const page of pages) {
		const words = (page.raw_content ?? page.content ?? '').split(/[\r\n\s]+/g);
		const pageTitle = page.meta.title ?? page.url;
		// The page title is every section's context: "what to watch next aws" means that section of
		// the AWS page. So does the last part of its address (/investment/, /hybrid-edge/), which
		// readers see and type.
		const slug = new URL(page.url, 'http://x').pathname.split('/').filter(Boolean).at(-1) ?? '';
		const titleWords = [...wordsOf(pageTitle), ...wordsOf(slug.replace(/-/g, ' '))];
		const inTitle = plan.terms.filter((t) => titleWords.some((w) => sameWord(w, t)));
		// Pagefind finds a page by its metadata too, but metadata has no position, so no section
		// carries it. The description says what the whole page covers: context for each section,
		// for the words its own text lacks, counting less than one word of the text itself.
		const described = wordsOf(page.meta.description);
		// Summaries say what a page answers ("How much Amazon is said to be putting into AI … and why
		// the article thinks it matters"): a page whose description asks the reader's "how much",
		// "why" or "who" fits every section of it. ("Where" and "when" are too loose here: "where can
		// I read …" is not "where the money is aimed".)
		const answers = [...asked.filter((w) => w === 'why' || w === 'who'), howMuch].some(
			(q) => q && ` ${described.join(' ')} `.includes(` ${q} `),
		)
			? QUESTION_ECHO
			: 1;
		const inDescription = plan.terms.filter((t) => described.some((w) => sameWord(w, t)));
		// Keywords say what the page is ("full text", "definitions"): they go to the page's top. A
		// keyword is a phrase: it counts when the query has all its words ("site map", not "site").
		const about = new Map<string, number>();
		for (const keyword of (page.meta.keywords ?? '').split(',')) {
			const parts = wordsOf(keyword).filter((w) => !STOP_WORDS.has(w));
			// Whole words only: "site" is not "sitemap".
			const matched = parts.map((w) => plan.terms.find((t) => sameWord(w, t, false)));
			if (parts.length && matched.every(Boolean)) for (const t of matched) about.set(t!, KEYWORD_CONTEXT);
		}
		const subs = [...page.sub_results];
		const pageUrl = page.url;
		const isTop = (sub: SubResult) => !sub.url.includes('#') || sub.url.endsWith('#_top');
		if ((about.size || (inDescription.length && !subs.length)) && !subs.some(isTop))
			subs.unshift({
				title: pageTitle,
				url: pageUrl,
				excerpt: markWords(page.meta.description ?? '', plan.terms),
				weighted_locations: [],
			});
		for (const sub of subs) {
			const perTerm = new Map<string, number[]>();
			const sequence: { location: number; term: string }[] = [];
			for (const loc of sub.weighted_locations) {
				const term = termFor(normalize(words[loc.location] ?? ''), plan.terms) ?? plan.terms[0] ?? '';
				// Pagefind's score grows with the square of an element's weight (a heading's 6 counts 36
				// times a paragraph's 1); its square root keeps a heading ahead without one word in a
				// heading outweighing the reader's whole phrase in the text. The page title (h1, weight
				// 7) counts as a subheading, so a page's introduction does not outrank the section a
				// heading names.
				const value = Math.sqrt(loc.balanced_score) * (loc.weight >= 7 ? 5 / 7 : 1);
				perTerm.set(term, [...(perTerm.get(term) ?? []), value]);
				sequence.push({ location: loc.location, term });
			}
			for (const term of inTitle) perTerm.set(term, [...(perTerm.get(term) ?? []), TITLE_CONTEXT]);
			for (const term of inDescription) if (!perTerm.has(term)) perTerm.set(term, [DESCRIPTION_CONTEXT]);
			if (isTop(sub)) for (const [term, value] of about) perTerm.set(term, [...(perTerm.get(term) ?? []), value]);
			// Query words next to each other, in the query's order: the phrase the reader typed.
			sequence.sort((a, b) => a.location - b.location);
			let phrase = 0;
			// Words left out of the search may stand between them ("name its sources").
			for (let i = 1; i < sequence.length; i++) {
				const [prev, next] = [sequence[i - 1]!, sequence[i]!];
				const k = plan.terms.indexOf(next.term);
				const gap = next.location - prev.location;
				if (k > 0 && plan.terms.indexOf(prev.term) === k - 1 && gap >= 1 && gap <= 1 + (plan.gaps[k] ?? 0)) phrase++;
			}
			const url = sub.url.endsWith('#_top') ? sub.url.slice(0, -'#_top'.length) : sub.url;
			all.push({
				pageTitle,
				title: sub.title,
				url,
				excerpt: sub.excerpt,
				covered: 0,
				score: 0,
				perTerm,
				phrase,
				// Glossary entries are headed by their term: an exact heading there is the definition,
				// which comes first only for a definition query (below).
				heading:
					plan.definition || !new URL(url, 'http://x').pathname.endsWith(glossaryPath)
						? headingEcho(wordsOf(sub.title), asked, plan) * answers
						: answers,
			});
		}
	}
	const sectionsWith = new Map<string, number>();
	for (const s of all) for (const t of s.perTerm.keys()) sectionsWith.set(t, (sectionsWith.get(t) ?? 0) + 1);
	const rarity = (term: string) => Math.log(1 + all.length / sectionsWith.get(term)!);
	for (const s of all) {
		// Geometric mean over the query's words: a section is as good as its words together, so one
		// word in a heading does not carry a section that barely mentions the others.
		let logSum = 0;
		for (const [term, values] of s.perTerm) {
			const best = Math.max(...values);
			const rest = values.reduce((a, b) => a + b, 0) - best;
			logSum += Math.log(rarity(term) * (best + 0.25 * rest));
			s.covered += rarity(term);
		}
		s.score = Math.exp(logSum / Math.max(1, s.perTerm.size));
		if (s.phrase) s.score *= 1 + Math.min(s.phrase, plan.terms.length - 1);
		s.score *= s.heading;
		// "How much …" asks for an amount: a passage that states one answers it.
		if (plan.quantity && AMOUNT.test(s.excerpt)) s.score *= QUANTITY_SHOWN;
		if (plan.definition && new URL(s.url, 'http://x').pathname.endsWith(glossaryPath)) {
			const heading = normalize(s.title);
			if (plan.terms.every((t) => heading.includes(t) || commonPrefix(heading, t) >= 4)) s.score *= 100;
		}
	}
	// Coverage is the share of the whole query a section carries: a word no section has counts as the
	// rarest there is, so "ai for doctors" matched only by "ai" is a weak match, however common "ai" is.
	const whole = plan.terms.reduce((sum, t) => sum + (sectionsWith.has(t) ? rarity(t) : Math.log(1 + all.length)), 0);
	// Rounded, so float sums of the same words tie exactly.
	for (const s of all) s.covered = whole ? Math.round((s.covered / whole) * 1000) / 1000 : 0;
	return all
		.sort((a, b) => b.covered - a.covered || b.score - a.score)
		.map(({ perTerm: _, phrase: __, heading: ___, ...section }) => section);
}

/** A text as a Pagefind excerpt: HTML-escaped, with the query's words in <mark>. */
export function markWords(text: string, terms: string[]): string {
	return text
		.split(/([\p{L}\p{N}]+)/u)
		.map((part, i) =>
			i % 2 && terms.some((t) => sameWord(normalize(part), t)) ? `<mark>${part}</mark>` : escapeHtml(part),
		)
		.join('');
}

/** Question words that say what kind of answer is wanted; a heading that asks the same fits it. */
const QUESTION_WORDS = new Set(['why', 'who', 'where', 'when']);

/**
 * The search leaves question words out (they match everywhere), but a heading that echoes them
 * answers the question asked: one that asks the same "why", "who", "where" or "when" counts 1.5 times.
 */
function headingEcho(heading: string[], asked: string[], plan: QueryPlan): number {
	if (plan.words.length === plan.terms.length) return 1;
	return asked.some((w) => heading.includes(w)) ? QUESTION_ECHO : 1;
}
const QUESTION_ECHO = 1.5;
const QUANTITY_SHOWN = 1.5;
/** A passage that states an amount: digits, or a number written out ("millions of businesses"). */
const AMOUNT = /\d|\b(hundreds?|thousands?|millions?|billions?|trillions?|dozens?)\b/i;

/** What a query word in the page title adds to each section: about one word of body text (~23) and a half. */
const TITLE_CONTEXT = 32;
/** A query word in the page's description (src/search/SearchMeta.astro): less than one in the text of a reference page (~11). */
const DESCRIPTION_CONTEXT = 8;
/** A query word in the page's `searchKeywords`, what the page is: as much as a heading on a reference page. */
const KEYWORD_CONTEXT = 72;

/**
 * Pagefind finds only pages with every word. When no page has them all ("making AI available to
 * small companies"), the pages with any of them, from one search per word: each page with its
 * result from every word's search (their data carry that word's matches), those with more of the
 * words first, then by Pagefind's best score for them.
 */
export function mergeWordResults<R extends { id: string; score: number }>(perWord: (R[] | undefined)[]): R[][] {
	const found = new Map<string, { results: R[]; score: number }>();
	for (const results of perWord)
		for (const result of results ?? []) {
			const seen = found.get(result.id);
			if (seen) [seen.results, seen.score] = [[...seen.results, result], Math.max(seen.score, result.score)];
			else found.set(result.id, { results: [result], score: result.score });
		}
	return [...found.values()]
		.sort((a, b) => b.results.length - a.results.length || b.score - a.score)
		.map((f) => f.results);
}

/** One page's data from several searches, with every search's matches (rankSections reads them all). */
export function mergePageData(datas: PageData[]): PageData {
	const [first, ...rest] = datas;
	if (!first || !rest.length) return first!;
	const subs = new Map(
		first.sub_results.map((sub) => [sub.url, { ...sub, weighted_locations: [...sub.weighted_locations] }]),
	);
	for (const data of rest)
		for (const sub of data.sub_results) {
			const seen = subs.get(sub.url);
			if (seen) seen.weighted_locations.push(...sub.weighted_locations);
			else subs.set(sub.url, { ...sub, weighted_locations: [...sub.weighted_locations] });
		}
	return { ...first, sub_results: [...subs.values()] };
}
