/**
 * The service worker behind a lighter read-through (bundled to `sw.js` by integration.ts). Opening
 * another page of the site, it fetches the page's delta (`<page>/index.delta.json`, about a third
 * of the page once compressed) instead of the page, and rebuilds the page's exact bytes from it and
 * the base page it keeps: one real page of the site, fetched once when the first delta needs it.
 *
 * It never changes a page: the rebuilt text must have the SHA-256 the delta names, or the worker
 * fetches the page itself, as it does for anything else that goes wrong (no delta, an older base,
 * the network). Only navigations to the site's article pages go through it; every other request
 * goes to the network as if there were no worker. The host's headers on the delta (security policy
 * and the like) go on the rebuilt page, since a host sends the same ones for both.
 */
import { applyDelta, type PageDelta } from './delta.ts';
import { pageHeaders } from './page-headers.ts';

// The project's types are the DOM's (a webworker lib reference would retype every page script's
// `addEventListener`), so the little of the worker's scope used here is declared by hand.
interface FetchEvent extends Event {
	readonly request: Request;
	respondWith(response: Promise<Response>): void;
}
declare const self: {
	readonly location: Location;
	skipWaiting(): Promise<void>;
	addEventListener(type: 'install', listener: () => void): void;
	addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
};
/** Filled in at build time: the paths (with the base path) of the pages that have a delta. */
declare const __DELTA_PAGES__: string[];

const pages = new Set(__DELTA_PAGES__);
const CACHE = 'page-deltas-base';

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The base page the delta was made against, from the cache or (once) from the network. */
async function basePage(path: string, expectedSha: string): Promise<string | undefined> {
	const cache = await caches.open(CACHE);
	const key = new URL(`${path}#${expectedSha}`, self.location.origin).href;
	const cached = await cache.match(key);
	if (cached) return cached.text();
	const response = await fetch(path, { cache: 'no-cache', credentials: 'same-origin' });
	if (!response.ok) return undefined;
	const text = await response.text();
	if ((await sha256(text)) !== expectedSha) return undefined;
	// One base at a time: an older one is of no use to the deltas of this version of the site.
	for (const old of await cache.keys()) await cache.delete(old);
	await cache.put(key, new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8' } }));
	return text;
}

async function rebuild(path: string): Promise<Response> {
	const response = await fetch(`${path}index.delta.json`, { cache: 'no-cache', credentials: 'same-origin' });
	if (!response.ok) throw new Error(`no delta (${response.status})`);
	const delta = (await response.json()) as PageDelta;
	const base = await basePage(delta.base, delta.baseSha256);
	if (base === undefined) throw new Error('base page changed');
	const html = applyDelta(base, delta.ops);
	if ((await sha256(html)) !== delta.sha256) throw new Error('rebuilt page does not match');
	return new Response(html, { status: 200, headers: pageHeaders(response.headers) });
}

self.addEventListener('install', () => void self.skipWaiting());

self.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.mode !== 'navigate' || request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin || !pages.has(url.pathname)) return;
	event.respondWith(rebuild(url.pathname).catch(() => fetch(request)));
});
