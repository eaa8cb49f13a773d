/**
 * Fetching Pagefind, started once per page, by whichever comes first: the search button's loader
 * (search-loader.ts, on the reader's intent) or the dialog (search-ui.ts). Beside Pagefind's script
 * it reads the list of files the first search needs (written after Pagefind by preload.ts) and
 * preloads them all at once, so Pagefind's chain of fetches (entry, metadata and WebAssembly, index
 * chunks, fragments) is then served from memory instead of taking a round trip each.
 */
import type { PageData } from './rank.ts';
import type { SearchPreload } from './preload.ts';

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

let started: Promise<{ pagefind: Pagefind; metaCacheTag: string | undefined }> | undefined;

/** `base` is the site's base path ("/" or "/explainer/"). */
export function startPagefind(base: string) {
	started ??= (async () => {
		const root = base.replace(/\/$/, '');
		const tag = preloadSearchFiles(root);
		const pagefind = (await import(/* @vite-ignore */ `${root}/pagefind/pagefind.js`)) as Pagefind;
		return { pagefind, metaCacheTag: await tag };
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
