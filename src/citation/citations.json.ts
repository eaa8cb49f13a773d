/**
 * /citations.json: every page's and section's citation (citation-items.ts), rendered in each style
 * (render.ts), fetched only when a reader asks to cite. Rendered citations are kept in the build
 * cache: citation-js is loaded only when an item has changed.
 */
import type { APIRoute } from 'astro';
import { Cache } from '../build/cache.ts';
import { dataOf } from '../data/collections.ts';
import { absoluteUrl } from '../site/links.ts';
import { SITE_NAME } from '../config/site-name.ts';
import { siteSections } from '../revisions/site-sections.ts';
import type { CitationTexts } from './accessed.ts';
import { citationItems, type Citation } from './citation-items.ts';

const rendered = new Cache<CitationTexts>({
	name: 'citations',
	code: [
		'src/citation/render.ts',
		'src/citation/accessed.ts',
		'src/citation/styles/modern-language-association.csl',
		'src/citation/styles/chicago-notes-bibliography-access-dates.csl',
	],
	check: (texts) =>
		(['apa', 'mla', 'chicago', 'bibtex'] as const).every(
			(style) => Array.isArray(texts[style]) && texts[style].every((part) => typeof part === 'string'),
		)
			? undefined
			: 'not a citation in each style',
});

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
	const revisions = await dataOf('revisions');
	const items = citationItems(await siteSections(), revisions, {
		name: SITE_NAME,
		url: (path) => absoluteUrl(path, site),
	});
	let render: typeof import('./render.ts') | undefined;
	const citations: Record<string, Citation> = {};
	for (const [key, item] of Object.entries(items))
		citations[key] = {
			item,
			text: await rendered.memo([JSON.stringify(item)], async () =>
				(render ??= await import('./render.ts')).citationTexts(item),
			),
		};
	return new Response(JSON.stringify(citations), {
		headers: { 'Content-Type': 'application/json; charset=utf-8' },
	});
};
