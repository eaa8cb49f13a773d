/**
 * The spelling-correction vocabulary: every word in the search index, most frequent first, written
 * to `search-vocabulary.json` beside Pagefind's bundle after Pagefind has indexed the site. It is
 * read from Pagefind's own fragments (the exact indexed text, furniture already left out, and the
 * searchable metadata: title, description, keywords), so the dialog only ever suggests words a search
 * can find.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostBuildStep } from '../build/pipeline.ts';
import { readFragments } from './meaning/sections.ts';
import { normalize } from './query.ts';

export const VOCABULARY_FILE = 'search-vocabulary.json';

/** Words of an indexed text: hyphenated words count whole and by their parts. */
export function wordsOf(text: string): string[] {
	return text
		.split(/\s+/)
		.flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]))
		.map(normalize)
		.filter((w) => w.length >= 3 && !/^\d+$/.test(w));
}

export function buildVocabulary(texts: string[]): { words: string[] } {
	const counts = new Map<string, number>();
	for (const text of texts) for (const w of wordsOf(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
	const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
	return { words };
}

/** The spelling vocabulary, read from the index Pagefind has written. */
export const searchVocabularyStep: PostBuildStep = {
	name: 'search-vocabulary',
	phase: 'pagefind',
	run: ({ dir, logger }) => {
		const texts = readFragments(join(dir, 'pagefind')).map((f) =>
			[f.content, f.meta?.title, f.meta?.description, f.meta?.keywords].join(' '),
		);
		const vocabulary = buildVocabulary(texts);
		writeFileSync(join(dir, VOCABULARY_FILE), JSON.stringify(vocabulary));
		logger.info(`search: ${vocabulary.words.length} words in the spelling vocabulary`);
	},
};
