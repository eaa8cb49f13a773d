/**
 * The headers of a page the service worker rebuilt: the host's headers on the delta (a security
 * policy, frame-ancestors, referrer policy: hosts send the same ones for every path) minus those
 * that describe the delta's own bytes, and the page's own type.
 */
const OWN_HEADERS = new Set([
	'content-type',
	'content-length',
	'content-encoding',
	'etag',
	'last-modified',
	'cache-control',
	'expires',
	'age',
	'date',
	'vary',
	'accept-ranges',
	'transfer-encoding',
	'connection',
	'keep-alive',
]);

export function pageHeaders(deltaHeaders: Headers): Headers {
	const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
	deltaHeaders.forEach((value, name) => {
		if (!OWN_HEADERS.has(name.toLowerCase())) headers.set(name, value);
	});
	return headers;
}
