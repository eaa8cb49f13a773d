// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { siteEnv } from './src/config/site-env.ts';
import { reportDiagram } from './src/diagrams/integration.ts';
import { mermaidPlugin } from './src/diagrams/mermaid-plugin.ts';
import { sha256, shippedInlineScriptHashes } from './src/security/csp.ts';
import { speculationRulesText } from './src/linking/speculation-rules.ts';
import { contentHtmlPlugin } from './src/security/content-html.ts';
import { pinnedIdsPlugin } from './src/site/pinned-ids.ts';
import { baseLinksPlugin } from './src/linking/base-links.ts';
import { loadRedirects } from './src/linking/anchors.ts';
import { explainer } from './src/plugin.ts';
import { SITE_DESCRIPTION, SITE_NAME } from './src/config/site-name.ts';

// Where the built site will live. Canonical, og:url and the sitemap need an absolute origin;
// set SITE_URL (and BASE_PATH for a sub-path such as /explainer/) when deploying. Both are checked
// (and missing slashes added) before anything else runs: src/config/site-env.ts.
const { site, base } = siteEnv();

export default defineConfig({
	site,
	base,
	trailingSlash: 'always',
	srcDir: './',
	// OUT_DIR lets the tests build a second copy under a sub-path without touching dist/.
	outDir: process.env.OUT_DIR ?? './dist',
	// Four pages at a time: a preview image is rasterised and encoded off the main thread
	// (src/og/og-image.ts) while the next ones are laid out, so the build's two cores both work.
	build: { concurrency: 4 },
	vite: {
		build: {
			// Astro inlines small page scripts into every page; as files they download once per visit
			// instead of once per page (and leave the CSP's hash list shorter). Other assets keep Vite's rule.
			assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
		},
		plugins: [
			{
				// The page scripts are bundled again after the build (src/build/page-scripts.ts), which loads
				// each dynamic import's chunks itself; Vite's lists of files to preload would name files gone.
				// Astro sets the client's modulePreload after the user's config, so it is set per environment.
				name: 'no-module-preload-lists',
				configEnvironment: (name) => (name === 'client' ? { build: { modulePreload: false } } : undefined),
			},
		],
	},
	// One next-page mechanism: Chromium prerenders a page when the pointer rests on a link to it
	// (src/linking/prerender-on-intent.ts). Starlight turns Astro's hover prefetch on by default, and
	// with both, Chromium could fetch the page twice (once for each); other browsers load it on click.
	prefetch: false,
	// Removed pages keep working: content/redirects.yaml (checked against content/anchors.json).
	redirects: loadRedirects().pages,
	// Content-Security-Policy as a <meta> on every page: scripts only from this origin or by the hash
	// of a script the site ships (Astro hashes its bundles; the components' is:inline scripts are
	// hashed from their source, src/security/csp.ts). No 'unsafe-inline'; Pagefind needs WebAssembly.
	// public/_headers adds, for hosts that read it, what a <meta> cannot (frame-ancestors).
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
				// The speculation rules src/linking/prerender-on-intent.ts adds: a fixed text.
				hashes: [...shippedInlineScriptHashes(), sha256(speculationRulesText(base))],
			},
			styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
		},
	},
	markdown: {
		processor: satteri({
			// Page content never carries code: raw <script>, handlers and javascript: links fail the build.
			mdastPlugins: [contentHtmlPlugin(), pinnedIdsPlugin(), mermaidPlugin({ base, onDiagram: reportDiagram })],
			hastPlugins: [baseLinksPlugin(base)],
		}),
	},
	integrations: [
		starlight({
			title: SITE_NAME,
			description: SITE_DESCRIPTION,
			favicon: '/favicon.svg',
			lastUpdated: true,
			pagefind: true,
			// Everything the site adds: src/plugin.ts.
			plugins: [explainer()],
		}),
	],
});
