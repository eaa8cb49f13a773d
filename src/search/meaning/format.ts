/**
 * The meaning index as the browser reads it, shared by the build (index-build.ts) and the dialog
 * (meaning-client.ts). Two kinds of file under `/search-meaning/`:
 * - `sections.json`: every searchable section (url, heading, page, a short excerpt) and its meaning
 *   vector, one file fetched when a reader reaches for search;
 * - `w/<shard>.bin`: the word table, split by a hash of the word, so a query fetches only the
 *   shards of its own words. Each word has a weight (rare words say more about a query than common
 *   ones) and a vector in the same reduced space as the sections'.
 * Vectors are unit length, quantized to int8: cosine similarity is a dot product of small integers.
 */

import { normalize } from '../query.ts';

export const MEANING_DIR = 'search-meaning';
export const DIMENSIONS = 128;
export const SHARDS = 4096;

export interface MeaningSection {
	/** As Pagefind gives it: the page's address, with `#anchor` for a heading below the page title. */
	url: string;
	title: string;
	page: string;
	/** The section's first words, shown when only its meaning matched. */
	excerpt: string;
	/** How much the page's words count in search (src/search/index-weight.ts): reference pages less. */
	weight: number;
}

export interface SectionsIndex {
	/** Which encoder and word table the vectors come from; shard requests carry it, so a new table is never mixed with an old. */
	version: string;
	dimensions: number;
	shards: number;
	sections: MeaningSection[];
	/** Base64 of sections.length × dimensions int8 values. */
	vectors: string;
}

export interface WordEntry {
	/** 0-255: how much the word says about a query (rare words more). */
	weight: number;
	vector: Int8Array;
}

/** FNV-1a over the word's UTF-16 code units: the same shard in Node and in every browser. */
export function shardOf(word: string, shards = SHARDS): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < word.length; i++) {
		hash ^= word.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash % shards;
}

export const shardPath = (shard: number) => `${MEANING_DIR}/w/${shard.toString(16).padStart(3, '0')}.bin`;

/** A unit-length vector as int8 (each component times 127, rounded). */
export function quantize(vector: ArrayLike<number>): Int8Array {
	let norm = 0;
	for (let i = 0; i < vector.length; i++) norm += vector[i]! * vector[i]!;
	norm = Math.sqrt(norm) || 1;
	const out = new Int8Array(vector.length);
	for (let i = 0; i < vector.length; i++) out[i] = Math.max(-127, Math.min(127, Math.round((vector[i]! / norm) * 127)));
	return out;
}

/**
 * A shard: its words joined by "\n" in UTF-8, a zero byte, then for each word in the same order one
 * weight byte and DIMENSIONS int8 values.
 */
export function encodeShard(entries: [string, WordEntry][]): Uint8Array {
	const sorted = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const head = new TextEncoder().encode(sorted.map(([w]) => w).join('\n'));
	const out = new Uint8Array(head.length + 1 + sorted.length * (1 + DIMENSIONS));
	out.set(head, 0);
	let at = head.length + 1;
	for (const [, entry] of sorted) {
		if (entry.vector.length !== DIMENSIONS)
			throw new Error(`word vector has ${entry.vector.length} values, not ${DIMENSIONS}`);
		out[at++] = entry.weight;
		out.set(new Uint8Array(entry.vector.buffer, entry.vector.byteOffset, DIMENSIONS), at);
		at += DIMENSIONS;
	}
	return out;
}

export function decodeShard(bytes: Uint8Array, dimensions = DIMENSIONS): Map<string, WordEntry> {
	const zero = bytes.indexOf(0);
	if (zero < 0) throw new Error('not a word shard');
	const words = zero ? new TextDecoder().decode(bytes.subarray(0, zero)).split('\n') : [];
	if (bytes.length !== zero + 1 + words.length * (1 + dimensions)) throw new Error('word shard has the wrong length');
	const out = new Map<string, WordEntry>();
	let at = zero + 1;
	for (const word of words) {
		const weight = bytes[at]!;
		const vector = new Int8Array(bytes.buffer, bytes.byteOffset + at + 1, dimensions);
		out.set(word, { weight, vector });
		at += 1 + dimensions;
	}
	return out;
}

export function toBase64(bytes: Uint8Array): string {
	let text = '';
	for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(text);
}

export function fromBase64(text: string): Int8Array {
	const binary = atob(text);
	const out = new Int8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = (binary.charCodeAt(i) << 24) >> 24;
	return out;
}

/**
 * The query's meaning: the weighted sum of its known words' vectors, unit length; undefined when no
 * word is known.
 */
export function queryVector(entries: WordEntry[], dimensions = DIMENSIONS): Float32Array | undefined {
	if (!entries.length) return undefined;
	const sum = new Float32Array(dimensions);
	for (const { weight, vector } of entries) for (let i = 0; i < dimensions; i++) sum[i]! += (weight / 255) * vector[i]!;
	let norm = 0;
	for (let i = 0; i < dimensions; i++) norm += sum[i]! * sum[i]!;
	if (!norm) return undefined;
	norm = Math.sqrt(norm);
	for (let i = 0; i < dimensions; i++) sum[i]! /= norm;
	return sum;
}

/**
 * A section's meaning, made as a query's is (queryVector): the weighted mean of its words' vectors
 * from the same table, quantized. Alike on both sides, a reader's words and a section's meet in one
 * space; the sentence encoder's own vectors of a section's sentences, compared with the word mean of
 * a query, ranked worse on every development query set. All zeros when no word is known.
 */
export function textMeaning(words: string[], table: Map<string, WordEntry>): Int8Array {
	const mean = queryVector(words.flatMap((w) => table.get(w) ?? []));
	return mean ? quantize(mean) : new Int8Array(DIMENSIONS);
}

/** A text's words as the table holds them: lower case letters, two or more. */
export const wordsOf = (text: string) =>
	text
		.split(/[\s/–—-]+/)
		.map(normalize)
		.filter((w) => w.length >= 2 && /^\p{L}+$/u.test(w));

/** Cosine similarity of the query with each section (section vectors are unit length × 127). */
export function similarities(query: Float32Array, vectors: Int8Array, dimensions = DIMENSIONS): Float32Array {
	const n = vectors.length / dimensions;
	const out = new Float32Array(n);
	for (let s = 0; s < n; s++) {
		let dot = 0;
		for (let i = 0; i < dimensions; i++) dot += query[i]! * vectors[s * dimensions + i]!;
		out[s] = dot / 127;
	}
	return out;
}
