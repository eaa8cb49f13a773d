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

/** One message per revision whose page or section does not exist, naming the entry and its line. */
export function checkRevisionTargets(
	revisions: readonly Revision[],
	pages: Map<string, SitePage>,
	file = dataFiles.revisions,
): string[] {
	const errors: string[] = [];
	revisions.forEach((r, i) => {
		const name = `${file}:${r.line}: entry ${i + 1} (${r.date}, ${r.page}#${r.section})`;
		const page = pages.get(r.page);
		if (!page) {
			errors.push(`${name}: there is no page ${r.page}. Pages: ${[...pages.keys()].sort().join(', ')}`);
		} else if (!page.sections.has(r.section)) {
			const known = [...page.sections.keys()];
			errors.push(
				`${name}: ${r.page} has no section #${r.section}. ` +
					(known.length ? `Its sections: ${known.join(', ')}` : 'It has no sections; pick another page.'),
			);
		}
	});
	return errors;
}

/** Before rendering, only pages can be checked (section ids come from rendering): one message per revision of a missing page. */
export function checkRevisionPages(
	revisions: readonly Revision[],
	pages: readonly string[],
	file = dataFiles.revisions,
): string[] {
	const known = new Set(pages);
	return revisions.flatMap((r, i) =>
		known.has(r.page)
			? []
			: [
					`${file}:${r.line}: entry ${i + 1} (${r.date}, ${r.page}#${r.section}): there is no page ${r.page}. Pages: ${[...known].sort().join(', ')}`,
				],
	);
}
