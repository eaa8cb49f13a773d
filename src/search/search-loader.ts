/**
 * What every page runs for search before the reader reaches for it: a few lines. The dialog's code
 * and ranking (search-ui.ts, query.ts, spelling.ts, rank.ts) and its markup (/search-dialog.html,
 * dialog-route.ts) load when the reader shows intent (pointer on the search button, focus, touch,
 * Ctrl/Cmd+K, or a shared `?search=` address), then Pagefind itself (pagefind-start.ts, started by
 * the dialog), so a reader who never searches downloads none of it. A click or Ctrl+K that comes
 * before the dialog's code has arrived opens it as soon as it has, and so does one made before this
 * script ran, which the inline script in Search.astro kept (`siteEarlyIntent`).
 */
import { startPagefind } from './pagefind-start.ts';

type SiteSearch = HTMLElement & { open(query?: string): void; prepare(): void };

declare global {
	interface Window {
		/** Set by Search.astro's inline script: a search press made before this script ran. */
		siteEarlyIntent?: { search: boolean; stop(): void };
	}
}

const host = document.querySelector<SiteSearch>('site-search');
if (host) {
	const opener = host.querySelector<HTMLAnchorElement>('[data-search-open]')!;
	// With JavaScript the link is a button that opens the dialog (without, it goes to /topics/).
	opener.setAttribute('role', 'button');
	opener.setAttribute('aria-haspopup', 'dialog');
	const base = host.dataset.base ?? '/';
	let ui: Promise<void> | undefined;
	/** Once the dialog's code runs, its own handlers answer every event. */
	let ready = false;
	// The dialog's markup and code first, Pagefind once they are in: on a slow connection its files
	// (over a hundred KB) would share the line with the dialog and hold up its opening.
	const load = () =>
		(ui ??= Promise.all([
			fetch(`${base}search-dialog.html`).then((r) => {
				if (!r.ok) throw new Error(`search dialog: ${r.status} for ${r.url}`);
				return r.text();
			}),
			import('./search-ui.ts'),
		]).then(([markup, { defineSiteSearch }]) => {
			// The site's own file, parsed inert (DOMParser runs nothing) and moved into the page.
			const dialog = new DOMParser().parseFromString(markup, 'text/html').querySelector('dialog')!;
			host.append(document.adoptNode(dialog));
			defineSiteSearch();
			ready = true;
			host.prepare();
		}));
	const openWhenLoaded = (e: Event) => {
		if (ready) return;
		e.preventDefault();
		void load().then(() => host.open());
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
	if (early?.search) void load().then(() => host.open());
}
