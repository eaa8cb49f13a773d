/**
 * Fetching Pagefind, started once per page, by whichever comes first: the search button's loader
 * (search-loader.ts, on the reader's intent) or the dialog (search-ui.ts). Beside Pagefind's script
 * it reads the list of files the first search needs (written after Pagefind by preload.ts) and
 * preloads them all at once, so Pagefind's chain of fetches (entry, metadata and WebAssembly, index
 * chunks, fragments) is then served from memory instead of taking a round trip each.
 */
import { HIGHLIGHT_PARAM } from './highlight-param.ts';
import type { PageData } from './rank.ts';
import type { SearchPreload } from './preload.ts';
import { withBase } from '../site/links.ts';

export interface PagefindResult {
	id: string;
	score: number;
	data: () => Promise<PageData>;
}
export interface Pagefind {
	options: (o: Record<string, unknown>) => Promise<void>;
	init: () => Promise<void>;
	preload: (term: string, o?: Record<string, unknown>) => Promise<void>;
	search: (term: string | null, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}

/**
 * One word per letter and digit: Pagefind has no call that loads its whole index, and its index
 * chunks split the vocabulary alphabetically, so preloading these asks for every chunk (two small
 * files here). The first keystroke's search then finds them decoded and loaded.
 */
const EVERY_CHUNK = [...'abcdefghijklmnopqrstuvwxyz0123456789'].join(' ');

let started: Promise<Pagefind> | undefined;

/** Resolves once Pagefind is configured; its WebAssembly and index go on loading in the background. */
export function startPagefind() {
	started ??= (async () => {
		const root = withBase('');
		const tag = preloadSearchFiles(root);
		const pagefind = (await import(/* @vite-ignore */ `${root}/pagefind/pagefind.js`)) as Pagefind;
		const metaCacheTag = await tag;
		await pagefind.options({
			baseUrl: withBase('/'),
			excerptLength: 24,
			highlightParam: HIGHLIGHT_PARAM,
			// On the main thread: a worker adds a message round trip per call, and this index is small.
			noWorker: true,
			// The preloaded entry file's URL; without a tag Pagefind adds a timestamp.
			...(metaCacheTag ? { metaCacheTag } : {}),
		});
		await pagefind.init();
		// Pagefind's search waits for its WebAssembly in 50 ms steps; a search that starts now, while
		// the reader moves to the box, takes that wait and the index's decoding off the first keystroke.
		void pagefind.preload(EVERY_CHUNK).catch(() => undefined);
		return pagefind;
	})();
	return started;
}

/**
 * Preloads what the first search needs (written at build time by preload.ts); resolves to the tag
 * that pins Pagefind's entry file URL, or undefined when the list cannot be had (search then loads
 * as Pagefind does by itself).
 */
async function preloadSearchFiles(root: string): Promise<string | undefined> {
	try {
		const response = await fetch(`${root}/search-preload.json`);
		if (!response.ok) return undefined;
		const { tag, files } = (await response.json()) as SearchPreload;
		for (const file of files) {
			const link = document.createElement('link');
			link.rel = 'preload';
			// Matched by Pagefind's own fetch() calls (same URL, same CORS mode), whatever the host's caching.
			link.as = 'fetch';
			link.crossOrigin = 'anonymous';
			link.href = `${root}/${file}`;
			document.head.append(link);
		}
		return tag;
	} catch {
		return undefined;
	}
}
