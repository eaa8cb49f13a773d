/**
 * Everything this site adds to Starlight, as one Starlight plugin: its components, styles, route
 * middleware and routes, the checks that run before anything is built, the diagrams, and the
 * post-build pipeline (src/build/pipeline.ts) whose steps run in the order listed here, checked
 * when the configuration loads. astro.config.mjs then reads as "Starlight plus this site".
 */
import sitemap from '@astrojs/sitemap';
import type { StarlightPlugin } from '@astrojs/starlight/types';
import { articleCoverage } from './article/integration.ts';
import { pageScriptsStep } from './build/page-scripts.ts';
import { postBuildPipeline } from './build/pipeline.ts';
import { diagramFontStep, diagramsIntegration } from './diagrams/integration.ts';
import { linkCheckStep } from './linking/link-check-step.ts';
import { searchMeaningStep } from './search/meaning/index-build.ts';
import { searchPreloadStep } from './search/preload.ts';
import { searchVocabularyStep } from './search/vocabulary.ts';
import { contentSecurityStep } from './security/csp.ts';
import { markdownTwinsStep } from './twins/twins-build.ts';

/** Routes besides the pages, each rendered at build time. */
const ROUTES = [
	// Preview images and the share pages that carry them (src/og, src/linking).
	{ pattern: '/og/[...image].png', entrypoint: './src/og/og-route.ts' },
	{ pattern: '/share/[...share]', entrypoint: './src/linking/share-route.astro' },
	// The glossary's definitions for term cards, fetched on a reader's first hover.
	{ pattern: '/glossary/terms.json', entrypoint: './src/reading/terms-route.ts' },
	// The search dialog's markup, fetched when a reader reaches for search.
	{ pattern: '/search-dialog.html', entrypoint: './src/search/dialog-route.ts' },
	{ pattern: '/changes/rss.xml', entrypoint: './src/feed/rss.xml.ts' },
	// Read by the "Cite" dialog.
	{ pattern: '/citations.json', entrypoint: './src/citation/citations.json.ts' },
];

export function explainer(): StarlightPlugin {
	return {
		name: 'explainer',
		hooks: {
			'config:setup': ({ config, updateConfig, addIntegration, addRouteMiddleware }) => {
				updateConfig({
					customCss: [
						...(config.customCss ?? []),
						'./src/styles/site.css',
						'./src/diagrams/diagrams.css',
						'./src/search/search.css',
						'./src/revisions/revisions.css',
					],
					components: {
						...config.components,
						// Both render Starlight's own component and add to it (see each file).
						MarkdownContent: './src/overrides/MarkdownContent.astro',
						PageTitle: './src/overrides/PageTitle.astro',
						// Search on Pagefind's API: section results, topics, shareable queries (src/search).
						Search: './src/search/Search.astro',
					},
				});
				addRouteMiddleware({ entrypoint: './src/linking/route-middleware.ts' });
				// Before anything is built: the article, quote, data, term and revision checks.
				addIntegration(articleCoverage());
				addIntegration(diagramsIntegration());
				// Share pages only redirect to a section: out of the sitemap (and of search).
				addIntegration(sitemap({ filter: (page) => !/\/share\/|\/search-dialog\.html$/.test(new URL(page).pathname) }));
				addIntegration({
					name: 'explainer-routes',
					hooks: {
						'astro:config:setup': ({ injectRoute }) => {
							for (const route of ROUTES) injectRoute({ ...route, prerender: true });
						},
					},
				});
				// After Starlight's own, which writes the Pagefind index the search steps read.
				addIntegration(
					postBuildPipeline([
						searchVocabularyStep,
						searchMeaningStep,
						searchPreloadStep,
						pageScriptsStep,
						diagramFontStep,
						contentSecurityStep,
						markdownTwinsStep,
						linkCheckStep,
					]),
				);
			},
		},
	};
}
