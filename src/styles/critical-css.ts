/**
 * First paint in one round trip. After the build, each page gets, inlined in its <head>, only the
 * CSS rules its first screen uses (at phone, tablet and desktop sizes, in either theme); the full
 * stylesheet stays one cacheable file, linked at the end of <body> with a low fetch priority, so it
 * blocks neither parsing nor first paint and is downloaded once for a whole visit.
 *
 * Which rules the first screen uses is decided by the real browser on the built page (selectors
 * matched against the elements that lie in the first viewport), and cached by a hash of the page
 * and its stylesheets, so a rebuild with unchanged pages starts no browser. The full stylesheet
 * repeats every rule in the same order, so when it arrives nothing on the first screen changes
 * (tests/e2e/performance.spec.ts compares screenshots with and without it).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import postcss, { type AtRule, type ChildNode, type Container, type Root } from 'postcss';
import { fromRoot } from '../article/paths.ts';
import { sharedBrowser } from '../build/browser.ts';
import { writeAtomic } from '../build/write-atomic.ts';

/** Bump when the selection below changes, so cached results are recomputed. */
const VERSION = 4;

/**
 * Viewports whose first screen must paint from the inlined CSS alone: a tall phone, a tablet (the
 * layout between Starlight's two breakpoints) and a large desktop. Each shows at least as much of
 * the page as smaller screens with the same layout (Lighthouse's 412×823 and 1350×940 among them).
 */
export const VIEWPORTS = [
	{ width: 412, height: 915 },
	{ width: 820, height: 1180 },
	{ width: 1920, height: 1200 },
];

/** Stylesheets this small are inlined whole: a request would cost more than the bytes. */
const INLINE_WHOLE_MAX_BYTES = 1024;

/** Pages measured at once. */
const CONCURRENCY = 3;

const STYLESHEET_LINK = /<link rel="stylesheet" href="([^"]+)"(?![^>]*\bmedia=)[^>]*>/g;

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
 * Selectors as the browser should test them for "is this element on the first screen": pseudo-
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

/** Every selector of every style rule, outside keyframes. */
export function selectorsOf(css: string): string[] {
	const out = new Set<string>();
	postcss.parse(css).walkRules((rule) => {
		if (insideKeyframes(rule)) return;
		for (const s of rule.selectors) out.add(s);
	});
	return [...out];
}

function insideKeyframes(node: ChildNode): boolean {
	for (let p = node.parent; p && p.type !== 'root'; p = (p as ChildNode).parent) {
		if (p.type === 'atrule' && /keyframes$/i.test((p as AtRule).name)) return true;
	}
	return false;
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

/** Replaces the head's stylesheet links by the inlined critical CSS and links the sheets, not render-blocking, at the end of body. */
export function deferStylesheets(html: string, links: StylesheetLink[], critical: string, deferred: string[]): string {
	if (!links.length) return html;
	let out = html.replace(links[0]!.tag, `<style>${critical}</style>`);
	for (const link of links.slice(1)) out = out.replace(link.tag, '');
	// A stylesheet whose media does not match never blocks first paint (one at the end of <body>
	// still does, in Chromium), so it loads as "print" and load-deferred-css.ts switches it to "all"
	// once the page is parsed. Without JavaScript, <noscript> links it as usual.
	const tags = deferred
		.map(
			(href) =>
				`<link rel="stylesheet" href="${href}" media="print" fetchpriority="low" data-deferred-css><noscript><link rel="stylesheet" href="${href}"></noscript>`,
		)
		.join('');
	const end = out.lastIndexOf('</body>');
	return out.slice(0, end) + tags + out.slice(end);
}

/**
 * Asks the browser which of `selectors` match an element on the page's first screen, at any viewport, in either theme.
 * The page opens at the first viewport and is resized to the others: one load, one layout per
 * viewport. Waiting for frames and matching happen in one call per viewport, since every call is a
 * round trip between three processes.
 */
async function usedSelectors(
	page: import('playwright-core').Page,
	url: string,
	selectors: string[],
): Promise<Set<string>> {
	await page.setViewportSize(VIEWPORTS[0]!);
	await page.goto(url, { waitUntil: 'load' });
	const used = new Set<string>();
	for (const [i, viewport] of VIEWPORTS.entries()) {
		if (i > 0) await page.setViewportSize(viewport);
		// Only selectors not yet known to be used need testing again.
		const pending = selectors.filter((s) => !used.has(s)).map((s) => [s, selectorForMatching(s)]);
		const matched: string[] = await page.evaluate(
			async ({ pending, loaded }) => {
				// Two frames: scripts (after load: marking the current TOC entry, filling in labels)
				// and resize observers react first, and what they set must look right at first paint too.
				await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
				if (loaded) await document.fonts.ready;
				window.scrollTo(0, 0);
				const vw = innerWidth;
				const vh = innerHeight;
				const visible = (el: Element) => {
					const r = el.getBoundingClientRect();
					return r.bottom >= 0 && r.top < vh && r.right >= 0 && r.left < vw;
				};
				// An element that is not rendered counts where its parent is on screen: the rule
				// hiding it (or what it will look like when shown) must be there at first paint.
				const onFirstScreen = (el: Element) => {
					if (el.getClientRects().length) return visible(el);
					const parent = el.parentElement;
					return !parent || (parent.getClientRects().length > 0 && visible(parent));
				};
				return pending
					.filter(([, test]) => {
						try {
							for (const el of document.querySelectorAll(test!)) if (onFirstScreen(el)) return true;
							return false;
						} catch {
							return true; // a selector this browser cannot test is kept
						}
					})
					.map(([original]) => original!);
			},
			{ pending, loaded: i === 0 },
		);
		for (const s of matched) used.add(s);
	}
	return used;
}

const cacheDir = () => fromRoot('.cache', 'critical-css');

interface CacheEntry {
	key: string;
	css: string;
}

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
		postcss.parse(entry.css);
		return { css: entry.css };
	} catch (error) {
		return { problem: `not valid (${(error as Error).message.split('\n')[0]})` };
	}
}

