/**
 * Writes the meaning index beside Pagefind's (format.ts says what the browser reads): after
 * Pagefind has indexed the built site, the site's own words the word table lacks ("sagemaker",
 * "rekognition") are embedded with the sentence encoder (encoder.ts) and projected into the table's
 * space (word-table.ts), cached by content (src/build/cache.ts), so a rebuild with nothing changed
 * does not load the encoder. Every section Pagefind holds then gets its meaning from those words.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { findOne } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { dirname, join } from 'node:path';
import { Cache } from '../../build/cache.ts';
import type { PostBuildStep } from '../../build/pipeline.ts';
import { loadEncoder } from './encoder.ts';
import {
	DIMENSIONS,
	MEANING_DIR,
	SHARDS,
	encodeShard,
	fromBase64,
	textMeaning,
	wordsOf,
	shardOf,
	shardPath,
	toBase64,
	type SectionsIndex,
	type WordEntry,
} from './format.ts';
import { readFragments, sectionsOf, type SectionText } from './sections.ts';
import { project, sifWeight, wordTable } from './word-table.ts';

const CODE = [
	'src/search/meaning/index-build.ts',
	'src/search/meaning/sections.ts',
	'src/search/meaning/format.ts',
	'src/search/meaning/word-table.ts',
	'src/search/meaning/encoder.ts',
];

export interface MeaningStats {
	sections: number;
	words: number;
	siteWords: number;
	embedded: number;
	bytes: { sections: number; shards: number };
}

/** Builds the index from `out`/pagefind into `out`/search-meaning/. */
export async function writeMeaningIndex(out: string, base: string, log: (m: string) => void): Promise<MeaningStats> {
	const sections = sectionsOf(readFragments(join(out, 'pagefind')), (url) => pageWeight(out, base, url));
	const table = await wordTable(log);
	const cache = new Cache<string>({ name: 'search-meaning-site-words', code: CODE });
	let embedded = 0;
	const embed = async (texts: string[]) => {
		embedded += texts.length;
		return (await loadEncoder()).embed(texts);
	};

	const wordsOfSection = (s: SectionText) => wordsOf(s.sentences.join(' '));
	const known = new Set(table.words);
	const siteWords = [...new Set(sections.flatMap(wordsOfSection))].filter((w) => !known.has(w)).sort();
	const siteVectors = await cache.memo([JSON.stringify(siteWords)], async () => {
		const vectors = siteWords.length ? await embed(siteWords) : [];
		const outVectors = new Int8Array(siteWords.length * DIMENSIONS);
		vectors.forEach((v, i) => outVectors.set(project(v, table), i * DIMENSIONS));
		return toBase64(new Uint8Array(outVectors.buffer));
	});
	const site = fromBase64(siteVectors);

	const lookup = new Map<string, WordEntry>();
	const shards: [string, WordEntry][][] = Array.from({ length: SHARDS }, () => []);
	const add = (word: string, weight: number, vectors: Int8Array, i: number) => {
		const entry = { weight, vector: vectors.subarray(i * DIMENSIONS, (i + 1) * DIMENSIONS) };
		lookup.set(word, entry);
		shards[shardOf(word)]!.push([word, entry]);
	};
	table.words.forEach((word, i) => add(word, table.weights[i]!, table.vectors, i));
	siteWords.forEach((word, i) => add(word, sifWeight(0), site, i));

	const sectionVectors = new Int8Array(sections.length * DIMENSIONS);
	sections.forEach((section, i) => sectionVectors.set(textMeaning(wordsOfSection(section), lookup), i * DIMENSIONS));

	const encoded = shards.map((entries) => encodeShard(entries));
	const version = createHash('sha256');
	for (const bytes of encoded) version.update(bytes);
	version.update(new Uint8Array(sectionVectors.buffer));
	const index: SectionsIndex = {
		version: version.digest('hex').slice(0, 12),
		dimensions: DIMENSIONS,
		shards: SHARDS,
		sections: sections.map(({ url, title, page, excerpt, weight }) => ({ url, title, page, excerpt, weight })),
		vectors: toBase64(new Uint8Array(sectionVectors.buffer)),
	};
	const indexText = JSON.stringify(index);
	const indexFile = join(out, MEANING_DIR, 'sections.json');
	mkdirSync(dirname(indexFile), { recursive: true });
	writeFileSync(indexFile, indexText);
	mkdirSync(join(out, MEANING_DIR, 'w'), { recursive: true });
	encoded.forEach((bytes, shard) => writeFileSync(join(out, shardPath(shard)), bytes));
	return {
		sections: sections.length,
		words: table.words.length + siteWords.length,
		siteWords: siteWords.length,
		embedded,
		bytes: { sections: indexText.length, shards: encoded.reduce((a, b) => a + b.length, 0) },
	};
}

/** The page's `data-pagefind-weight` (src/search/index-weight.ts), read from its built HTML. */
function pageWeight(out: string, base: string, url: string): number {
	const root = base.replace(/\/$/, '');
	const path = decodeURIComponent(new URL(url, 'http://site').pathname);
	const file = join(out, path.startsWith(`${root}/`) ? path.slice(root.length) : path, 'index.html');
	const document = parseDocument(readFileSync(file, 'utf8'));
	const weighted = findOne((e) => e.attribs['data-pagefind-weight'] !== undefined, document.children, true);
	const weight = Number(weighted?.attribs['data-pagefind-weight'] ?? 1);
	return Number.isFinite(weight) && weight > 0 ? weight : 1;
}

/** The meaning index, from the sections Pagefind has indexed. */
export const searchMeaningStep: PostBuildStep = {
	name: 'search-meaning',
	phase: 'search meaning index',
	run: async ({ dir, base, logger }) => {
		const stats = await writeMeaningIndex(dir, base, (m) => logger.info(m));
		const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
		logger.info(
			`search meaning: ${stats.sections} sections, ${stats.words} words (${stats.siteWords} from the site); ` +
				`${stats.embedded ? `${stats.embedded} texts embedded` : 'all cached'}; sections ${kb(stats.bytes.sections)}, word table ${kb(stats.bytes.shards)} in ${SHARDS} shards`,
		);
	},
};
