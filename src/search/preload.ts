/**
 * What the first search needs, fetched at once when the reader shows intent.
 *
 * Pagefind loads in a chain: its script, then `pagefind-entry.json`, then the index metadata and
 * WebAssembly, then (at the first query) index chunks, then result fragments: four or five round
 * trips before a first result. After Pagefind has indexed the site, this writes
 * `search-preload.json`: every file of that chain (a small site has a few dozen, ~100 KB
 * compressed) plus the spelling vocabulary and the sections' meaning vectors, and a tag that pins
 * the entry file's URL (Pagefind's `metaCacheTag`; without it Pagefind adds a timestamp, so no
 * fetch could be reused). pagefind-start.ts reads it beside Pagefind's script and preloads all of
 * it in parallel, so the chain then runs from memory.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PostBuildStep } from '../build/pipeline.ts';
import { MEANING_DIR } from './meaning/format.ts';
import { VOCABULARY_FILE } from './vocabulary.ts';

export interface SearchPreload {
	/** Pagefind's `metaCacheTag`: the entry file is fetched as `pagefind-entry.json?ts=<tag>`. */
	tag: string;
	/** Paths relative to the site's base, in the order Pagefind needs them. */
	files: string[];
}

interface PagefindEntry {
	languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** The list of files the first search needs, vocabulary and meaning vectors included. */
export const searchPreloadStep: PostBuildStep = {
	name: 'search-preload',
	phase: 'pagefind',
	after: ['search-vocabulary', 'search-meaning'],
	run: ({ dir, logger }) => {
		const pagefind = join(dir, 'pagefind');
		const entryText = readFileSync(join(pagefind, 'pagefind-entry.json'), 'utf8');
		const entry = JSON.parse(entryText) as PagefindEntry;
		// Content-derived, so an unchanged index keeps its cached entry file and a changed one does not.
		const tag = createHash('sha256').update(entryText).digest('hex').slice(0, 12);
		const files = [`pagefind/pagefind-entry.json?ts=${tag}`];
		for (const language of Object.values(entry.languages)) {
			files.push(`pagefind/pagefind.${language.hash}.pf_meta`, `pagefind/wasm.${language.wasm ?? 'unknown'}.pagefind`);
		}
		for (const sub of ['index', 'filter', 'fragment']) {
			if (!existsSync(join(pagefind, sub))) continue;
			for (const file of readdirSync(join(pagefind, sub)).sort()) files.push(`pagefind/${sub}/${file}`);
		}
		for (const extra of [VOCABULARY_FILE, `${MEANING_DIR}/sections.json`])
			if (existsSync(join(dir, extra))) files.push(extra);
		for (const file of files) {
			const path = join(dir, file.replace(/\?.*$/, ''));
			if (!existsSync(path)) throw new Error(`search preload: ${path} is missing (has Pagefind's output changed?)`);
		}
		writeFileSync(join(dir, 'search-preload.json'), JSON.stringify({ tag, files } satisfies SearchPreload));
		logger.info(`search: ${files.length} files preloaded when a reader reaches for search`);
	},
};
