/**
 * Page scripts start downloading after the first paint, not before. Every script on this site
 * enhances a page that already reads well without it (copy-link buttons, term cards, the table of
 * contents' current entry, the search loader, prefetch), so on a slow connection the page's own
 * bytes should not share the line with about 8 KB of scripts while the reader waits for the text.
 *
 * After the build, each page's `<script type="module" src>` tags are replaced by a list of their
 * URLs (a JSON data block, never executed) and one small fixed loader at the end of `<body>`, allowed
 * by its hash in the Content-Security-Policy (astro.config.mjs). The loader is itself a module
 * script, so it runs once the page is parsed, as the scripts it replaces did; it then waits for
 * the next frame to be painted and adds them all at once (script elements, so the load event still
 * waits for them). A page that is not shown (a prerender,
 * a background tab) paints nothing, so there it adds them straight away: a prerendered page is
 * then complete when the reader opens it.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export const SCRIPT_LIST_ID = 'scripts-after-first-paint';

/**
 * The loader's exact text (its hash is in the CSP). It first applies the full stylesheet to the
 * screen (linked as media="print" so it never blocks first paint, src/styles/critical-css.ts); when
 * every script has run it marks <html data-scripts-loaded>, which the browser tests wait for.
 */
export const LOADER = `for(const l of document.querySelectorAll('link[data-deferred-css]'))l.media='all';const load=()=>{const srcs=JSON.parse(document.getElementById('${SCRIPT_LIST_ID}').textContent);let left=srcs.length;const done=()=>--left>0||document.documentElement.setAttribute('data-scripts-loaded','');if(!left)left=1,done();for(const src of srcs){const s=document.createElement('script');s.type='module';s.src=src;s.onload=s.onerror=done;document.body.append(s)}};document.visibilityState==='hidden'?load():requestAnimationFrame(()=>setTimeout(load))`;

const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** The page with its module scripts (and deferred stylesheet) in the loader's hands; unchanged when it has neither. */
export function loadScriptsAfterFirstPaint(html: string): string {
	const srcs = [...html.matchAll(MODULE_SCRIPT)].map((m) => m[1]!);
	if ((!srcs.length && !html.includes('data-deferred-css')) || html.includes(`id="${SCRIPT_LIST_ID}"`)) return html;
	const without = html.replace(MODULE_SCRIPT, '');
	// `<` escaped so no URL can close the data block.
	const list = JSON.stringify([...new Set(srcs)]).replace(/</g, '\\u003c');
	const tags = `<script type="application/json" id="${SCRIPT_LIST_ID}">${list}</script><script type="module">${LOADER}</script>`;
	const end = without.lastIndexOf('</body>');
	return without.slice(0, end) + tags + without.slice(end);
}

export function scriptsAfterFirstPaint(): AstroIntegration {
	return {
		name: 'scripts-after-first-paint',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const distDir = fileURLToPath(dir);
				let pages = 0;
				for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
					if (!file.endsWith('.html')) continue;
					const path = join(distDir, file);
					const html = readFileSync(path, 'utf8');
					const out = loadScriptsAfterFirstPaint(html);
					if (out === html) continue;
					writeFileSync(path, out);
					pages++;
				}
				logger.info(`scripts: loaded after the first paint on ${pages} page(s)`);
			},
		},
	};
}