export function criticalCss(): AstroIntegration {
	return {
		name: 'critical-css',
		hooks: {
			'astro:build:start': () => {
				// Nothing cached (a clean build): the browser will be needed, so start it while Vite bundles.
				const dir = cacheDir();
				if (!existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.json'))) sharedBrowser().warmUp();
			},
			'astro:build:done': async ({ dir, logger }) => {
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
				const newPage = async () => {
					const page = await (await sharedBrowser().launch()).newPage();
					// Nothing here is ever looked at, yet every frame would be painted and rasterised in
					// software, about a third of the pass's CPU. visibility:hidden skips painting and keeps
					// every box where it is, so which elements are on the first screen does not change. It
					// goes on <html>'s style attribute, not in a new element, so no structural selector
					// (:first-child, +, ~) sees a difference.
					await page.addInitScript(() => {
						const hide = () => document.documentElement.style.setProperty('visibility', 'hidden', 'important');
						if (document.documentElement) return hide();
						new MutationObserver((_, observer) => {
							if (!document.documentElement) return;
							observer.disconnect();
							hide();
						}).observe(document, { childList: true });
					});
					// The built site, served from dist/ without a server. Fonts and images cannot
					// change which elements are on the first screen (text uses system fonts), so skip them.
					await page.route('http://critical.invalid/**', async (route) => {
						const url = new URL(route.request().url());
						let rel = decodeURIComponent(url.pathname).slice(base.length);
						if (rel === '' || rel.endsWith('/')) rel += 'index.html';
						const filePath = join(distDir, rel);
						if (/\.(woff2?|png|jpe?g|webp|avif|svg|ico)$/.test(rel) || !existsSync(filePath))
							return route.fulfill({ status: 404, body: '' });
						await route.fulfill({ path: filePath });
					});
					return page;
				};
				let computed = 0;
				let cached = 0;
				let damaged = 0;
				const todo: ((page: import('playwright-core').Page) => Promise<void>)[] = [];
				for (const file of pages) {
					const path = join(distDir, file);
					const html = readFileSync(path, 'utf8');
					const links = stylesheetLinks(html);
					if (!links.length) continue;
					const whole = links.filter((l) => Buffer.byteLength(readSheet(l.href)) <= INLINE_WHOLE_MAX_BYTES);
					const split = links.filter((l) => !whole.includes(l));
					const css = split.map((l) => readSheet(l.href)).join('\n');
					const key = createHash('sha256').update(`${VERSION}\n${html}\n${css}`).digest('hex').slice(0, 32);
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
					todo.push(async (page) => {
						const url = `http://critical.invalid${base}${file.replace(/index\.html$/, '')}`;
						const used = await usedSelectors(page, url, selectorsOf(css));
						const critical = pruneCss(css, (s) => used.has(s), `${html}\n${scripts}`);
						writeAtomic(cacheFile, JSON.stringify({ key, css: critical } satisfies CacheEntry));
						finish(critical);
						computed++;
					});
				}
				// A few pages at once: much of a page's time is spent waiting on the browser.
				try {
					const queue = [...todo];
					const worker = async () => {
						const page = await newPage();
						try {
							for (let task = queue.shift(); task; task = queue.shift()) await task(page);
						} finally {
							await page.close().catch(() => undefined);
						}
					};
					await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
				} finally {
					// The last user of the build's browser (diagrams are drawn before this).
					await sharedBrowser().close();
				}
				logger.info(`critical CSS: ${computed} page(s) computed, ${cached} cached`);
			},
		},
	};
}
