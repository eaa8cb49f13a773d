import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkLinks, formatBrokenLinks } from './check-links.ts';

/** After the build writes dist/, checks every internal link and anchor; on failure removes dist/. */
export function linkCheck(): AstroIntegration {
	let base = '/';
	return {
		name: 'link-check',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base;
			},
			'astro:build:done': ({ dir, logger }) => {
				const distDir = fileURLToPath(dir);
				const { broken, checked } = checkLinks(distDir, base);
				if (broken.length) {
					rmSync(distDir, { recursive: true, force: true });
					throw new Error(`${formatBrokenLinks(broken)}\n(dist/ was removed so a broken site cannot be deployed.)`);
				}
				logger.info(`links: ${checked} internal links and anchors checked, none broken`);
			},
		},
	};
}
