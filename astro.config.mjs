// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { siteEnv } from './src/config/site-env.ts';
import { articleCoverage } from './src/article/integration.ts';
import { diagramsIntegration, reportDiagram } from './src/diagrams/integration.ts';
import { mermaidPlugin } from './src/diagrams/mermaid-plugin.ts';
import { contentSecurity, sha256, shippedInlineScriptHashes } from './src/security/csp.ts';
import { speculationRulesText } from './src/linking/speculation-rules.ts';
import { contentHtmlPlugin } from './src/security/content-html.ts';
import { criticalCss } from './src/styles/critical-css.ts';
import { AFTER_FIRST_PAINT_SCRIPT } from './src/styles/after-first-paint.ts';
import { pageScripts } from './src/build/page-scripts.ts';
import { buildPhases, timedIntegrations } from './src/build/phases.ts';
import { pinnedIdsPlugin } from './src/linking/pinned-ids.ts';
import { baseLinksPlugin } from './src/linking/base-links.ts';
import { loadRedirects } from './src/linking/anchors.ts';
import { linkCheck } from './src/linking/integration.ts';
import { sharing } from './src/linking/sharing.ts';
import { readingAids } from './src/reading/integration.ts';
import { searchVocabulary } from './src/search/vocabulary.ts';
import { searchMeaning } from './src/search/meaning/index-build.ts';
import { searchPreloadIntegration } from './src/search/preload.ts';
import { correctionsFeed } from './src/feed/integration.ts';
import { markdownTwins } from './src/twins/integration.ts';
import { citations } from './src/citation/integration.ts';

// Where the built site will live. Canonical, og:url and the sitemap need an absolute origin;
// set SITE_URL (and BASE_PATH for a sub-path such as /explainer/) when deploying. Both are checked
// (and missing slashes added) before anything else runs: src/config/site-env.ts.
const { site, base } = siteEnv();
// DIAGRAMS=off leaves ```mermaid fences as code: the benchmark's diagram-free baseline.
const diagrams = process.env.DIAGRAMS !== 'off';

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	srcDir: './',
	// OUT_DIR lets the tests build a second copy under a sub-path without touching dist/.
	outDir: process.env.OUT_DIR ?? './dist',
	// One cacheable stylesheet per page; src/styles/critical-css.ts inlines what the first screen
	// needs and moves the link to the end of <body>, so it never blocks first paint.
	// Four pages at a time: a preview image is rasterised and encoded off the main thread
	// (src/og/og-image.ts) while the next ones are laid out, so the build's two cores both work.
	build: { inlineStylesheets: 'never', concurrency: 4 },
	// Astro inlines small page scripts into every page; as files they download once per visit
	// instead of once per page (and leave the CSP's hash list shorter). Other assets keep Vite's rule.
	vite: { build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) } },
	// The next page is there before the click: a page is prefetched when the pointer rests on a link
	// to it (or a keyboard focuses it), never on load, and not at all on save-data or 2G connections
	// (Astro's prefetch checks both). Chromium goes further and prerenders it on the same intent
	// (src/linking/prerender-on-intent.ts), reusing the prefetched response.
	prefetch: { prefetchAll: true, defaultStrategy: 'hover' },
	// Removed pages keep working: content/redirects.yaml (checked against content/anchors.json).
	redirects: loadRedirects().pages,
	// Content-Security-Policy as a <meta> on every page: scripts only from this origin or by the hash
	// of a script the site ships (Astro hashes its bundles; the components' is:inline scripts are
	// hashed from their source, src/security/csp.ts). No 'unsafe-inline'; Pagefind needs WebAssembly.
	// Also sent as a header via public/_headers.
	security: {
		csp: {
			algorithm: 'SHA-256',
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
			scriptDirective: {
				resources: ["'self'", "'wasm-unsafe-eval'"],
				// The speculation rules src/linking/prerender-on-intent.ts adds and the loader that brings in
				// stylesheets and scripts after the first paint (src/styles/after-first-paint.ts): fixed texts.
				hashes: [...shippedInlineScriptHashes(), sha256(speculationRulesText(base)), sha256(AFTER_FIRST_PAINT_SCRIPT)],
			},
			styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
		},
	},
	markdown: {
		processor: satteri({
			// Page content never carries code: raw <script>, handlers and javascript: links fail the build.
			mdastPlugins: [
				contentHtmlPlugin(),
				pinnedIdsPlugin(),
				...(diagrams ? [mermaidPlugin({ base, onDiagram: reportDiagram })] : []),
			],
			hastPlugins: [baseLinksPlugin(base)],
		}),
	},
	// Each integration's hooks are timed; a one-line summary per build phase ends every build.
	integrations: [
		...timedIntegrations([
			articleCoverage(),
			diagramsIntegration({ prerender: diagrams }),
			starlight({
				title: "Amazon's $200B AI Bet, Explained",
				description:
					"A plain-language explainer of one article on Amazon's reported plan to put $200 billion into AI by 2026: AWS, AI across the business, hybrid and edge AI, partnerships, risks and outlook.",
				favicon: '/favicon.svg',
				head: [
					// No first paint until the page title is parsed. Starlight's table of contents comes
					// before <main> in the HTML and is laid out beside it; painted before <main> arrived, it
					// stood where the text goes and jumped aside when the text came (layout shift). With the
					// critical CSS inline nothing else holds back the first paint, and the title and first
					// paragraph arrive in the first round trip anyway (tests/e2e/performance.spec.ts).
					{ tag: 'link', attrs: { rel: 'expect', href: '#_top', blocking: 'render' } },
				],
				lastUpdated: true,
				pagefind: true,
				customCss: [
					'./src/styles/site.css',
					'./src/diagrams/diagrams.css',
					'./src/search/search.css',
					'./src/revisions/revisions.css',
				],
				routeMiddleware: './src/linking/route-middleware.ts',
				components: {
					// Both render Starlight's own component and add to it (see each file).
					MarkdownContent: './src/overrides/MarkdownContent.astro',
					PageTitle: './src/overrides/PageTitle.astro',
					// Search on Pagefind's API: section results, topics, shareable queries (src/search).
					Search: './src/search/Search.astro',
				},
			}),
			mdx(),
			// After Starlight, which runs Pagefind: the spelling vocabulary is read from its index.
			searchVocabulary(),
			// After Pagefind too: the meaning index embeds the sections Pagefind indexed.
			searchMeaning(),
			// After the vocabulary: the list of files the first search needs, preloaded on intent.
			searchPreloadIntegration(),
			// Share pages only redirect to a section: keep them out of the sitemap (and of search: they
			// have no data-pagefind-body).
			sitemap({
				filter: (page) => !/\/share\/|\/search-dialog\.html$/.test(new URL(page).pathname),
			}),
			sharing(),
			correctionsFeed(),
			citations(),
			readingAids(),
			// Before the critical CSS (which loads each page with its scripts) and the policy check.
			pageScripts(),
			// Before the policy check, which must see (and head) the final HTML.
			criticalCss(),
			// Each page's policy lists only its own inline scripts and the speculation rules added later.
			contentSecurity({ runtimeScriptHashes: [sha256(speculationRulesText(base))] }),
			markdownTwins(),
			linkCheck(),
		]),
		buildPhases(),
	],
});
