/**
 * Registers the service worker that makes each further page of a visit a delta (service-worker.ts)
 * once this page has loaded: the worker itself is a small script and fetches nothing until the
 * reader opens another page. `astro dev` has no deltas: there, a worker left by a preview of the
 * built site on the same address is removed, so authoring never goes through it.
 */
export function registerPageDeltas(base: string): void {
	if (!('serviceWorker' in navigator)) return;
	if (!import.meta.env.PROD) {
		void navigator.serviceWorker.getRegistrations().then((all) => all.forEach((r) => void r.unregister()));
		return;
	}
	const register = () => void navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {});
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}

registerPageDeltas(import.meta.env.BASE_URL.replace(/\/?$/, '/'));
