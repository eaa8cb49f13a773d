/**
 * Spelling help against the site's own words (the vocabulary built by vocabulary.ts): a slip is
 * corrected to the nearest word the site uses; a real word it does not use is left to the meaning
 * index, never "corrected". Pure functions, unit-tested in spelling.test.ts.
 */
import { normalize, STOP_WORDS } from './query.ts';

/** Optimal string alignment distance (Levenshtein plus swapped neighbours), stopping past `max`. */
export function editDistance(a: string, b: string, max: number): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
			row.push(d);
			rowMin = Math.min(rowMin, d);
		}
		if (rowMin > max) return max + 1;
		rows.push(row);
	}
	return rows[a.length]![b.length]!;
}

/** The site's indexed words, most frequent first (built at build time: src/search/vocabulary.ts). */
export type Vocabulary = { words: string[] };

/** True when some indexed word starts with `word`, or `word` is an indexed word plus a short ending. */
export function isKnown(word: string, vocabulary: Vocabulary): boolean {
	return vocabulary.words.some(
		(v) => v.startsWith(word) || (v.length >= 4 && word.startsWith(v) && word.length - v.length <= 3),
	);
}

/**
 * The nearest indexed word to a word the site does not contain: edit distance 1, or 2 for words of
 * 8 letters or more, same first letter; only for words of 4 letters or more. Ties go to the more
 * frequent word.
 */
export function correctWord(word: string, vocabulary: Vocabulary): string | undefined {
	if (word.length < 4 || /\d/.test(word) || isKnown(word, vocabulary)) return undefined;
	const max = word.length >= 8 ? 2 : 1;
	let best: string | undefined;
	let bestDistance = max + 1;
	for (const candidate of vocabulary.words) {
		// Typing slips rarely change a word's first letter; keeping it avoids "percent" → "recent".
		if (candidate.length < 3 || candidate[0] !== word[0]) continue;
		const d = editDistance(word, candidate, max);
		if (d < bestDistance) [best, bestDistance] = [candidate, d]; // words come most frequent first
	}
	return best;
}

/**
 * True when every subject word of the query (4 letters or more, no digits) is a word the site does
 * not contain and has no correction: there is nothing to search for. (Pagefind would still match
 * "alexa" or "azure" to the one-letter word "a", on every page.)
 */
export function nothingKnown(
	query: string,
	vocabulary: Vocabulary,
	isWord: (word: string) => boolean = () => false,
): boolean {
	if (!vocabulary.words.length) return false;
	const words = query
		.split(' ')
		.map(normalize)
		.filter((w) => w && !STOP_WORDS.has(w));
	return (
		words.length > 0 &&
		words.every(
			(w) => w.length >= 4 && !/\d/.test(w) && !isKnown(w, vocabulary) && (isWord(w) || !correctWord(w, vocabulary)),
		)
	);
}

/**
 * The query with each word the site does not contain replaced by its correction, or left out when
 * there is none and other words remain (Pagefind finds only pages with every word); undefined when
 * nothing changed.
 */
export function correctQuery(
	query: string,
	vocabulary: Vocabulary,
	isWord: (word: string) => boolean = () => false,
): string | undefined {
	if (!vocabulary.words.length) return undefined;
	let changed = false;
	const words = query.split(' ');
	const corrected = words.map((w) => {
		const word = normalize(w);
		if (STOP_WORDS.has(word) || word.length < 4 || /\d/.test(word) || isKnown(word, vocabulary)) return w;
		// A real word the site does not use ("lawmakers") is not a slip: it is searched by meaning, not corrected.
		if (isWord(word)) return w;
		changed = true;
		return correctWord(word, vocabulary) ?? '';
	});
	const kept = corrected.filter((w) => w && !STOP_WORDS.has(normalize(w)));
	if (!changed || !kept.length) return undefined;
	return corrected.filter(Boolean).join(' ');
}
