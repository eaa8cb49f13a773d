import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PassCache } from './pass-cache.ts';

const fresh = (code = ['src/build/pass-cache.ts']) =>
	new PassCache('test-pass', code, mkdtempSync(join(tmpdir(), 'pass-cache-')));

describe('PassCache', () => {
	it('computes once, then returns the stored value for the same inputs', async () => {
		const cache = fresh();
		const compute = vi.fn(() => ({ problems: [] as string[], pages: 3 }));
		expect(await cache.memo(['<html>a</html>'], compute)).toEqual({ problems: [], pages: 3 });
		expect(await cache.memo(['<html>a</html>'], compute)).toEqual({ problems: [], pages: 3 });
		expect(compute).toHaveBeenCalledTimes(1);
		expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
	});

	it('memoSync stores and returns like memo, for computations inside a rendering page', () => {
		const cache = fresh();
		const compute = vi.fn(() => '<p>edge<span hidden>also: on-device</span></p>');
		expect(cache.memoSync(['<p>edge</p>'], compute)).toBe('<p>edge<span hidden>also: on-device</span></p>');
		expect(cache.memoSync(['<p>edge</p>'], compute)).toBe('<p>edge<span hidden>also: on-device</span></p>');
		expect(compute).toHaveBeenCalledTimes(1);
	});

	it('computes again when any input changes, including where one input ends and the next begins', async () => {
		const cache = fresh();
		const compute = vi.fn(() => 1);
		await cache.memo(['ab', 'c'], compute);
		await cache.memo(['a', 'bc'], compute);
		await cache.memo(['ab', 'c', ''], compute);
		expect(compute).toHaveBeenCalledTimes(3);
	});

	it('gives other keys when the code it depends on is different', () => {
		const a = fresh(['src/build/pass-cache.ts']);
		const b = fresh(['src/build/write-atomic.ts']);
		expect(a.key(['x'])).not.toBe(b.key(['x']));
	});

	it('stores nothing when the computation throws', async () => {
		const cache = fresh();
		await expect(
			cache.memo(['x'], () => {
				throw new Error('broken link');
			}),
		).rejects.toThrow('broken link');
		expect(readdirSync(cache.dir)).toEqual([]);
	});

	it('computes a damaged entry again instead of using it, with one warning', async () => {
		const cache = fresh();
		await cache.memo(['page'], () => ({ ok: true }));
		const [file] = readdirSync(cache.dir);
		const path = join(cache.dir, file!);
		// Same JSON shape, edited value: the checksum catches it.
		writeFileSync(path, readFileSync(path, 'utf8').replace('true', 'false'));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		expect(await cache.memo(['page'], () => ({ ok: true }))).toEqual({ ok: true });
		writeFileSync(path, '{"key":');
		expect(await cache.memo(['page'], () => ({ ok: true }))).toEqual({ ok: true });
		expect(warn).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0]![0])).toMatch(/damaged cache entry .*checksum/);
		warn.mockRestore();
		expect(cache.stats.damaged).toBe(2);
	});
});
