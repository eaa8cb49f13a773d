/**
 * What a revision may point at: every published page and its sections. Section ids come from
 * rendering each page (src/site/page-headings.ts), the same processing that writes the page's
 * ids, never from slugging the source again; glossary terms, figures and topics come from their
 * data. A revision naming a page or anchor that does not exist fails the build when /changes/ is
 * rendered (ChangeLog.astro), naming the entry; the staged build is then never swapped in.
 */
import { getCollection } from 'astro:content';
import { dataOf } from '../data/collections.ts';
import { pageHeadings } from '../site/page-headings.ts';
import type { SitePage, SiteSection } from './targets.ts';
import { pagePath } from '../site/links.ts';

let cached: Promise<Map<string, SitePage>> | undefined;

/** Every published page and its sections (cached per build: every page calls it while rendering). */
export function siteSections(): Promise<Map<string, SitePage>> {
	// In `astro dev` pages change between requests, so only a build may keep the answer.
	if (import.meta.env.DEV) return readSiteSections();
	cached ??= readSiteSections();
	return cached;
}

async function readSiteSections(): Promise<Map<string, SitePage>> {
	const pages = new Map<string, SitePage>();
	const entries = (await getCollection('docs'))
		.filter((e) => !e.data.draft && e.id !== '404')
		.sort((a, b) => a.id.localeCompare(b.id));
	for (const entry of entries) {
		const headings = (await pageHeadings(entry)).filter((h) => h.depth === 2);
		const sections = new Map<string, SiteSection>([
			['_top', { title: 'Opening paragraph', kind: 'opening' }],
			...headings.map((h): [string, SiteSection] => [h.id, { title: h.text, kind: 'heading' }]),
		]);
		pages.set(pagePath(entry.id), { title: entry.data.title, sections });
	}
	// Entries a component draws as sections of their page.
	const drawn = {
		'/glossary/': (await dataOf('glossary')).map((t) => ({ id: t.id, title: t.term })),
		'/figures/': (await dataOf('figures')).map((f) => ({ id: f.id, title: `${f.value}: ${f.label}` })),
		'/topics/': (await dataOf('topics')).map((t) => ({ id: t.id, title: t.label })),
	};
	for (const [page, items] of Object.entries(drawn))
		for (const { id, title } of items) pages.get(page)?.sections.set(id, { title, kind: 'entry' });
	return pages;
}
