/**
 * The meaning index in the reader's browser: the sections' vectors, fetched once when the reader
 * reaches for search, and the word table's shards, fetched per word as queries need them (each
 * shard once). No encoder runs here: a query's meaning is the weighted mean of its words' vectors,
 * which the build distilled from the encoder (word-table.ts).
 */
import { withBase } from '../../site/links.ts';
import {
	decodeShard,
	fromBase64,
	queryVector,
	shardOf,
	shardPath,
	similarities,
	type MeaningSection,
	type SectionsIndex,
	type WordEntry,
} from './format.ts';

export interface MeaningScores {
	sections: MeaningSection[];
	/** Cosine similarity of the query with each section, in `sections` order. */
	similarity: Float32Array;
}

interface Loaded {
	index: SectionsIndex;
	vectors: Int8Array;
}

export class MeaningIndex {
	#root = withBase('');
	#loaded?: Promise<Loaded | undefined>;
	#shards = new Map<number, Promise<Map<string, WordEntry> | undefined>>();

	/** Starts fetching the sections' vectors (safe to call often). Search works without them. */
	load(): Promise<Loaded | undefined> {
		this.#loaded ??= fetch(`${this.#root}/search-meaning/sections.json`)
			.then((r) => (r.ok ? (r.json() as Promise<SectionsIndex>) : undefined))
			.then((index) => (index ? { index, vectors: fromBase64(index.vectors) } : undefined))
			.catch(() => undefined);
		return this.#loaded;
	}

	/** The table's entries for these (normalized) words; words it does not have are absent. */
	async words(words: string[]): Promise<Map<string, WordEntry>> {
		const loaded = await this.load();
		const out = new Map<string, WordEntry>();
		if (!loaded) return out;
		const { version, shards, dimensions } = loaded.index;
		await Promise.all(
			[...new Set(words)].map(async (word) => {
				const shard = shardOf(word, shards);
				let entries = this.#shards.get(shard);
				if (!entries) {
					entries = fetch(`${this.#root}/${shardPath(shard)}?v=${version}`)
						.then((r) => (r.ok ? r.arrayBuffer() : undefined))
						.then((bytes) => (bytes ? decodeShard(new Uint8Array(bytes), dimensions) : undefined))
						.catch(() => undefined);
					this.#shards.set(shard, entries);
					// A failed fetch is tried again by the next query.
					void entries.then((e) => e || this.#shards.delete(shard));
				}
				const entry = (await entries)?.get(word);
				if (entry) out.set(word, entry);
			}),
		);
		return out;
	}

	/** How close each section is in meaning to these word entries; undefined when none is known. */
	async score(entries: WordEntry[]): Promise<MeaningScores | undefined> {
		const loaded = await this.load();
		const query = loaded && queryVector(entries, loaded.index.dimensions);
		if (!loaded || !query) return undefined;
		return {
			sections: loaded.index.sections,
			similarity: similarities(query, loaded.vectors, loaded.index.dimensions),
		};
	}
}
