/**
 * What the source of an MDX page says about its h2/h3 headings that rendering does not: the line
 * each is on and the first paragraph of prose under it. Heading ids are not worked out here: they
 * come from rendering the page (page-headings.ts), the same processing that writes them.
 */
import { pinnedIdInSource } from './pinned-ids.ts';

export interface SourceHeading {
	depth: number;
	/** The heading's words as written (pinned-id comment removed), as plain text. */
	text: string;
	/** Offset of the heading line in the body. */
	index: number;
	/** Line in the file (1-based), counting `lineOffset` lines before the body. */
	line: number;
	/** The first paragraph of prose under the heading, as plain text (for previews). */
	lead: string;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*$/gm;

/** Markdown/MDX inline markup to plain text: links keep their words, emphasis and code lose marks. */
function plainText(markdown: string): string {
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
	// A glossary term sits inside a sentence: its words are the sentence's, as the page shows them.
	const withoutFences = section.replace(/```[\s\S]*?```/g, '').replace(/<Term\b[^>]*>([\s\S]*?)<\/Term>/g, '$1');
	const withoutComponents = withoutFences.replace(/<([A-Z]\w*)[\s\S]*?<\/\1>/g, '');
	for (const block of withoutComponents.split(/\n\s*\n/)) {
		const text = block.trim();
		if (!text || /^[<#>|\-*\d:]/.test(text) || text.startsWith('import ')) continue;
		return plainText(text);
	}
	return '';
}

/** h2/h3 headings written as Markdown, outside code fences, in order. */
export function sourceHeadings(body: string, lineOffset = 0): SourceHeading[] {
	// Blank out fenced code (keeping its length and lines) so a "## " inside it is not a heading.
	const masked = body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
	const matches = [...masked.matchAll(HEADING)];
	return matches.map((m, i) => {
		const pinned = pinnedIdInSource(m[2]!);
		const end = matches[i + 1]?.index ?? body.length;
		return {
			depth: m[1]!.length,
			text: plainText(pinned?.text ?? m[2]!),
			index: m.index,
			line: lineOffset + body.slice(0, m.index).split('\n').length,
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
