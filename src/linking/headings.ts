/**
 * Headings of an MDX page read from its source, with the ids the built page gives them: a pinned
 * id (see pinned-ids.ts) wins, otherwise Starlight's slug of the heading text. Used where code needs
 * a page's sections before or without rendering it (the /source/ back-links, share pages, images).
 */
import GithubSlugger from 'github-slugger';
import { pinnedIdInSource } from './pinned-ids.ts';

export interface SourceHeading {
	depth: number;
	id: string;
	text: string;
	/** Offset of the heading line in the body. */
	index: number;
	/** The first paragraph of prose under the heading, as plain text (for previews). */
	lead: string;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*$/gm;

/** Markdown/MDX inline markup to plain text: links keep their words, emphasis and code lose marks. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[*_`]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The first block under a heading that is ordinary prose (not a component, list, quote, fence or table). */
function leadParagraph(section: string): string {
	const withoutFences = section.replace(/```[\s\S]*?```/g, '');
	const withoutComponents = withoutFences.replace(/<([A-Z]\w*)[\s\S]*?<\/\1>/g, '');
	for (const block of withoutComponents.split(/\n\s*\n/)) {
		const text = block.trim();
		if (!text || /^[<#>|\-*\d:]/.test(text) || text.startsWith('import ')) continue;
		return plainText(text);
	}
	return '';
}

export function headingsInMdx(body: string): SourceHeading[] {
	const slugger = new GithubSlugger();
	const matches = [...body.matchAll(HEADING)];
	return matches.map((m, i) => {
		const pinned = pinnedIdInSource(m[2]!);
		const text = plainText(pinned?.text ?? m[2]!);
		const end = matches[i + 1]?.index ?? body.length;
		return {
			depth: m[1]!.length,
			id: pinned?.id ?? slugger.slug(text),
			text,
			index: m.index,
			lead: leadParagraph(body.slice(m.index + m[0].length, end)),
		};
	});
}

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:.]$/, '')}…`;
}

/** Typographic quotes for text shown outside the page (previews), as the page itself shows them. */
export function smartQuotes(text: string): string {
	return text
		.replace(/(^|[\s(\[{—–-])"/g, '$1“')
		.replace(/"/g, '”')
		.replace(/(^|[\s(\[{—–-])'/g, '$1‘')
		.replace(/'/g, '’');
}
