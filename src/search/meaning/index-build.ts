/**
 * Writes the meaning index beside Pagefind's (format.ts says what the browser reads): after
 * Pagefind has indexed the built site, the site's own words the word table lacks ("sagemaker",
 * "rekognition") are embedded with the sentence encoder (encoder.ts) and projected into the table's
 * space (word-table.ts). Every section Pagefind holds then gets its meaning from those words. Both
 * the site's words and the finished index are cached by content (src/build/cache.ts): a rebuild
 * with nothing changed loads neither the encoder nor the word table.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cache } from '../../build/cache.ts';
import type { BuiltPages, PostBuildStep } from '../../build/pipeline.ts';
import { encoderId, loadEncoder } from './encoder.ts';
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

/** What the build writes: `sections.json`'s text and each shard's bytes, with the figures for the log. */
interface MeaningOutput {
	index: string;
	shards: Uint8Array[];
	words: number;
	siteWords: number;
}

type StoredHead = Omit<MeaningOutput, 'shards'> & { lengths: number[] };

/**
 * The made index, stored whole: a rebuild with the same sections and the same installed encoder
 * writes it as it is, without loading the word table (what a cached rebuild spent its time on).
 * Stored as a JSON header line (index text, figures, shard lengths) and the shards' bytes after it.
 */
const outputs = new Cache<MeaningOutput>({
	name: 'search-meaning-index',
	code: CODE,
	encode: ({ shards, ...rest }) => {
		const head = Buffer.from(`${JSON.stringify({ ...rest, lengths: shards.map((b) => b.length) })}\n`, 'utf8');
		return Buffer.concat([head, ...shards]);
	},
	decode: (bytes) => {
		const newline = bytes.indexOf(10);
		const { lengths, ...rest } = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as StoredHead;
		let at = newline + 1;
		const shards = lengths.map((n) => bytes.subarray(at, (at += n)));
		if (at !== bytes.length) throw new Error('the shards do not fill the entry');
		return { ...rest, shards };
	},
	check: (value) => (value.shards.length === SHARDS ? undefined : `${value.shards.length} shards, not ${SHARDS}`),
});

async function makeMeaningIndex(
	sections: SectionText[],
	log: (m: string) => void,
	onEmbed: (texts: number) => void,
): Promise<MeaningOutput> {
	const table = await wordTable(log);
	const cache = new Cache<string>({ name: 'search-meaning-site-words', code: CODE });
	const wordsOfSection = (s: SectionText) => wordsOf(s.sentences.join(' '));
	const known = new Set(table.words);
	const siteWords = [...new Set(sections.flatMap(wordsOfSection))].filter((w) => !known.has(w)).sort();
	const siteVectors = await cache.memo([JSON.stringify(siteWords)], async () => {
		onEmbed(siteWords.length);
		const vectors = siteWords.length ? await (await loadEncoder()).embed(siteWords) : [];
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
	return {
		index: JSON.stringify(index),
		shards: encoded,
		words: table.words.length + siteWords.length,
		siteWords: siteWords.length,
	};
}

/** The page's `data-pagefind-weight` (src/search/index-weight.ts), read from its built HTML. */
function pageWeight(pages: BuiltPages, base: string, url: string): number {
	const path = decodeURIComponent(new URL(url, 'http://site').pathname);
	const file = `${path.startsWith(base) ? path.slice(base.length) : path.slice(1)}index.html`;
	const weighted = pages.elements(file).find((e) => e.attrs['data-pagefind-weight'] !== undefined);
	const weight = Number(weighted?.attrs['data-pagefind-weight'] ?? 1);
	return Number.isFinite(weight) && weight > 0 ? weight : 1;
}

/** The meaning index, from the sections Pagefind has indexed (`dir`/pagefind), into `dir`/search-meaning/. */
export const searchMeaningStep: PostBuildStep = {
	name: 'search-meaning',
	phase: 'search meaning index',
	run: async ({ dir, base, logger, pages }) => {
		const log = (m: string) => logger.info(m);
		const sections = sectionsOf(readFragments(join(dir, 'pagefind')), (url) => pageWeight(pages, base, url));
		let embedded = 0;
		let cached = true;
		const made = await outputs.memo([encoderId(), JSON.stringify(sections)], async () => {
			cached = false;
			return makeMeaningIndex(sections, log, (n) => (embedded += n));
		});
		mkdirSync(join(dir, MEANING_DIR, 'w'), { recursive: true });
		writeFileSync(join(dir, MEANING_DIR, 'sections.json'), made.index);
		made.shards.forEach((bytes, shard) => writeFileSync(join(dir, shardPath(shard)), bytes));
		const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
		const shardBytes = made.shards.reduce((sum, bytes) => sum + bytes.length, 0);
		log(
			`search meaning: ${sections.length} sections, ${made.words} words (${made.siteWords} from the site); ` +
				`${cached ? 'all cached' : embedded ? `${embedded} texts embedded` : 'site words cached'}; sections ${kb(made.index.length)}, word table ${kb(shardBytes)} in ${SHARDS} shards`,
		);
	},
};
