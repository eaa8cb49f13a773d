import type { AstroIntegration } from 'astro';

/** Routes the reading aids need besides the pages: the glossary's definitions for term cards. */
export function readingAids(): AstroIntegration {
	return {
		name: 'reading-aids',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: '/glossary/terms.json', entrypoint: './src/reading/terms-route.ts', prerender: true });
			},
		},
	};
}
