import { describe, expect, it } from 'vitest';
import { MAX_FRAGMENT_LENGTH, fragmentId, movedAnchorTarget, parseMovedAnchors } from './fragment.ts';

const moved = parseMovedAnchors(JSON.stringify({ 'spending-so-far-in-2025': '/investment/#money-allocated-in-2025' }));

describe('fragments a reader can arrive with', () => {
	it('follows an anchor that moved', () => {
		expect(movedAnchorTarget(moved, '#spending-so-far-in-2025')).toBe('/investment/#money-allocated-in-2025');
	});

	it('finds nothing for prototype keys', () => {
		for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
			expect(movedAnchorTarget(moved, `#${key}`), key).toBeUndefined();
		}
	});

	it('finds nothing, and does not throw, for malformed escapes', () => {
		for (const hash of ['#%E0%A4%A', '#%', '#%%', '#%zz', '#%C0']) {
			expect(() => movedAnchorTarget(moved, hash), hash).not.toThrow();
			expect(fragmentId(hash), hash).toBeUndefined();
		}
	});

	it('ignores a fragment longer than any anchor, and an empty one', () => {
		expect(fragmentId(`#${'a'.repeat(5000)}`)).toBeUndefined();
		expect(fragmentId(`#${'a'.repeat(MAX_FRAGMENT_LENGTH)}`)).toBe('a'.repeat(MAX_FRAGMENT_LENGTH));
		expect(fragmentId('#')).toBeUndefined();
		expect(fragmentId('')).toBeUndefined();
	});

	it('decodes escaped unicode', () => {
		expect(fragmentId('#caf%C3%A9-%F0%9F%93%88')).toBe('café-📈');
		expect(movedAnchorTarget(moved, '#caf%C3%A9')).toBeUndefined();
	});

	it('reads only string targets from the page data, and nothing from data that is not a map', () => {
		const odd = parseMovedAnchors('{"__proto__": "/x/#y", "a": 1, "b": {"c": "d"}, "ok": "/aws/#top"}');
		expect([...odd.keys()].sort()).toEqual(['__proto__', 'ok']);
		expect(movedAnchorTarget(odd, '#a')).toBeUndefined();
		for (const json of ['not json', '[]', 'null', '"text"', '42']) expect(parseMovedAnchors(json).size, json).toBe(0);
	});
});
