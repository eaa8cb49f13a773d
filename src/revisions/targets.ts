/**
 * What a revision may point at: every published page and its sections, read from the same sources
 * the site is built from (page frontmatter and h2 headings, glossary terms, figures, topics), so a
 * revision naming a page or anchor that does not exist fails the build before any page is written.
 */
import { load as loadYaml } from 'js-yaml';
import { readPages, fileToPath } from '../article/check-content.ts';
import { loadFigures } from '../figures/figures.ts';
import { loadGlossary } from '../glossary/glossary.ts';
import { headingsInMdx } from '../linking/headings.ts';
import { loadTopics } from '../search/topics.ts';
import { revisionsFile, type Revision } from './revisions.ts';

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

const FRONTMATTER = /^---\n([\s\S]*?)\n---\n?/;

let cached: Map<string, SitePage> | undefined;

/** Every published page and its sections (cached: pages call it while rendering). */
export function siteSections(): Map<string, SitePage> {
	cached ??= readSiteSections();
	return cached;
}

function readSiteSections(): Map<string, SitePage> {
	const pages = new Map<string, SitePage>();
	for (const { file, source } of readPages()) {
		const match = FRONTMATTER.exec(source);
		const data = (match ? loadYaml(match[1]!) : {}) as { title?: string; draft?: boolean };
		if (data.draft || file.endsWith('/404.mdx')) continue;
		const body = match ? source.slice(match[0].length) : source;
		const sections = new Map<string, SiteSection>([
			['_top', { title: 'Opening paragraph', kind: 'opening' }],
			...headingsInMdx(body)
				.filter((h) => h.depth === 2)
				.map((h): [string, SiteSection] => [h.id, { title: h.text, kind: 'heading' }]),
		]);
		pages.set(fileToPath(file), { title: data.title ?? fileToPath(file), sections });
	}
	const addEntries = (page: string, entries: { id: string; title: string }[]) => {
		const target = pages.get(page);
		for (const e of entries) target?.sections.set(e.id, { title: e.title, kind: 'entry' });
	};
	addEntries(
		'/glossary/',
		loadGlossary().map((t) => ({ id: t.id, title: t.term })),
	);
	addEntries(
		'/figures/',
		loadFigures().map((f) => ({ id: f.id, title: `${f.value}: ${f.label}` })),
	);
	addEntries(
		'/topics/',
		loadTopics().map((t) => ({ id: t.id, title: t.label })),
	);
	return pages;
}

/** One message per revision whose page or section does not exist, naming the entry and its line. */
export function checkRevisionTargets(
	revisions: readonly Revision[],
	pages: Map<string, SitePage>,
	file = revisionsFile,
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
