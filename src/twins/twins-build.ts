/**
 * After the build: a Markdown twin beside every page made from content/docs (`/aws/` -> `/aws.md`,
 * the home page -> `/index.md`), from the page as it was built (markdown-twin.ts), then /llms.txt
 * and /llms-full.txt listing them in reading order.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownTwin } from './markdown-twin.ts';
import { twinPath } from './twin-path.ts';
import { frontMatter, llmsFullTxt, llmsTxt } from './llms-txt.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../config/site-name.ts';
import { fileToPath, readPages } from '../article/check-content.ts';
import { Cache } from '../build/cache.ts';
import type { PostBuildStep } from '../build/pipeline.ts';
import { mermaidFences } from '../diagrams/source.ts';

/** A twin depends only on its page's HTML, its source's diagrams and its address: a rebuild reuses it. */
const twins = new Cache<string>({
	name: 'markdown-twins',
	code: ['src/twins/markdown-twin.ts', 'src/twins/twins-build.ts'],
});

/** Runs on the final pages, before the link check reads the twins. */
export const markdownTwinsStep: PostBuildStep = {
	name: 'markdown-twins',
	after: ['content-security'],
	run: ({ dir, base, site, logger, pages }) => {
		const origin = site ?? new URL('http://localhost/');
		const pageUrl = (page: string) => new URL(`${base}${page.slice(1)}`, origin).href;
		const built = new Set(pages.files());
		const listed = readPages().flatMap(({ file, source }) => {
			const page = fileToPath(file);
			const html = `${page.slice(1)}index.html`;
			// The 404 page is built as 404.html, not as a page of its own folder: it has no twin.
			if (!built.has(html)) return [];
			const input = { html: pages.read(html), pageUrl: pageUrl(page), mermaidSources: mermaidFences(source), file };
			const twin = twins.memoSync([JSON.stringify(input)], () => markdownTwin(input));
			writeFileSync(join(dir, twinPath(page).slice(1)), twin);
			const { title, description, order } = frontMatter(source, file);
			return [{ title, description, order, twinUrl: pageUrl(twinPath(page)), twin }];
		});
		listed.sort((a, b) => a.order - b.order || a.twinUrl.localeCompare(b.twinUrl));
		writeFileSync(
			join(dir, 'llms.txt'),
			llmsTxt({ name: SITE_NAME, description: SITE_DESCRIPTION, fullUrl: pageUrl('/llms-full.txt') }, listed),
		);
		writeFileSync(join(dir, 'llms-full.txt'), llmsFullTxt(listed));
		logger.info(`markdown twins: ${listed.length} pages`);
	},
};
