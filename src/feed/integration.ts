import type { AstroIntegration } from 'astro';

/** The corrections feed at /changes/rss.xml (src/feed/rss.xml.ts). */
export function correctionsFeed(): AstroIntegration {
	return {
		name: 'corrections-feed',
		hooks: {
			'astro:config:setup': ({ injectRoute }) => {
				injectRoute({ pattern: '/changes/rss.xml', entrypoint: './src/feed/rss.xml.ts', prerender: true });
			},
		},
	};
}
