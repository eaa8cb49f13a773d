/**
 * The Markdown twin of a page: the built page's own text (its title and main content, as rendered
 * HTML) turned into CommonMark, so there is no second copy of the text to drift from the page.
 * Headings keep their anchors as `{#id}`, quotes keep their paragraph links, a diagram becomes its
 * title, its description and its Mermaid source, glossary terms become plain words, boxes of outside
 * context say they are context, and every link is absolute.
 */
import type { Element, Root as HastRoot } from 'hast';
import type { BlockContent, Root as MdastRoot } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { matches, select, selectAll } from 'hast-util-select';
import { defaultHandlers, toMdast, type Handle, type State } from 'hast-util-to-mdast';
import { toString } from 'hast-util-to-string';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import { visit } from 'unist-util-visit';
import { SiteError } from '../site/errors.ts';

export interface TwinInput {
	/** The built page's HTML. */
	html: string;
	/** The page's absolute URL (links are resolved against it). */
	pageUrl: string;
	/** The ```mermaid fences of the page's source, in order: the nth diagram's source is the nth fence. */
	mermaidSources: readonly string[];
	/** For error messages: the page's source file. */
	file: string;
}

/** What readers of the page do not read as text: controls, hidden search words, heading link icons. */
const NOT_TEXT = [
	'[hidden]',
	'template',
	'style',
	'script',
	'button',
	'svg',
	'.sl-anchor-link',
	'.copy-link',
	'.sr-only',
	'.starlight-aside__icon',
].join(', ');

const text = (value: string) => ({ type: 'text' as const, value });
const flow = (state: State, node: Element) => state.toFlow(state.all(node)) as BlockContent[];

const handlers: Record<string, Handle> = {
	// `## Title {#id}`: the anchor a reader's link to the section uses.
	...Object.fromEntries(
		['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => [
			tag,
			(state: State, node: Element) => {
				const id = node.properties.id;
				const children = state.all(node);
				// The page title's `_top` is the page's own address, not a section's.
				if (typeof id === 'string' && id && tag !== 'h1') children.push(text(` {#${id}}`));
				return { type: 'heading', depth: Number(tag[1]) as 1 | 2 | 3 | 4 | 5 | 6, children } as never;
			},
		]),
	),
	a(state, node) {
		// A glossary term is a plain word in the twin (the glossary itself is a twin of its own).
		if (matches('.term', node)) return state.all(node) as never;
		return defaultHandlers.a(state, node);
	},
	figure(state, node) {
		if (matches('.diagram', node)) return diagram(node) as never;
		if (matches('.article-quote', node)) {
			const quote = select('blockquote', node);
			const caption = select('figcaption', node);
			return [
				...(quote ? [state.one(quote, node)] : []),
				...(caption ? [{ type: 'paragraph', children: [text('— '), ...state.all(caption)] }] : []),
			].flat() as never;
		}
		return flow(state, node) as never;
	},
	aside(state, node) {
		if (matches('.key-figure', node)) return keyFigure(state, node) as never;
		if (!matches('.starlight-aside', node)) return flow(state, node) as never;
		const titleEl = select('.starlight-aside__title', node);
		const title = titleEl ? toString(titleEl).trim() : '';
		const content = select('.starlight-aside__content', node);
		// Marked as context in words, whatever its title says, as the page marks it with a box.
		const label = /^context\b/i.test(title) ? title : `Context${title ? `: ${title}` : ''}`;
		return {
			type: 'blockquote',
			children: [
				{ type: 'paragraph', children: [{ type: 'strong', children: [text(label)] }] },
				...(content ? flow(state, content) : []),
			],
		} as never;
	},
};

/** "**Key figure: millions** — Businesses powered by AWS", then what the figure covers and its links. */
function keyFigure(state: State, node: Element) {
	const value = select('.key-figure__value', node);
	const label = select('.key-figure__label', node);
	const rest = selectAll('.key-figure__covers, .key-figure__links', node);
	return [
		{
			type: 'paragraph',
			children: [
				{ type: 'strong', children: [text(`Key figure: ${value ? toString(value).trim() : ''}`)] },
				...(label ? [text(` — ${toString(label).trim()}`)] : []),
			],
		},
		...rest.flatMap((p) => state.one(p, node) ?? []),
	];
}

let diagramSources: readonly string[] = [];
let diagramIndex = 0;
let diagramFile = '';
function diagram(node: Element) {
	const title = node.properties.dataTwinTitle ?? (select('figcaption', node) && toString(select('figcaption', node)!));
	const desc = node.properties.dataTwinDescription;
	const source = diagramSources[diagramIndex++];
	if (source === undefined) {
		throw new SiteError('the page shows more diagrams than the file has ```mermaid fences.', { file: diagramFile });
	}
	return [
		{ type: 'paragraph', children: [{ type: 'strong', children: [text(`Diagram: ${String(title ?? '').trim()}`)] }] },
		...(desc ? [{ type: 'paragraph', children: [text(String(desc).trim())] }] : []),
		{ type: 'code', lang: 'mermaid', value: source },
	];
}

/** The page's title and main content, as CommonMark. */
export function markdownTwin({ html, pageUrl, mermaidSources, file }: TwinInput): string {
	const page = fromHtml(html);
	const title = select('main h1', page);
	const content = select('main .sl-markdown-content', page);
	if (!title || !content)
		throw new SiteError('the built page has no title or no main content to make a Markdown twin from.', { file });
	const root: HastRoot = { type: 'root', children: [title, content] };
	// A diagram's title and description are in its SVG, which goes: keep them on the figure.
	for (const figure of selectAll('figure.diagram', root)) {
		const title = select('svg title', figure);
		const desc = select('svg desc', figure);
		if (title) figure.properties.dataTwinTitle = toString(title);
		if (desc) figure.properties.dataTwinDescription = toString(desc);
	}
	const notText = new Set<unknown>(selectAll(NOT_TEXT, root));
	visit(root, (node) => {
		if ('children' in node) node.children = node.children.filter((child) => !notText.has(child));
	});
	// An entry drawn as a section (glossary term, figure) gets its heading's anchor from the section.
	for (const section of selectAll('section[id]', root)) {
		const heading = select('h2, h3', section);
		if (heading && !heading.properties.id) heading.properties.id = section.properties.id;
	}
	diagramSources = mermaidSources;
	diagramIndex = 0;
	diagramFile = file;
	const mdast = toMdast(root, { handlers }) as MdastRoot;
	if (diagramIndex !== mermaidSources.length) {
		throw new SiteError(
			`the page shows ${diagramIndex} diagrams but the file has ${mermaidSources.length} \`\`\`mermaid fences.`,
			{ file },
		);
	}
	visit(mdast, (node) => {
		if ((node.type === 'link' || node.type === 'image') && node.url) node.url = new URL(node.url, pageUrl).href;
	});
	const body = toMarkdown(mdast, {
		bullet: '-',
		emphasis: '_',
		fences: true,
		rule: '-',
		// Tables as GitHub-style pipe tables: CommonMark has none, and readers and chat apps know these.
		extensions: [gfmTableToMarkdown()],
	});
	return `${body.trimEnd()}\n\nSource: <${pageUrl}>\n`;
}
