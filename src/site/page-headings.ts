/**
 * A page's h2/h3 sections with the ids the page really has. The ids come from rendering the entry
 * (`render(entry).headings`: the same processing that writes the page's `id` attributes and its
 * table of contents, pinned ids included), never from slugging the source a second time. The
 * source is only read for what rendering does not give: each heading's line (for errors) and the
 * first paragraph under it (for previews), matched to the rendered headings in order.
 *
 * Every id becomes a URL fragment, a share page folder (/share/<page>/<id>/) and an image file
 * (/og/<page>/<id>.png), so an id that would be empty or too long for a file name fails the build
 * here, naming the file and line.
 */
import { readFileSync } from 'node:fs';
import { render, type CollectionEntry } from 'astro:content';
import { fromRoot } from './paths.ts';
import { sourceHeadings } from './headings.ts';
import { SiteError } from './errors.ts';

export interface PageHeading {
	depth: number;
	id: string;
	/** The heading as a reader sees it (plain text). */
	text: string;
	/** Line of the heading in the page's source file. */
	line: number;
	/** First paragraph of prose under the heading, plain text ('' if none). */
	lead: string;
}

/** Longest id, in UTF-8 bytes: it is a folder name and, with ".png", a file name (limit 255). */
const MAX_ID_BYTES = 100;

export const sourceFile = (entry: CollectionEntry<'docs'>) => entry.filePath ?? `content/docs/${entry.id}.mdx`;

const cache = new Map<string, Promise<PageHeading[]>>();

export function pageHeadings(entry: CollectionEntry<'docs'>): Promise<PageHeading[]> {
	const key = `${entry.id}\0${entry.digest ?? entry.body ?? ''}`;
	if (!cache.has(key)) cache.set(key, readHeadings(entry));
	return cache.get(key)!;
}

async function readHeadings(entry: CollectionEntry<'docs'>): Promise<PageHeading[]> {
	const file = sourceFile(entry);
	const rendered = (await render(entry)).headings.filter((h) => h.depth === 2 || h.depth === 3);
	const source = sourceHeadings(entry.body ?? '', bodyLineOffset(entry));
	if (source.length !== rendered.length) {
		throw new SiteError(`found ${source.length} h2/h3 headings in the source but the page has ${rendered.length}.`, {
			file,
			hint: 'Write section headings as Markdown (## Heading), not as HTML or components.',
		});
	}
	const seen = new Map<string, { text: string; line: number }>();
	return rendered.map((h, i) => {
		const at = { file, line: source[i]!.line };
		const text = h.text.trim();
		if (!h.slug) {
			throw new SiteError(
				`the heading "${text}" gets an empty anchor id (it has no letters or digits), so its link, share page and preview image would have no name.`,
				{ ...at, hint: `Add a word to it, or pin an id: ## ${text} {/* #my-section */}` },
			);
		}
		const bytes = Buffer.byteLength(h.slug);
		if (bytes > MAX_ID_BYTES) {
			throw new SiteError(
				`the heading "${text.slice(0, 60)}…" gets an anchor id of ${bytes} bytes; the longest allowed is ${MAX_ID_BYTES}, because it names the section's share page folder and preview image file.`,
				{ ...at, hint: 'Shorten the heading, or pin a shorter id: {/* #short-id */}' },
			);
		}
		const other = seen.get(h.slug);
		if (other) {
			throw new SiteError(
				`duplicate id "${h.slug}": the heading "${text}" gets the same id as "${other.text}" on line ${other.line}, so one link would lead to two places.`,
				{ ...at, hint: 'Reword one, or pin another id: {/* #other-id */}' },
			);
		}
		seen.set(h.slug, { text, line: source[i]!.line });
		return { depth: h.depth, id: h.slug, text, line: source[i]!.line, lead: source[i]!.lead };
	});
}

/** Lines before the body (the frontmatter), so source lines count from the top of the file. */
function bodyLineOffset(entry: CollectionEntry<'docs'>): number {
	const body = entry.body ?? '';
	try {
		const raw = readFileSync(fromRoot(sourceFile(entry)), 'utf8').replace(/\r\n?/g, '\n');
		const at = raw.indexOf(body);
		return at > 0 ? raw.slice(0, at).split('\n').length - 1 : 0;
	} catch {
		return 0;
	}
}
