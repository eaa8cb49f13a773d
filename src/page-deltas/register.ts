/**
 * Registers the service worker that makes each further page of a visit a delta (service-worker.ts)
 * once this page has loaded: the worker itself is a small script and fetches nothing until the
 * reader opens another page. Built sites only; `astro dev` has no deltas.
 */
export function registerPageDeltas(base: string): void {
	if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
	const register = () => void navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {});
	if (document.readyState === 'complete') register();
	else addEventListener('load', register, { once: true });
}

registerPageDeltas(import.meta.env.BASE_URL.replace(/\/?$/, '/'));
