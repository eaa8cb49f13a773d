/**
 * "Copy link to this quote": when a reader selects text in an article, a small button offers a
 * link that opens the page scrolled to that exact text (a text fragment, `#:~:text=`). It is
 * written as `#section-id:~:text=…`, so a browser without text-fragment support still lands on the
 * section that contains the quote.
 */
import { announce, canonicalUrl, writeClipboard } from './clipboard.ts';

const MAX_WORDS = 5;
let button: HTMLButtonElement | undefined;

/** Text-fragment directive for a selection: whole text if short, else `start,end`. */
function textDirective(selected: string): string {
	const words = selected.replace(/\s+/g, ' ').trim().split(' ');
	const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
	if (words.length <= MAX_WORDS * 2) return `text=${enc(words.join(' '))}`;
	return `text=${enc(words.slice(0, MAX_WORDS).join(' '))},${enc(words.slice(-MAX_WORDS).join(' '))}`;
}

/** The id of the h2/h3 section the node sits in (the nearest heading before it), if any. */
function sectionIdFor(node: Node): string {
	const element = node instanceof Element ? node : node.parentElement;
	const content = element?.closest('.sl-markdown-content');
	if (!element || !content) return '';
	let id = '';
	for (const heading of content.querySelectorAll<HTMLElement>('h2[id], h3[id], .source-paragraph[id]')) {
		const position = heading.compareDocumentPosition(element);
		if (heading.contains(element) || position & Node.DOCUMENT_POSITION_FOLLOWING) id = heading.id;
	}
	return id;
}

function hide() {
	button?.remove();
	button = undefined;
}

function show() {
	const selection = document.getSelection();
	const text = selection?.toString().trim() ?? '';
	const range = selection && selection.rangeCount ? selection.getRangeAt(0) : undefined;
	const inArticle = range && range.commonAncestorContainer.parentElement?.closest('.sl-markdown-content');
	if (!range || !inArticle || text.length < 3) return hide();
	const section = sectionIdFor(range.startContainer);
	const url = canonicalUrl(`${section}:~:${textDirective(text)}`);
	if (!button) {
		button = document.createElement('button');
		button.type = 'button';
		button.className = 'quote-link';
		button.textContent = 'Copy link to this quote';
		button.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
		document.body.append(button);
	}
	button.onclick = async () => {
		if (await writeClipboard(url)) announce('Link to quote copied');
		else window.prompt('Copy this link:', url);
		hide();
	};
	const rect = range.getBoundingClientRect();
	button.style.top = `${window.scrollY + rect.bottom + 8}px`;
	button.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, document.documentElement.clientWidth - 220))}px`;
}

let settle: number | undefined;
document.addEventListener('selectionchange', () => {
	// Wait for the selection to settle (dragging fires many events).
	window.clearTimeout(settle);
	settle = window.setTimeout(show, 150);
});
document.addEventListener('keydown', (e) => e.key === 'Escape' && hide());
