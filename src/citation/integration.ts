import type { AstroIntegration } from 'astro';

/** /citations.json (src/citation/citations.json.ts), read by the "Cite" dialog. */
export function citations(): AstroIntegration {
	return {
		name: 'citations',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: '/citations.json', entrypoint: './src/citation/citations.json.ts', prerender: true });
			},
		},
	};
}
