/**
 * What a revision may point at, and the check that each one does: a page and a section the built
 * site has. The site's pages and sections are read in site-sections.ts.
 */
import { dataFiles, type Revision } from '../data/data.ts';
export interface SiteSection {
	title: string;
	/** 'opening': the page's first paragraph (`#_top`, Starlight's id on the page title);
	 *  'heading': an h2 written in the page's MDX (its note is placed after the section's content);
	 *  'entry': an item a component draws (glossary term, figure, topic), which places its own note. */
	kind: 'opening' | 'heading' | 'entry';
}
export interface SitePage {
	title: string;
	sections: Map<string, SiteSection>;
}

const entryName = (r: Revision, i: number) =>
	`${dataFiles.revisions}:${r.line}: entry ${i + 1} (${r.date}, ${r.page}#${r.section})`;
const noPage = (r: Revision, i: number, pages: Iterable<string>) =>
	`${entryName(r, i)}: there is no page ${r.page}. Pages: ${[...pages].sort().join(', ')}`;

/** One message per revision whose page or section does not exist, naming the entry and its line. */
export function checkRevisionTargets(revisions: readonly Revision[], pages: Map<string, SitePage>): string[] {
	return revisions.flatMap((r, i) => {
		const page = pages.get(r.page);
		if (!page) return [noPage(r, i, pages.keys())];
		if (page.sections.has(r.section)) return [];
		const known = [...page.sections.keys()];
		return [
			`${entryName(r, i)}: ${r.page} has no section #${r.section}. ` +
				(known.length ? `Its sections: ${known.join(', ')}` : 'It has no sections; pick another page.'),
		];
	});
}

/** Before rendering, only pages can be checked (section ids come from rendering): one message per revision of a missing page. */
export function checkRevisionPages(revisions: readonly Revision[], pages: readonly string[]): string[] {
	return revisions.flatMap((r, i) => (pages.includes(r.page) ? [] : [noPage(r, i, pages)]));
}
