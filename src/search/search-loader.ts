/**
 * What every page runs for search before the reader reaches for it: a few lines. The dialog's code
 * and ranking (search-ui.ts, query.ts, spelling.ts, rank.ts) and its markup (/search-dialog.html,
 * dialog-route.ts) load when the reader shows intent (pointer on the search button, focus, touch,
 * Ctrl/Cmd+K, or a shared `?search=` address), then Pagefind itself (pagefind-start.ts, started by
 * the dialog), so a reader who never searches downloads none of it. A click or Ctrl+K that comes
 * before the dialog's code has arrived opens the search box at once (the reader can type), and the
 * rest of the dialog fills in around it when the code is in; so does one made before this script
 * ran, which the inline script in Search.astro kept (`siteEarlyIntent`).
 */
import { startPagefind } from './pagefind-start.ts';
import { withBase } from '../site/links.ts';

type SiteSearch = HTMLElement & { open(query?: string, returnFocus?: HTMLElement | null): void; prepare(): void };

declare global {
	interface Window {
		/** Set by Search.astro's inline script: a search press made before this script ran. */
		siteEarlyIntent?: { search: boolean; stop(): void };
		/** Set by this script when it runs before that inline script, which calls it. */
		siteSearchStart?: () => void;
	}
}

const start = (host: SiteSearch | null) => {
	if (!host) return;
	const opener = host.querySelector<HTMLAnchorElement>('[data-search-open]')!;
	// With JavaScript the link is a button that opens the dialog (without, it goes to /topics/).
	opener.setAttribute('role', 'button');
	opener.setAttribute('aria-haspopup', 'dialog');
	let ui: Promise<void> | undefined;
	/** Once the dialog's code runs, its own handlers answer every event. */
	let ready = false;
	/** The reader asked for search and has not closed it since. */
	let wanted = false;
	/** The search box, opened at a press that comes before the dialog's markup and code. */
	let shell: HTMLDialogElement | undefined;
	/** What had focus when the search box opened: it gets it back on close. */
	let focusBefore: HTMLElement | null = null;

	// Built with DOM calls, not markup: the classes are the dialog's own, so it looks like its top.
	const openShell = () => {
		if (shell) return;
		shell = document.createElement('dialog');
		shell.className = 'search-dialog';
		shell.setAttribute('aria-label', 'Search');
		const frame = shell.appendChild(document.createElement('div'));
		frame.className = 'search-frame';
		const bar = frame.appendChild(document.createElement('div'));
		bar.className = 'search-bar';
		bar.setAttribute('role', 'search');
		const input = bar.appendChild(document.createElement('input'));
		Object.assign(input, { id: 'search-input', type: 'search', placeholder: 'Search the explainer', maxLength: 200 });
		input.setAttribute('aria-label', 'Search the explainer');
		input.setAttribute('autocomplete', 'off');
		// Closes as the dialog's own button does; the dialog's replaces it when the rest fills in.
		const close = bar.appendChild(document.createElement('button'));
		Object.assign(close, { type: 'button', className: 'search-close', textContent: 'Close' });
		close.addEventListener('click', () => shell?.close());
		const status = frame.appendChild(document.createElement('p'));
		status.className = 'search-status';
		status.setAttribute('role', 'status');
		status.textContent = 'Loading search…';
		focusBefore = document.activeElement as HTMLElement | null;
		host.append(shell);
		shell.addEventListener('close', () => {
			if (ready) return;
			wanted = false;
			shell?.remove();
			shell = undefined;
			document.body.toggleAttribute('data-search-modal-open', false);
		});
		shell.showModal();
		document.body.toggleAttribute('data-search-modal-open', true);
		input.focus();
	};

	/**
	 * The full dialog into the open search box: its input stays the one the reader is typing in
	 * (focus and caret kept), and everything else around it comes from the dialog's markup.
	 */
	const fillShell = (open: HTMLDialogElement, full: HTMLDialogElement) => {
		const input = open.querySelector<HTMLInputElement>('#search-input')!;
		const fullInput = full.querySelector<HTMLInputElement>('#search-input')!;
		for (const { name, value } of [...fullInput.attributes]) if (name !== 'value') input.setAttribute(name, value);
		input.removeAttribute('aria-label');
		const bar = input.parentElement!;
		const fullBar = fullInput.parentElement!;
		for (const child of [...bar.children]) if (child !== input) child.remove();
		input.before(...[...fullBar.childNodes].slice(0, [...fullBar.childNodes].indexOf(fullInput)));
		input.after(...[...fullBar.childNodes].filter((n) => n !== fullInput));
		const frame = bar.parentElement!;
		for (const child of [...frame.children]) if (child !== bar) child.remove();
		const fullFrame = fullBar.parentElement!;
		frame.append(...[...fullFrame.childNodes].filter((n) => n !== fullBar));
	};

	// Pagefind starts with the dialog's markup and code, not after them: the first result needs all
	// three, so one chain of round trips, not two. The search box itself opens without any of them.
	const load = () => {
		if (!ui) startPagefind().catch(() => undefined);
		return (ui ??= Promise.all([
			fetch(withBase('/search-dialog.html')).then((r) => {
				if (!r.ok) throw new Error(`search dialog: ${r.status} for ${r.url}`);
				return r.text();
			}),
			import('./search-ui.ts'),
		]).then(([markup, { defineSiteSearch }]) => {
			// The site's own file, parsed inert (DOMParser runs nothing) and moved into the page.
			const dialog = new DOMParser().parseFromString(markup, 'text/html').querySelector('dialog')!;
			if (shell) fillShell(shell, document.adoptNode(dialog));
			else host.append(document.adoptNode(dialog));
			defineSiteSearch();
			ready = true;
			host.prepare();
			if (wanted) host.open(undefined, focusBefore);
		}));
	};
	/** A press: the search box opens now, the rest of the dialog as soon as its code is in. */
	const ask = () => {
		wanted = true;
		openShell();
		void load();
	};
	const openWhenLoaded = (e: Event) => {
		if (ready) return;
		e.preventDefault();
		ask();
	};
	for (const event of ['pointerenter', 'focus', 'touchstart'] as const) {
		opener.addEventListener(event, () => void load(), { once: true, passive: true });
	}
	opener.addEventListener('click', openWhenLoaded);
	opener.addEventListener('keydown', (e) => e.key === ' ' && openWhenLoaded(e));
	addEventListener('keydown', (e) => {
		if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') openWhenLoaded(e);
	});
	if (new URLSearchParams(location.search).has('search')) void load();
	// From here on this script answers: the inline recorder stops, and a press it kept is acted on.
	const early = window.siteEarlyIntent;
	early?.stop();
	if (early?.search) ask();
};
// This file runs as soon as it arrives (page-scripts.ts loads it with `async`), so a press gets an
// answer while the rest of the page is still being parsed. It can arrive before the search button
// has been parsed: Search.astro's inline script, which follows the button, then starts it.
const begin = () => start(document.querySelector<SiteSearch>('site-search'));
if (window.siteEarlyIntent) begin();
else window.siteSearchStart = begin;
