/** /citations.json: every page's and section's citation data (citation-items.ts), fetched only when a reader asks to cite. */
import type { APIRoute } from 'astro';
import { dataOf } from '../data/collections.ts';
import { absoluteUrl } from '../site/links.ts';
import { SITE_NAME } from '../config/site-name.ts';
import { siteSections } from '../revisions/site-sections.ts';
import { citationItems } from './citation-items.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
	const revisions = await dataOf('revisions');
	const items = citationItems(await siteSections(), revisions, {
		name: SITE_NAME,
		url: (path) => absoluteUrl(path, site),
	});
	return new Response(JSON.stringify(items), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
