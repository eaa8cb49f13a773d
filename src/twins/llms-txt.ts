/**
 * /llms.txt and /llms-full.txt (llmstxt.org): the site's name, its summary, then every page with
 * its description and its Markdown twin's address; the full file is every twin, in reading order.
 * Titles and descriptions come from each page's front matter, the same the page's head shows.
 */
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { splitFrontmatter } from '../article/coverage.ts';
import { SiteError } from '../site/errors.ts';

export interface ListedPage {
	title: string;
	description: string;
	/** Absolute URL of the page's Markdown twin. */
	twinUrl: string;
	twin: string;
}

/** Front matter of an MDX page: its title, description and place in the sidebar. */
export function frontMatter(source: string, file: string): { title: string; description: string; order: number } {
	const { data } = splitFrontmatter(source);
	if (typeof data.title !== 'string' || typeof data.description !== 'string') {
		throw new SiteError('front matter needs a title and a description for llms.txt', { file, line: 1 });
	}
	const order = (data.sidebar as { order?: unknown } | undefined)?.order;
	return { title: data.title, description: data.description, order: typeof order === 'number' ? order : 0 };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const text = (value: string): Text => ({ type: 'text', value: oneLine(value) });
const paragraph = (...children: PhrasingContent[]): Paragraph => ({ type: 'paragraph', children });

/** Written through mdast-util-to-markdown, which escapes what a page's title or description could make into markup. */
export function llmsTxt(
	site: { name: string; description: string; fullUrl: string },
	pages: readonly ListedPage[],
): string {
	const tree: Root = {
		type: 'root',
		children: [
			{ type: 'heading', depth: 1, children: [text(site.name)] },
			{ type: 'blockquote', children: [paragraph(text(site.description))] },
			paragraph(
				{
					type: 'text',
					value:
						'Each page of the site is also a Markdown file (its Markdown twin, made from the built page), listed here in reading order. All of them in one file: ',
				},
				{ type: 'link', url: site.fullUrl, children: [text(site.fullUrl)] },
				text('.'),
			),
			{ type: 'heading', depth: 2, children: [text('Pages')] },
			{
				type: 'list',
				ordered: false,
				spread: false,
				children: pages.map((p) => ({
					type: 'listItem',
					spread: false,
					children: [
						paragraph({ type: 'link', url: p.twinUrl, children: [text(p.title)] }, text(`: ${p.description}`)),
					],
				})),
			},
		],
	};
	return toMarkdown(tree, { bullet: '-' });
}

export const llmsFullTxt = (pages: readonly ListedPage[]) => pages.map((p) => p.twin.trimEnd()).join('\n\n') + '\n';
