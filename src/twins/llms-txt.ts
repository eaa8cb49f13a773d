/**
 * /llms.txt and /llms-full.txt (llmstxt.org): the site's name, its summary, then every page with
 * its description and its Markdown twin's address; the full file is every twin, in reading order.
 * Titles and descriptions come from each page's front matter, the same the page's head shows.
 */
import { load as loadYaml } from 'js-yaml';

export interface ListedPage {
	title: string;
	description: string;
	/** Absolute URL of the page's Markdown twin. */
	twinUrl: string;
	twin: string;
}

/** Front matter of an MDX page: its title, description and place in the sidebar. */
export function frontMatter(source: string, file: string): { title: string; description: string; order: number } {
	const block = /^---\n([\s\S]*?)\n---/.exec(source)?.[1];
	const data = (block ? loadYaml(block) : undefined) as
		{ title?: unknown; description?: unknown; sidebar?: { order?: unknown } } | undefined;
	if (typeof data?.title !== 'string' || typeof data.description !== 'string') {
		throw new Error(`${file}:1: front matter needs a title and a description for llms.txt`);
	}
	const order = typeof data.sidebar?.order === 'number' ? data.sidebar.order : 0;
	return { title: data.title, description: data.description, order };
}

/** Link text and descriptions are one line each; brackets that would end a link are escaped. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const linkText = (s: string) => oneLine(s).replace(/[\\[\]]/g, '\\$&');

export function llmsTxt(
	site: { name: string; description: string; fullUrl: string },
	pages: readonly ListedPage[],
): string {
	return [
		`# ${oneLine(site.name)}`,
		'',
		`> ${oneLine(site.description)}`,
		'',
		'Each page of the site is also a Markdown file (its Markdown twin, made from the built page), listed here in reading order. ' +
			`All of them in one file: <${site.fullUrl}>.`,
		'',
		'## Pages',
		'',
		...pages.map((p) => `- [${linkText(p.title)}](${p.twinUrl}): ${oneLine(p.description)}`),
		'',
	].join('\n');
}

export const llmsFullTxt = (pages: readonly ListedPage[]) => pages.map((p) => p.twin.trimEnd()).join('\n\n') + '\n';
