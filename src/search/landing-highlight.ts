/**
 * On a page opened from a search result (`?highlight=word`), marks the query words with Pagefind's
 * own highlight script, and offers a button to clear the marks. The browser scrolls to the
 * result's section by its #anchor.
 */
import { withBase } from '../site/links.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';

const params = new URLSearchParams(location.search);
const words = params.getAll(HIGHLIGHT_PARAM);

function clear(bar: HTMLElement) {
	for (const mark of document.querySelectorAll('mark.pagefind-highlight')) mark.replaceWith(...mark.childNodes);
	const url = new URL(location.href);
	url.searchParams.delete(HIGHLIGHT_PARAM);
	history.replaceState(history.state, '', url);
	bar.remove();
	document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
}

async function highlight() {
	const module = (await import(/* @vite-ignore */ withBase('/pagefind/pagefind-highlight.js'))) as {
		default: new (options: object) => unknown;
	};
	new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markContext: '.sl-markdown-content' });
	const bar = document.createElement('div');
	bar.className = 'highlight-bar';
	bar.setAttribute('role', 'region');
	bar.setAttribute('aria-label', 'Search highlights');
	const text = document.createElement('span');
	text.textContent = `Highlighting “${words.join(' ')}”`;
	const button = document.createElement('button');
	button.type = 'button';
	button.textContent = 'Clear highlights';
	button.addEventListener('click', () => clear(bar));
	bar.append(text, button);
	document.body.append(bar);
}

if (words.length) void highlight();
