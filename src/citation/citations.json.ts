/**
 * /citations.json: every page's and section's citation (citation-items.ts), rendered in each style
 * (render.ts), fetched only when a reader asks to cite. Rendered citations are kept in the build
 * cache: citation-js is loaded, in a worker, only when an item has changed.
 */
import { Worker } from 'node:worker_threads';
import type { APIRoute } from 'astro';
import { Cache } from '../build/cache.ts';
import { dataOf } from '../data/collections.ts';
import { absoluteUrl } from '../site/links.ts';
import { fromRoot } from '../site/paths.ts';
import { SITE_NAME } from '../config/site-name.ts';
import { siteSections } from '../revisions/site-sections.ts';
import type { CitationTexts } from './accessed.ts';
import { citationItems, type Citation, type CslItem } from './citation-items.ts';
import { CSL_FILES, STYLE_GROUPS, TEXT_STYLES, type TextStyle } from './citation-styles.ts';

const rendered = new Cache<CitationTexts>({
	name: 'citations',
	code: [
		'src/citation/render.ts',
		'src/citation/render-worker.ts',
		'src/citation/accessed.ts',
		'src/citation/citation-styles.ts',
		...Object.values(CSL_FILES),
	],
	check: (texts) =>
		TEXT_STYLES.every((style) => Array.isArray(texts[style]) && texts[style].every((part) => typeof part === 'string'))
			? undefined
			: 'not a citation in each style',
});

/** Renders `items` in `styles` in a worker thread (render-worker.ts); rejects with the worker's error. */
function renderApart(items: CslItem[], styles: readonly TextStyle[]): Promise<Partial<CitationTexts>[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(fromRoot('src/citation/render-worker.ts'), { workerData: { items, styles } });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`citations: the rendering worker stopped (exit code ${code})`)));
	});
}

/** `items` in every text style: each group of styles in a worker of its own, the groups side by side. */
async function renderAll(items: CslItem[]): Promise<CitationTexts[]> {
	const groups = await Promise.all(STYLE_GROUPS.map((styles) => renderApart(items, styles)));
	return items.map((_, i) => {
		const texts: Partial<CitationTexts> = Object.assign({}, ...groups.map((group) => group[i]));
		return Object.fromEntries(TEXT_STYLES.map((style) => [style, texts[style]])) as CitationTexts;
	});
}

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
	const revisions = await dataOf('revisions');
	const items = citationItems(await siteSections(), revisions, {
		name: SITE_NAME,
		url: (path) => absoluteUrl(path, site),
	});
	const cacheKey = (item: CslItem) => rendered.key([JSON.stringify(item)]);
	const missing = Object.values(items).filter((item) => !rendered.get(cacheKey(item)));
	if (missing.length) (await renderAll(missing)).forEach((text, i) => rendered.set(cacheKey(missing[i]!), text));
	const citations: Record<string, Citation> = {};
	for (const [key, item] of Object.entries(items)) citations[key] = { item, text: rendered.get(cacheKey(item))! };
	return new Response(JSON.stringify(citations), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
