/**
 * The built pages as the steps see them: their elements found by an HTML parser (htmlparser2),
 * each with its place in the page's text, and edits made at those places. A step changes only the
 * bytes it means to; everything else stays exactly as Astro wrote it.
 */
import { Parser } from 'htmlparser2';

export interface HtmlElement {
	/** Lower-case tag name. */
	name: string;
	/** Attributes, entities decoded. */
	attrs: Record<string, string>;
	/** Where the start tag begins. */
	start: number;
	/** Just after the end tag (or the start tag, for a void element). */
	end: number;
	/** The content: just after the start tag, and where the end tag begins. */
	innerStart: number;
	innerEnd: number;
	/** Names of the open elements around it, outermost first. */
	ancestors: string[];
}

/** Every element of the page, in document order. */
export function htmlElements(html: string): HtmlElement[] {
	const all: HtmlElement[] = [];
	const open: HtmlElement[] = [];
	const parser = new Parser(
		{
			onopentag(name, attrs) {
				const element = {
					name,
					attrs,
					start: parser.startIndex,
					end: parser.endIndex + 1,
					innerStart: parser.endIndex + 1,
					innerEnd: parser.endIndex + 1,
					ancestors: open.map((e) => e.name),
				};
				all.push(element);
				open.push(element);
			},
			onclosetag(name, implied) {
				const element = open.pop()!;
				if (element.name !== name) throw new Error(`HTML parser: </${name}> closes <${element.name}>`);
				if (!implied) {
					element.innerEnd = parser.startIndex;
					element.end = parser.endIndex + 1;
				} else if (parser.startIndex >= element.innerStart) {
					// Closed by what follows (a void element has no content and stays as it is).
					element.innerEnd = element.end = parser.startIndex;
				}
			},
		},
		{ lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
	);
	parser.end(html);
	return all;
}

/** Elements with these classes (all of them) in their class attribute. */
export const hasClass = (element: HtmlElement, ...names: string[]) => {
	const classes = (element.attrs.class ?? '').split(/\s+/);
	return names.every((n) => classes.includes(n));
};

/** A node of the trees satteri's htmlToHast returns, as far as the site's checks read them. */
export interface HastNode {
	type: string;
	tagName?: string;
	properties?: Record<string, unknown>;
	children?: HastNode[];
	value?: string;
}

export interface HtmlEdit {
	start: number;
	end: number;
	text: string;
}

/** The page with each range replaced by its text (ranges may not overlap; an insert has start = end). */
export function editHtml(html: string, edits: HtmlEdit[]): string {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	let out = '';
	let at = 0;
	for (const { start, end, text } of sorted) {
		if (start < at) throw new Error(`overlapping HTML edits at ${start}`);
		out += html.slice(at, start) + text;
		at = end;
	}
	return out + html.slice(at);
}

/** Inserts `text` just before `</head>`. */
export function beforeHeadEnd(html: string, elements: HtmlElement[], text: string): string {
	const head = elements.find((e) => e.name === 'head');
	if (!head) throw new Error('the page has no <head>');
	return editHtml(html, [{ start: head.innerEnd, end: head.innerEnd, text }]);
}
