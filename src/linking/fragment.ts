/**
 * Reading a page's #fragment safely, whatever a reader (or a link someone made up) put there. The
 * fragment is not ours: it can be a prototype key (`#constructor`, `#__proto__`), a broken escape
 * (`#%E0%A4%A`, which makes decodeURIComponent throw), or kilobytes long. None of them may break
 * the page: an unknown fragment is simply not followed.
 */

/** Longer than any anchor this site publishes by far; a longer fragment is not one of ours. */
export const MAX_FRAGMENT_LENGTH = 512;

/** The id a `#hash` names, decoded; undefined when it is empty, too long or not a valid escape. */
export function fragmentId(hash: string): string | undefined {
	const raw = hash.startsWith('#') ? hash.slice(1) : hash;
	if (!raw || raw.length > MAX_FRAGMENT_LENGTH) return undefined;
	try {
		return decodeURIComponent(raw);
	} catch {
		return undefined;
	}
}

/**
 * The moved anchors of a page from the JSON route-middleware.ts writes (`{ "old-id": "/page/#new-id" }`),
 * as a Map so that only ids written there are found: never `constructor` or `toString`. Anything
 * that is not a string-to-string object gives an empty map.
 */
export function parseMovedAnchors(json: string): Map<string, string> {
	let data: unknown;
	try {
		data = JSON.parse(json);
	} catch {
		return new Map();
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return new Map();
	return new Map(Object.entries(data).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** Where an old anchor moved to, for `hash` (as in `location.hash`); undefined for any other fragment. */
export function movedAnchorTarget(moved: ReadonlyMap<string, string>, hash: string): string | undefined {
	const id = fragmentId(hash);
	return id === undefined ? undefined : moved.get(id);
}
