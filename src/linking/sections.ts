/**
 * Every page and every h2 section of the site as link-preview data: title, one-line summary and
 * URLs for the page, its share page and its preview image. Read from the content collection, so
 * routes for images and share pages come from the same data as the pages themselves.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { headingsInMdx, shorten, smartQuotes } from './headings.ts';

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

export const pageSlug = (entry: CollectionEntry<'docs'>) => (entry.id === 'index' ? '' : entry.id);
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
		path: page ? `/${page}/` : '/',
		image: imagePath(page),
	};
}

/** h2 sections of a page that get their own share page and image. */
export function sectionTargets(entry: CollectionEntry<'docs'>): PreviewTarget[] {
	const page = pageSlug(entry);
	const parent = pageTarget(entry);
	return headingsInMdx(entry.body ?? '')
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
		}));
}

async function publishedEntries() {
	return (await getCollection('docs')).filter((e) => e.id !== '404' && !e.data.draft);
}

export async function allPreviewTargets(): Promise<{ pages: PreviewTarget[]; sections: PreviewTarget[] }> {
	const entries = await publishedEntries();
	return { pages: entries.map(pageTarget), sections: entries.flatMap(sectionTargets) };
}

export async function previewTargetFor(id: string): Promise<PreviewTarget | undefined> {
	const entry = (await publishedEntries()).find((e) => e.id === id);
	return entry && pageTarget(entry);
}
