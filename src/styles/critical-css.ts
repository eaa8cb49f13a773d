/**
 * First paint in one round trip. After the build, each page gets, inlined in its <head>, only the
 * CSS rules its first screen uses (at any screen size, in either theme); the full stylesheet stays
 * one cacheable file, downloaded once for a whole visit and requested only after the first paint
 * (src/styles/after-first-paint.ts), so it blocks neither parsing nor the first paint.
 *
 * Which elements the first screen can show is read from the built HTML (src/styles/first-screen.ts),
 * with the buttons copy-link.ts adds; a rule is kept if its selector matches one of them. Results
 * are cached by a hash of the page and its stylesheets. The full stylesheet repeats every rule in
 * the same order, so when it arrives nothing on the first screen changes
 * (tests/e2e/performance.spec.ts compares every element's style with and without it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import postcss, { type Container, type Root } from 'postcss';
import { fromRoot } from '../article/paths.ts';
import { COPY_LINK_BUTTONS } from '../linking/copy-link-buttons.ts';
import { writeAtomic } from '../build/write-atomic.ts';
import { loadAfterFirstPaint } from './after-first-paint.ts';
import { FIRST_SCREEN_CHARACTERS, firstScreenMatcher } from './first-screen.ts';

/** Bump when the selection (here or in first-screen.ts) changes, so cached results are recomputed. */
const VERSION = 7;

/** Stylesheets this small are inlined whole: a request would cost more than the bytes. */
const INLINE_WHOLE_MAX_BYTES = 1024;

// Print sheets and those marked to load after the first paint are not the first screen's.
const STYLESHEET_LINK = /<link rel="stylesheet" href="([^"]+)"(?![^>]*\b(?:media=|data-after-first-paint))[^>]*>/g;

export interface StylesheetLink {
	tag: string;
	href: string;
}

/** The page's render-blocking stylesheets (print-only ones are left alone). */
export function stylesheetLinks(html: string): StylesheetLink[] {
	const head = html.slice(0, html.indexOf('</head>'));
	return [...head.matchAll(STYLESHEET_LINK)].map((m) => ({ tag: m[0], href: m[1]! }));
}

/**
 * Selectors as they are tested for "is this element on the first screen": pseudo-
 * elements belong to their element, and states (hover, focus…) may arise on it at any time.
 */
