import type { PostBuildStep } from '../build/pipeline.ts';
import { writeTwins } from './twins-build.ts';

/** Markdown twins of the pages and llms.txt, from the final pages (before the link check reads them). */
export const markdownTwinsStep: PostBuildStep = {
	name: 'markdown-twins',
	after: ['content-security'],
	run: ({ dir, root, base, site, logger, pages }) => {
		const origin = site ?? new URL('http://localhost/');
		const pageUrl = (page: string) => new URL(`${base}${page.slice(1)}`, origin).href;
		const listed = writeTwins(dir, root, pageUrl, pages.readPath);
		logger.info(`markdown twins: ${listed.length} pages`);
	},
};
