import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cache } from '../build/cache.ts';
import type { PostBuildStep } from '../build/pipeline.ts';
import { anchorsInDist, checkAnchors, loadRedirects, updateRegistry, type AnchorRegistry } from './anchors.ts';
import { checkLinks, formatBrokenLinks } from './check-links.ts';

const anchorsFile = 'content/anchors.json';

/**
 * After the build writes dist/: every internal link and #anchor must resolve, and every published
 * anchor (content/anchors.json) must still exist or redirect. On failure the build fails (and
 * scripts/build.mjs keeps the previous dist/). UPDATE_ANCHORS=1 records new anchors as published,
 * but refuses to drop one that no longer resolves, as the build does.
 */
export const linkCheckStep: PostBuildStep = {
	name: 'link-check',
	phase: 'checks (content, links, anchors, CSP hashes)',
	after: ['markdown-twins'],
	run: async ({ dir: distDir, base, site: siteUrl, root, logger, pages }) => {
		const site = siteUrl?.href.replace(/\/$/, '');
		// An unchanged site was checked before (src/build/cache.ts); the registry is compared afresh.
		const linkChecks = new Cache<ReturnType<typeof checkLinks> & { current: AnchorRegistry }>({
			name: 'link-check',
			code: ['src/linking/check-links.ts', 'src/linking/anchors.ts'],
		});
		const fail = (message: string): never => {
			rmSync(distDir, { recursive: true, force: true });
			throw new Error(message);
		};
		// What the checks read: every file's name (a link may point at any file) and every page.
		const files = readdirSync(distDir, { recursive: true, encoding: 'utf8' }).sort();
		const inputs = [
			base,
			files.join('\n'),
			String(site),
			...files
				.filter((f) => f.endsWith('.html') || f.endsWith('.md') || /^llms(-full)?\.txt$/.test(f))
				.map((f) => pages.readPath(join(distDir, f))),
		];
		const { broken, checked, current } = await linkChecks.memo(inputs, () => ({
			...checkLinks(distDir, base, site, pages.readPath),
			current: anchorsInDist(distDir, pages.readPath),
		}));
		if (broken.length) fail(formatBrokenLinks(broken));
		logger.info(`links: ${checked} internal links and anchors checked, none broken`);

		const registryPath = join(root, anchorsFile);
		const published = JSON.parse(readFileSync(registryPath, 'utf8')) as AnchorRegistry;
		if (process.env.UPDATE_ANCHORS) {
			let next: AnchorRegistry = {};
			try {
				next = updateRegistry(published, current, loadRedirects(root));
			} catch (error) {
				fail((error as Error).message);
			}
			// Written as `npm run format` would, so the next `npm test` format check passes.
			let text = `${JSON.stringify(next, null, '\t')}\n`;
			const prettier = await import('prettier').catch(() => undefined);
			if (prettier) {
				const options = await prettier.resolveConfig(registryPath);
				text = await prettier.format(text, { ...options, filepath: registryPath });
			}
			writeFileSync(registryPath, text);
			logger.info(`anchors: recorded ${Object.values(next).flat().length} anchors in ${anchorsFile}`);
			return;
		}
		const result = checkAnchors(published, current, loadRedirects(root));
		if (result.broken.length) {
			fail(`Published anchors that no longer resolve (${result.broken.length}):\n  - ${result.broken.join('\n  - ')}`);
		}
		const total = Object.values(published).flat().length;
		logger.info(`anchors: all ${total} published anchors resolve`);
		if (result.unpublished.length) {
			logger.warn(
				`anchors: ${result.unpublished.length} new anchor(s) not yet in ${anchorsFile} (${result.unpublished.slice(0, 3).join(', ')}…): run \`npm run anchors:update\` and commit it`,
			);
		}
	},
};