export function selectorForMatching(selector: string): string {
	const stripped = selector
		.replace(
			/::?(?:before|after|marker|placeholder|selection|backdrop|first-line|first-letter|file-selector-button|details-content|-webkit-[\w-]+|-moz-[\w-]+)(?:\([^)]*\))?/g,
			'',
		)
		.replace(/:(?:hover|focus-visible|focus-within|focus|active|visited|target|link|any-link)\b/g, '')
		// Scripts move the current table-of-contents entry as the reader scrolls: a state too.
		.replace(/\[aria-current(?:=[^\]]*)?\]/g, '')
		// Either theme may be the reader's: theme-specific rules count as if their theme were on.
		.replace(/\[data-theme=(?:"|')?(?:light|dark)(?:"|')?\]/g, '')
		.trim();
	return stripped === '' || /[>+~]$/.test(stripped) ? '*' : stripped;
}

/**
 * The rules of `css` that `used` says a first screen needs, in their original order and wrappers.
 * Emptied cascade layers stay as `@layer name;` so the layer order is the full stylesheet's;
 * fonts stay only if a kept rule names their family; keyframes and @page go.
 */
export function pruneCss(css: string, used: (selector: string) => boolean, alsoReferenced = ''): string {
	const root = postcss.parse(css);
	const prune = (container: Container | Root) => {
		container.each((node) => {
			if (node.type === 'rule') {
				if (!node.selectors.some(used)) node.remove();
			} else if (node.type === 'atrule') {
				const name = node.name.toLowerCase();
				if (/keyframes$/.test(name) || name === 'page' || (name === 'media' && /^print$/i.test(node.params.trim())))
					node.remove();
				else if (name === 'font-face') return;
				else if (node.nodes) {
					prune(node);
					if (node.nodes.length === 0) {
						if (name === 'layer' && node.params)
							node.replaceWith(postcss.atRule({ name: 'layer', params: node.params }));
						else node.remove();
					}
				}
			} else if (node.type === 'comment') node.remove();
		});
	};
	prune(root);
	pruneCustomProperties(root, alsoReferenced);
	const families = new Set<string>();
	root.walkDecls(/^font-family$/i, (d) => {
		if (d.parent?.type === 'atrule') return;
		for (const f of d.value.split(','))
			families.add(
				f
					.trim()
					.replace(/^["']|["']$/g, '')
					.toLowerCase(),
			);
	});
	root.walkAtRules(/^font-face$/i, (face) => {
		let family = '';
		face.walkDecls(/^font-family$/i, (d) => {
			family = d.value.replace(/^["']|["']$/g, '').toLowerCase();
		});
		if (!families.has(family)) face.remove();
	});
	return root.toString();
}

/**
 * Custom properties (theme colours, sizes…) that nothing kept uses, directly or through another
 * property, go too: most of a theme's palette is for components further down the page. Names
 * mentioned in `alsoReferenced` (the page itself, its scripts) stay.
 */
function pruneCustomProperties(root: Root, alsoReferenced: string) {
	const referenced = new Set<string>();
	const scan = (text: string) => {
		for (const m of text.matchAll(/var\(\s*(--[\w-]+)/g)) referenced.add(m[1]!);
	};
	for (const m of alsoReferenced.matchAll(/(--[\w-]+)/g)) referenced.add(m[1]!);
	root.walkDecls((d) => {
		if (!d.prop.startsWith('--')) scan(d.value);
	});
	for (let size = -1; size !== referenced.size;) {
		size = referenced.size;
		root.walkDecls(/^--/, (d) => {
			if (referenced.has(d.prop)) scan(d.value);
		});
	}
	root.walkDecls(/^--/, (d) => {
		if (!referenced.has(d.prop)) d.remove();
	});
	root.walkRules((rule) => {
		if (!rule.nodes.length) rule.remove();
	});
}

/**
 * Replaces the head's stylesheet links by the inlined critical CSS; the sheets themselves, and the
 * page's scripts, load after the first paint (after-first-paint.ts).
 */
export function deferStylesheets(html: string, links: StylesheetLink[], critical: string, deferred: string[]): string {
	if (!links.length) return html;
	let out = html.replace(links[0]!.tag, `<style>${critical}</style>`);
	for (const link of links.slice(1)) out = out.replace(link.tag, '');
	return loadAfterFirstPaint(out, deferred);
}

const cacheDir = () => fromRoot('.cache', 'critical-css');

interface CacheEntry {
	key: string;
	css: string;
	/** SHA-256 of `css`: a damaged entry fails it (cheaper than parsing the CSS again on every build). */
	sha256: string;
}

const cssSha256 = (css: string) => createHash('sha256').update(css, 'utf8').digest('hex');

/** A cached result for `key`, or why the file there cannot be used (undefined: not cached). */
export function readCacheEntry(file: string, key: string): { css: string } | { problem: string } | undefined {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
	try {
		const entry = JSON.parse(text) as CacheEntry;
		if (entry?.key !== key || typeof entry.css !== 'string') return { problem: 'it is for another page' };
		if (entry.sha256 !== cssSha256(entry.css)) return { problem: 'its CSS does not match its checksum' };
		return { css: entry.css };
	} catch (error) {
		return { problem: `not valid (${(error as Error).message.split('\n')[0]})` };
	}
}

export function criticalCss(): AstroIntegration {
	return {
		name: 'critical-css',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const distDir = fileURLToPath(dir);
				const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
				mkdirSync(cacheDir(), { recursive: true });
				const sheetText = new Map<string, string>();
				const readSheet = (href: string) => {
					if (!sheetText.has(href)) sheetText.set(href, readFileSync(join(distDir, href.slice(base.length)), 'utf8'));
					return sheetText.get(href)!;
				};
				// Scripts may read custom properties (getComputedStyle): names they mention are kept.
				const astroDir = join(distDir, '_astro');
				const scripts = existsSync(astroDir)
					? readdirSync(astroDir)
							.filter((f) => f.endsWith('.js'))
							.sort()
							.map((f) => readFileSync(join(astroDir, f), 'utf8'))
							.join('\n')
					: '';
				const pages = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
					.filter((f) => f.endsWith('.html'))
					.sort();
				let computed = 0;
				let cached = 0;
				let damaged = 0;
				for (const file of pages) {
					const path = join(distDir, file);
					const html = readFileSync(path, 'utf8');
					const links = stylesheetLinks(html);
					if (!links.length) continue;
					const whole = links.filter((l) => Buffer.byteLength(readSheet(l.href)) <= INLINE_WHOLE_MAX_BYTES);
					const split = links.filter((l) => !whole.includes(l));
					const css = split.map((l) => readSheet(l.href)).join('\n');
					const key = createHash('sha256')
						.update(`${VERSION}\n${FIRST_SCREEN_CHARACTERS}\n${JSON.stringify(COPY_LINK_BUTTONS)}\n${html}\n${css}`)
						.digest('hex')
						.slice(0, 32);
					const cacheFile = join(cacheDir(), `${key}.json`);
					const finish = (critical: string) => {
						const inline = [critical, ...whole.map((l) => readSheet(l.href))].join('');
						const deferred = split.map((l) => l.href);
						writeFileSync(path, deferStylesheets(html, links, inline, deferred));
					};
					const entry = readCacheEntry(cacheFile, key);
					if (entry && 'css' in entry) {
						finish(entry.css);
						cached++;
						continue;
					}
					if (entry && damaged++ === 0) {
						logger.warn(
							`ignoring a damaged cache entry (${cacheFile}: ${entry.problem}); computing it again. Other damaged entries are recomputed without a further message.`,
						);
					}
					const onFirstScreen = firstScreenMatcher(html, COPY_LINK_BUTTONS);
					const critical = pruneCss(css, (s) => onFirstScreen(selectorForMatching(s)), `${html}\n${scripts}`);
					writeAtomic(
						cacheFile,
						JSON.stringify({ key, css: critical, sha256: cssSha256(critical) } satisfies CacheEntry),
					);
					finish(critical);
					computed++;
				}
				logger.info(`critical CSS: ${computed} page(s) computed, ${cached} cached`);
			},
		},
	};
}
