/**
 * Which elements of a built page its first screen can show, read from the HTML alone: no browser,
 * no layout, so the critical CSS of a whole site takes a fraction of a second (a page load and
 * three layouts in Chromium took about half a second per page on a 2-core machine).
 *
 * Everything outside the page's text counts (header, sidebar, table of contents, title): on some
 * screen size it is on the first screen, or hidden there until a click. The text (Starlight's
 * `.sl-markdown-content` and what follows it in <main>) is read in document order, and an element
 * counts if it starts within the first FIRST_SCREEN_CHARACTERS characters of visible text.
 * Diagrams and images add no characters, so a tall figure near the top keeps what follows it.
 */
import { compile, selectAll } from 'css-select';
import type { AnyNode, ChildNode, Element } from 'domhandler';
import { append } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Characters of text a first screen can show, with a fifth to spare. Measured on the built pages in
 * Chromium (text before the first element that starts below the viewport): at most 2,447 at
 * 1920×1200, 2,116 at 820×1180 and 1,388 at 412×915. Larger screens (3,260 at 2560×1440) may
 * show the last lines in the stylesheet's rules a moment later; each character more costs bytes
 * on every page.
 */
export const FIRST_SCREEN_CHARACTERS = 3000;

/** Text that takes no room on screen (or, in an SVG, sits in a drawing whose size does not depend on it). */
const UNCOUNTED_TEXT = new Set(['script', 'style', 'template', 'noscript', 'svg', 'math']);

const hasClass = (el: Element, name: string) => (el.attribs.class ?? '').split(/\s+/).includes(name);

/** Elements a page's scripts add on load, as HTML inserted after every element `after` matches. */
export interface ScriptAddition {
	after: string;
	html: string;
}

/**
 * A test for "does this selector match an element the first screen can show?" on `html`, with
 * `additions` made first: what scripts add right away must be styled at first paint too.
 */
export function firstScreenMatcher(html: string, additions: ScriptAddition[] = []): (selector: string) => boolean {
	const document = parseDocument(html);
	for (const { after, html: added } of additions) {
		for (const anchor of selectAll(after, document).reverse()) {
			for (const node of [...parseDocument(added).children].reverse()) append(anchor, node);
		}
	}
	const below = new Set<AnyNode>();
	let counting = false;
	let characters = 0;
	let inMain = false;
	const walk = (nodes: ChildNode[], countText: boolean) => {
		for (const node of nodes) {
			if (node.type === 'text') {
				if (counting && countText) characters += node.data.replace(/\s+/g, ' ').length;
				continue;
			}
			if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
			const el = node as Element;
			const isMain = el.name === 'main';
			if (isMain) inMain = true;
			if (inMain && !counting && hasClass(el, 'sl-markdown-content')) counting = true;
			// A closed dialog is not rendered; it opens on a click, once the full stylesheet is there.
			if ((counting && characters >= FIRST_SCREEN_CHARACTERS) || (el.name === 'dialog' && !('open' in el.attribs))) {
				for (const inside of [el, ...selectAll('*', el)]) below.add(inside);
				continue;
			}
			const counts = countText && !UNCOUNTED_TEXT.has(el.name) && !('hidden' in el.attribs) && !hasClass(el, 'sr-only');
			walk(el.children, counts);
			// What comes after <main> (scripts, the deferred stylesheet) is not text to read.
			if (isMain) counting = false;
		}
	};
	walk(document.children, true);
	const onScreen = selectAll<AnyNode, Element>('*', document).filter((el) => !below.has(el));
	return (selector) => {
		try {
			const test = compiled(selector);
			return onScreen.some((el) => test(el));
		} catch {
			return true; // a selector this engine cannot test is kept
		}
	};
}

/**
 * States no element is in before the reader acts: a popover (Starlight's mobile menu) or a modal
 * dialog opens on a click, when the full stylesheet is there.
 */
const CLOSED_AT_LOAD = { 'popover-open': () => false, modal: () => false };

/** Selectors compiled once for all pages: compiling is most of the matching's cost. */
const compiledSelectors = new Map<string, (el: Element) => boolean>();
function compiled(selector: string): (el: Element) => boolean {
	let test = compiledSelectors.get(selector);
	if (!test) compiledSelectors.set(selector, (test = compile<AnyNode, Element>(selector, { pseudos: CLOSED_AT_LOAD })));
	return test;
}
