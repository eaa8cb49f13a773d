/**
 * The sections the meaning index holds: exactly those the dialog ranks. They are read from
 * Pagefind's own fragments (the indexed text, furniture left out) and cut at the same headings
 * Pagefind's sub-results start at, so a section's address is the one a keyword result has.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { MeaningSection } from './format.ts';

const SIGNATURE = 'pagefind_dcd';
/** Words of a section's text shown when only its meaning matched. */
const EXCERPT_WORDS = 28;
/** Sentences of a section its meaning is made from: the opening says what a section is about. */
const SENTENCES = 16;

export interface Fragment {
	url: string;
	content: string;
	meta?: Record<string, string>;
	anchors?: { element: string; id: string; text: string; location: number }[];
}

export interface SectionText extends MeaningSection {
	/** What its meaning is made from: the page's title and the heading, then the section's first sentences. */
	sentences: string[];
}

export function readFragments(pagefindDir: string): Fragment[] {
	const dir = join(pagefindDir, 'fragment');
	return readdirSync(dir)
		.sort()
		.map((file) => {
			const data = gunzipSync(readFileSync(join(dir, file)));
			if (data.subarray(0, SIGNATURE.length).toString() !== SIGNATURE)
				throw new Error(`${join(dir, file)}: not a Pagefind fragment (has the Pagefind version changed its format?)`);
			return JSON.parse(data.subarray(SIGNATURE.length).toString('utf8')) as Fragment;
		});
}

/** Sections of every page, in a stable order (by address). */
export function sectionsOf(fragments: Fragment[], weightOf: (url: string) => number = () => 1): SectionText[] {
	const out: SectionText[] = [];
	for (const fragment of [...fragments].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) {
		const words = fragment.content.split(/\s+/).filter(Boolean);
		const page = fragment.meta?.title ?? fragment.url;
		const headings = (fragment.anchors ?? [])
			.filter((a) => /^h[1-6]$/.test(a.element) && a.id)
			.sort((a, b) => a.location - b.location);
		headings.forEach((heading, i) => {
			const end = headings[i + 1]?.location ?? words.length;
			const headingWords = heading.text.split(/\s+/).filter(Boolean).length;
			const body = words.slice(heading.location + headingWords, end);
			if (!body.length && heading.id === '_top') return;
			const title = heading.text.trim();
			const text = body.join(' ');
			const sentences = text
				.split(/(?<=[.!?])\s+(?=[A-Z“"‘(\d$])/)
				.map((s) => s.trim())
				.filter(Boolean)
				.slice(0, SENTENCES);
			out.push({
				url: heading.id === '_top' ? fragment.url : `${fragment.url}#${heading.id}`,
				title,
				page,
				weight: weightOf(fragment.url),
				excerpt: body.length > EXCERPT_WORDS ? `${body.slice(0, EXCERPT_WORDS).join(' ')} …` : text,
				// The page's subject is context for each of its sections ("Risks › Regulation").
				sentences: [
					title === page ? page : `${page}: ${title}`,
					...(heading.id === '_top' && fragment.meta?.description ? [fragment.meta.description] : []),
					...sentences,
				],
			});
		});
	}
	return out;
}
