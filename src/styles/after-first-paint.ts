/**
 * Nothing but the page itself before its first paint. The first screen needs only the HTML (its
 * CSS is inline, src/styles/critical-css.ts), so everything else a page uses (the full and print
 * stylesheets, the diagram font's rules, the page's scripts) is requested once the first
 * contentful paint has happened. Linked from <head> or <body>, the preload scanner would request
 * them while the document is still arriving, sharing a slow connection's bandwidth with it (and
 * Lighthouse's mobile LCP counts every request that ends before the paint). Measured on /aws/
 * (Lighthouse mobile, median of 3): LCP 1318 ms with them linked, 926 ms after the paint.
 *
 * After the build, each page's stylesheet links and module scripts move into one block at the end
 * of <body>: the links (module preloads too) inside `<noscript data-after-first-paint>`, so that
 * without JavaScript the stylesheets load as usual, and the scripts in the `data-modules` of a small
 * inline loader, AFTER_FIRST_PAINT_SCRIPT (its hash is in the Content-Security-Policy). Once every
 * stylesheet and script it added has loaded (and the scripts have run) it marks
 * <html data-after-first-paint="loaded">.
 */
import { escapeHtml } from '../security/escape.ts';

/**
 * Runs once the first contentful paint is reported and the page is parsed, a frame later (so the
 * first screen, the first paragraph included, is painted whole before anything else is fetched);
 * in a prerendering page, which paints only when shown, as soon as it is parsed. A page opened in a
 * background tab reports no paint, so a second after `load` it loads its files anyway; a visible
 * page always waits for its paint, however late a busy machine reports it.
 */
export const AFTER_FIRST_PAINT_SCRIPT = `(()=>{const d=document,me=d.currentScript,waits=[],add=(el)=>{waits.push(new Promise((done)=>{el.onload=el.onerror=done}));d.head.append(el)};let started=0,painted=0;const load=()=>{if(started++)return;for(const n of d.querySelectorAll("noscript[data-after-first-paint]")){const t=d.createElement("template");t.innerHTML=n.textContent;t.content.querySelectorAll("link").forEach(add)}for(const src of me.dataset.modules.split(" ")){const s=d.createElement("script");s.type="module";s.src=src;add(s)}Promise.all(waits).then(()=>{d.documentElement.dataset.afterFirstPaint="loaded"})},next=()=>{if(painted&&d.readyState!=="loading")d.prerendering?setTimeout(load):requestAnimationFrame(()=>setTimeout(load))};d.addEventListener("DOMContentLoaded",next);if(d.prerendering||!PerformanceObserver.supportedEntryTypes?.includes("paint"))painted=1;else new PerformanceObserver((entries,observer)=>{if(entries.getEntriesByName("first-contentful-paint").length){observer.disconnect();painted=1;next()}}).observe({type:"paint",buffered:true});addEventListener("load",()=>d.visibilityState==="hidden"&&setTimeout(load,1000))})()`;

/**
 * True, run in the page, once it is parsed and everything it loads after its first paint is in (or
 * it has no loader). Tests and benchmarks wait on it before acting as a reader would a moment after
 * the text appears. A function, not a string: the page's policy allows no eval.
 */
export const afterFirstPaintDone = () =>
	document.readyState !== 'loading' &&
	(!document.querySelector('script[data-modules]') || document.documentElement.dataset.afterFirstPaint === 'loaded');

/** What the page links: stylesheets in <head> that are not inlined, and its module scripts. */
const HEAD_STYLESHEET = /<link rel="stylesheet" href="[^"]+"(?: media="print"| data-after-first-paint)>/g;
const MODULE_PRELOAD = /<link rel="modulepreload" href="[^"]+">/g;
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * The page with its head's remaining stylesheet links (print, and those marked
 * data-after-first-paint), the `stylesheets` given (already taken out of the page) and its module
 * scripts loaded after the first paint. Pages without stylesheets or scripts are unchanged.
 */
export function loadAfterFirstPaint(html: string, stylesheets: string[]): string {
	const headEnd = html.indexOf('</head>');
	if (headEnd < 0) return html;
	let head = html.slice(0, headEnd);
	const links: string[] = [];
	const preloads: string[] = [];
	const modules: string[] = [];
	head = head
		.replace(HEAD_STYLESHEET, (tag) => {
			links.push(tag.replace(' data-after-first-paint', ''));
			return '';
		})
		.replace(MODULE_PRELOAD, (tag) => {
			preloads.push(tag);
			return '';
		})
		.replace(MODULE_SCRIPT, (_, src: string) => {
			modules.push(src);
			return '';
		});
	links.push(...stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`));
	if (!links.length && !modules.length) return html;
	// A page without scripts has no loader to run: it links its sheets at the end of <body>.
	const block = !modules.length
		? links.join('')
		: `<noscript data-after-first-paint>${[...links, ...preloads].join('')}</noscript>` +
			`<script data-modules="${modules.map(escapeHtml).join(' ')}">${AFTER_FIRST_PAINT_SCRIPT}</script>`;
	const body = html.slice(headEnd);
	const end = body.lastIndexOf('</body>');
	return end < 0 ? html : head + body.slice(0, end) + block + body.slice(end);
}
