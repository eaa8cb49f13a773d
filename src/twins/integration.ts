import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeTwins } from './twins-build.ts';

/** Markdown twins of the pages and llms.txt, written into the built site (before the link check reads it). */
export function markdownTwins(): AstroIntegration {
	let site: URL | undefined;
	let base = '/';
	let root = process.cwd();
	return {
		name: 'markdown-twins',
		hooks: {
			'astro:config:done': ({ config }) => {
				site = config.site ? new URL(config.site) : undefined;
				base = config.base.replace(/\/?$/, '/');
				root = fileURLToPath(config.root);
			},
			'astro:build:done': ({ dir, logger }) => {
				const origin = site ?? new URL('http://localhost/');
				const pageUrl = (page: string) => new URL(`${base}${page.slice(1)}`, origin).href;
				const pages = writeTwins(fileURLToPath(dir), root, pageUrl);
				logger.info(`markdown twins: ${pages.length} pages`);
			},
		},
	};
}
