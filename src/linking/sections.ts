/**
 * Every page and every h2 section of the site as link-preview data: title, one-line summary and
 * URLs for the page, its share page and its preview image. Read from the content collection, so
 * routes for images and share pages come from the same data as the pages themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { shorten, smartQuotes } from '../site/headings.ts';
import { pageHeadings, sourceFile } from '../site/page-headings.ts';
import { SiteError } from '../site/errors.ts';
import { pagePath } from '../site/links.ts';

export interface PreviewTarget {
	/** Page slug as used in URLs ('' for the overview). */
	page: string;
	/** h2 id, or undefined for the page itself. */
	section?: string;
	title: string;
	summary: string;
	/** Title of the page a section belongs to (the image's small line). */
	pageTitle: string;
	/** Site path of the page or section, without base: '/aws/' or '/aws/#faster-hardware'. */
	path: string;
	/** Site path of the preview image, without base. */
	image: string;
}

const SUMMARY_MAX = 180;

export const pageSlug = (entry: { id: string }) => (entry.id === 'index' ? '' : entry.id);
export const imagePath = (page: string, section?: string) =>
	`/og/${page || 'index'}${section ? `/${section}` : ''}.png`;
export const sharePath = (page: string, section: string) => `/share/${page || 'index'}/${section}/`;

function pageTarget(entry: CollectionEntry<'docs'>): PreviewTarget {
	const page = pageSlug(entry);
	return {
		page,
		title: smartQuotes(entry.data.title),
		summary: shorten(smartQuotes(entry.data.summary ?? entry.data.description ?? ''), SUMMARY_MAX),
		pageTitle: entry.data.title,
		path: pagePath(entry.id),
		image: imagePath(page),
	};
}

/** h2 sections of a page that get their own share page and image, with the page's own ids and where each is written. */
async function sectionTargets(entry: CollectionEntry<'docs'>) {
	const page = pageSlug(entry);
	const parent = pageTarget(entry);
	return (await pageHeadings(entry))
		.filter((h) => h.depth === 2)
		.map((h) => ({
			page,
			section: h.id,
			title: smartQuotes(h.text),
			// A lead that introduces a list ends in a colon; as a standalone summary it ends the sentence.
			summary: shorten(smartQuotes((h.lead || parent.summary).replace(/:$/, '.')), SUMMARY_MAX),
			pageTitle: parent.title,
			path: `${parent.path}#${h.id}`,
			image: imagePath(page, h.id),
			file: sourceFile(entry),
			line: h.line,
		}));
}

/**
 * Every preview image and share page, each with a file of its own: a section whose id would give
 * it the same image or share path as a page (a page aws/chips and a section #chips of /aws/) fails
 * the build, naming the heading, instead of one file silently overwriting the other.
 */
export async function allPreviewTargets(): Promise<{ pages: PreviewTarget[]; sections: PreviewTarget[] }> {
	const entries = (await getCollection('docs')).filter((e) => e.id !== '404' && !e.data.draft);
	const pages = entries.map(pageTarget);
	const sections = (await Promise.all(entries.map(sectionTargets))).flat();
	const owners = new Map<string, string>();
	for (const page of pages) owners.set(page.image, `the page ${page.path}`);
	for (const { file, line, ...target } of sections) {
		for (const path of [target.image, sharePath(target.page, target.section!)]) {
			const owner = owners.get(path);
			if (owner) {
				throw new SiteError(
					`the heading "${target.title}" gets the id "${target.section}", so its ${path.startsWith('/og/') ? 'preview image' : 'share page'} ${path} would be the same file as ${owner}'s.`,
					{ file, line, hint: 'Reword the heading or pin another id: {/* #other-id */}' },
				);
			}
			owners.set(path, `the section ${target.path}`);
		}
	}
	return { pages, sections: sections.map(({ file: _file, line: _line, ...t }) => t) };
}
