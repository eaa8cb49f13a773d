/** /changes/rss.xml: the corrections feed (corrections-feed.ts), built from the same pages as /changes/. */
import type { APIRoute } from 'astro';
import { dataOf } from '../data/collections.ts';
import { absoluteUrl } from '../site/links.ts';
import { siteSections } from '../revisions/site-sections.ts';
import { SITE_NAME } from '../config/site-name.ts';
import { correctionsFeedXml } from './corrections-feed.ts';

export const prerender = true;

export const GET: APIRoute = async ({ site }) => {
	const pages = await siteSections();
	const xml = await correctionsFeedXml(
		await dataOf('revisions'),
		{ name: SITE_NAME, url: (path) => absoluteUrl(path, site) },
		// An entry naming a page or section that does not exist is reported, with its line, by the
		// revisions check after the build; the feed must not crash before that check can speak.
		(page, section) =>
			`${pages.get(page)?.title ?? page} › ${pages.get(page)?.sections.get(section)?.title ?? section}`,
	);
	return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
};
