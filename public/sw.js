/**
 * Removes the service worker that earlier versions of this site registered at this address (it
 * rebuilt further pages from deltas; the site no longer has one, and no page registers a worker).
 * A returning reader's browser still has the old worker: on their next visit it checks this URL,
 * finds this script, installs it at once, and this worker deletes the old worker's cache and
 * unregisters itself. It has no fetch handler, so no request ever goes through it, and it reloads
 * no page: the page open now keeps working, and the next one comes straight from the network.
 */
// The one cache the old worker kept (src/page-deltas/service-worker.ts, removed). Caches another
// application on the same origin may keep are not this site's to delete.
const OLD_CACHES = /^page-deltas/;

self.addEventListener('install', () => {
	self.skipWaiting();
});

self.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const names = await caches.keys();
			await Promise.all(names.filter((name) => OLD_CACHES.test(name)).map((name) => caches.delete(name)));
			await self.registration.unregister();
		})(),
	);
});
