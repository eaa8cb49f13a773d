import type { AstroIntegration } from 'astro';

/** Adds the share pages and the preview-image routes (code in src/linking and src/og). */
export function sharing(): AstroIntegration {
	return {
		name: 'sharing',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: '/og/[...image].png', entrypoint: './src/og/og-route.ts', prerender: true });
				injectRoute({ pattern: '/share/[...share]', entrypoint: './src/linking/share-route.astro', prerender: true });
			},
		},
	};
}
