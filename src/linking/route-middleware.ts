/**
 * Starlight route middleware: adds what link previews need on every page (Starlight already sets
 * og:title, og:description, og:url and the twitter card): the page's own og:image, and JSON-LD
 * (Article + BreadcrumbList) so search engines understand what the page is.
 *
 * It also makes the head safe for what authors write: Starlight renders each head entry's content
 * as raw HTML, so the <title> (from the page's `title`) is escaped here, and a page's frontmatter
 * `head:` may only add <meta> and <link> entries (a script there would run outside the policy).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { absoluteUrl, pagePath, withBase } from '../site/links.ts';
import { loadRedirects } from './anchors.ts';
import { imagePath, pageSlug } from './sections.ts';
import { escapeHtml, jsonForScript } from '../site/escape.ts';
import { contentCheckState } from '../article/check-content.ts';
import { FEED_PATH, FEED_TITLE } from '../feed/corrections-feed.ts';
import { twinPath } from '../twins/twin-path.ts';
import { SiteError } from '../site/errors.ts';
import { SITE_NAME as siteName } from '../config/site-name.ts';

export const onRequest = defineRouteMiddleware((context) => {
	// `npm run dev`: while a content check fails, every page shows it in the error overlay.
	if (import.meta.env.DEV) {
		const { error } = contentCheckState();
		if (error) throw error;
	}
	const route = context.locals.starlightRoute;
	const site = context.site;
	for (const extra of route.entry.data.head ?? []) {
		if (extra.tag !== 'meta' && extra.tag !== 'link') {
			throw new SiteError(`frontmatter head: may only add <meta> and <link> entries, not <${extra.tag}>.`, {
				file: route.entry.filePath ?? route.entry.id,
				hint: 'Scripts and styles belong in components under src/.',
			});
		}
	}
	for (const entry of route.head) {
		if (entry.tag !== 'title' || !entry.content) continue;
		// The overview is titled with the site's name: "Name | Name" would say it twice.
		const own = route.entry.data.title;
		entry.content = escapeHtml(own === siteName ? own : entry.content);
	}
	if (!site || route.entry.id === '404') return;
	const abs = (path: string) => absoluteUrl(path, site);
	const page = pageSlug(route.entry);
	const path = pagePath(route.entry.id);
	const url = abs(path);
	const image = abs(imagePath(page));
	const { title, description } = route.entry.data;
	route.head.push(
		// Feed autodiscovery: a reader's feed app finds the corrections from any page.
		{
			tag: 'link',
			attrs: {
				rel: 'alternate',
				type: 'application/rss+xml',
				title: `${siteName}: ${FEED_TITLE}`,
				href: abs(FEED_PATH),
			},
		},
		{ tag: 'meta', attrs: { property: 'og:image', content: image } },
		{ tag: 'meta', attrs: { property: 'og:image:width', content: '1200' } },
		{ tag: 'meta', attrs: { property: 'og:image:height', content: '630' } },
		{ tag: 'meta', attrs: { property: 'og:image:alt', content: `${title}: ${description ?? siteName}` } },
		{ tag: 'meta', attrs: { name: 'twitter:image', content: image } },
		// The page's text as Markdown (src/twins), for readers and tools that paste it elsewhere.
		{ tag: 'link', attrs: { rel: 'alternate', type: 'text/markdown', href: abs(twinPath(path)) } },
	);
	const crumbs = [{ name: siteName, url: abs('/') }, ...(page ? [{ name: title, url }] : [])];
	const jsonLd = [
		{
			'@context': 'https://schema.org',
			'@type': 'Article',
			headline: title,
			description,
			url,
			image,
			inLanguage: 'en',
			isPartOf: { '@type': 'WebSite', name: siteName, url: abs('/') },
			...(route.lastUpdated ? { dateModified: route.lastUpdated.toISOString() } : {}),
		},
		{
			'@context': 'https://schema.org',
			'@type': 'BreadcrumbList',
			itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
		},
	];
	// Old #anchors of this page that moved: anchor-redirects.ts sends readers on (see content/redirects.yaml).
	const moved = Object.fromEntries(
		Object.entries(loadRedirects().anchors)
			.filter(([from]) => from.startsWith(`${path}#`))
			.map(([from, to]) => [from.slice(path.length + 1), withBase(to)]),
	);
	if (Object.keys(moved).length) {
		route.head.push({
			tag: 'script',
			attrs: { type: 'application/json', id: 'anchor-redirects' },
			content: jsonForScript(moved),
		});
	}
	route.head.push({
		tag: 'script',
		attrs: { type: 'application/ld+json' },
		content: jsonForScript(jsonLd),
	});
});
