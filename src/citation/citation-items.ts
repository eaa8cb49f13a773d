/**
 * One CSL-JSON item per page and per h2 section, rendered in each style at build time into
 * /citations.json (citations.json.ts); the "Cite" dialog (cite-dialog.ts) adds the access date.
 * The article itself names no author, title or date, so every item cites this site and says, in
 * its note, which article the site explains.
 */
import type { Revision } from '../revisions/revisions.ts';
import type { SitePage } from '../revisions/targets.ts';
import type { SiteInfo } from '../site/links.ts';
import type { CitationTexts } from './accessed.ts';

export interface CslDate {
	'date-parts': [[number, number, number]];
}

export interface CslItem {
	id: string;
	/** The BibTeX key: the id in the letters, digits and underscores BibTeX keys allow. */
	'citation-key': string;
	type: 'webpage';
	title: string;
	'container-title': string;
	URL: string;
	note: string;
	language: 'en';
	/** The section's latest revision (the page's, for the whole page); absent when never revised. */
	issued?: CslDate;
	accessed?: CslDate;
}

/** What /citations.json holds for a page or a section: its item, and that item in each text style. */
export interface Citation {
	item: CslItem;
	text: CitationTexts;
}

/** The key of a page's item, or of one of its sections: '/aws/' or '/aws/#the-core-of-the-strategy'. */
export const citationKey = (page: string, section?: string) => (section ? `${page}#${section}` : page);

const cslDate = (iso: string): CslDate => {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return { 'date-parts': [[y, m, d]] };
};

const latest = (dates: string[]) => dates.reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);

export function citationItems(
	pages: ReadonlyMap<string, SitePage>,
	revisions: readonly Revision[],
	site: SiteInfo,
): Record<string, CslItem> {
	const items: Record<string, CslItem> = {};
	const note = `An explainer of an untitled article, with no named author or date, on Amazon's reported plan to put $200 billion into AI by 2026. The article's full text: ${site.url('/source/')}`;
	for (const [page, { title, sections }] of pages) {
		const onPage = revisions.filter((r) => r.page === page);
		const slug = page.replace(/^\/|\/$/g, '') || 'overview';
		const item = (id: string, itemTitle: string, hash: string, date: string | undefined): CslItem => ({
			id,
			'citation-key': id.replace(/[^A-Za-z0-9]+/g, '_'),
			type: 'webpage',
			title: itemTitle,
			'container-title': site.name,
			URL: site.url(page) + hash,
			note,
			language: 'en',
			...(date ? { issued: cslDate(date) } : {}),
		});
		items[citationKey(page)] = item(slug, title, '', latest(onPage.map((r) => r.date)));
		for (const [id, section] of sections) {
			if (section.kind !== 'heading') continue;
			const date = latest(onPage.filter((r) => r.section === id).map((r) => r.date));
			items[citationKey(page, id)] = item(`${slug}-${id}`, `${title}: ${section.title}`, `#${id}`, date);
		}
	}
	return items;
}
