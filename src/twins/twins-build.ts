/**
 * After the build: a Markdown twin beside every page made from content/docs (`/aws/` -> `/aws.md`,
 * the home page -> `/index.md`), from the page as it was built (markdown-twin.ts), and llms.txt.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTwin } from './markdown-twin.ts';
import { twinPath } from './twin-path.ts';
import { frontMatter, llmsFullTxt, llmsTxt, type ListedPage } from './llms-txt.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../config/site-name.ts';
import { Cache } from '../build/cache.ts';
import { mermaidFences } from '../diagrams/source.ts';
import { pagePath } from '../site/links.ts';

/** A twin depends only on its page's HTML, its source's diagrams and its address: a rebuild reuses it. */
const twins = new Cache<string>({
	name: 'markdown-twins',
	code: ['src/twins/markdown-twin.ts', 'src/twins/remove.ts', 'src/twins/twins-build.ts'],
	encode: (text) => text,
	decode: (bytes) => bytes.toString('utf8'),
});

export interface BuiltPage {
	/** Site path without the base: '/', '/aws/'. */
	page: string;
	file: string;
	html: string;
}

/** Every built page that comes from content/docs (not the 404 page, share pages or redirects). */
export function builtPages(distDir: string, root: string, read: (path: string) => string): BuiltPage[] {
	const docs = readdirSync(join(root, 'content/docs')).filter((f) => /\.mdx?$/.test(f) && !/^404\./.test(f));
	return docs
		.map((f) => {
			const slug = f.replace(/\.mdx?$/, '');
			const page = pagePath(slug);
			const html = join(distDir, page === '/' ? 'index.html' : `${slug}/index.html`);
			return { page, file: `content/docs/${f}`, html };
		})
		.filter((p) => existsSync(p.html))
		.map((p) => ({ ...p, html: read(p.html) }))
		.sort((a, b) => a.page.localeCompare(b.page));
}

/** Writes every page's twin, then /llms.txt and /llms-full.txt listing them in reading order. */
export function writeTwins(
	distDir: string,
	root: string,
	pageUrl: (page: string) => string,
	read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ListedPage[] {
	const listed = builtPages(distDir, root, read).map((p) => {
		const source = readFileSync(join(root, p.file), 'utf8');
		const input = { html: p.html, pageUrl: pageUrl(p.page), mermaidSources: mermaidFences(source), file: p.file };
		const twin = twins.memoSync([JSON.stringify(input)], () => markdownTwin(input));
		writeFileSync(join(distDir, twinPath(p.page).slice(1)), twin);
		const { title, description, order } = frontMatter(source, p.file);
		return { title, description, order, twinUrl: pageUrl(twinPath(p.page)), twin };
	});
	listed.sort((a, b) => a.order - b.order || a.twinUrl.localeCompare(b.twinUrl));
	writeFileSync(
		join(distDir, 'llms.txt'),
		llmsTxt({ name: SITE_NAME, description: SITE_DESCRIPTION, fullUrl: pageUrl('/llms-full.txt') }, listed),
	);
	writeFileSync(join(distDir, 'llms-full.txt'), llmsFullTxt(listed));
	return listed;
}
