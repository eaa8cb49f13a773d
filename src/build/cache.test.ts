import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { binary, Cache, writeAtomic, type CacheKind } from './cache.ts';

const root = () => mkdtempSync(join(tmpdir(), 'build-cache-'));
const fresh = <T>(kind: Partial<CacheKind<T>> = {}) =>
	new Cache<T>({ name: 'test-kind', code: ['src/build/cache.ts'], root: root(), ...kind });
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);
const entryOf = (cache: { dir: string }) => {
	const files = readdirSync(cache.dir);
	expect(files).toHaveLength(1);
	return join(cache.dir, files[0]!);
};

describe('Cache', () => {
	it('computes once, then returns the stored value for the same inputs', async () => {
		const cache = fresh<{ problems: string[]; pages: number }>();
		const compute = vi.fn(() => ({ problems: [] as string[], pages: 3 }));
		expect(await cache.memo(['<html>a</html>'], compute)).toEqual({ problems: [], pages: 3 });
		expect(await cache.memo(['<html>a</html>'], compute)).toEqual({ problems: [], pages: 3 });
		expect(compute).toHaveBeenCalledTimes(1);
		expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
	});

	it('memoSync stores and returns like memo, for computations inside a rendering page', () => {
		const cache = fresh<string>();
		const compute = vi.fn(() => '<p>edge</p>');
		expect(cache.memoSync(['<p>edge</p>'], compute)).toBe('<p>edge</p>');
		expect(cache.memoSync(['<p>edge</p>'], compute)).toBe('<p>edge</p>');
		expect(compute).toHaveBeenCalledTimes(1);
	});

	it('computes again when any input changes, including where one input ends and the next begins', async () => {
		const cache = fresh<number>();
		const compute = vi.fn(() => 1);
		await cache.memo(['ab', 'c'], compute);
		await cache.memo(['a', 'bc'], compute);
		await cache.memo(['ab', 'c', ''], compute);
		await cache.memo([Buffer.from('ab'), 'c'], compute); // bytes and text with the same bytes are the same input
		expect(compute).toHaveBeenCalledTimes(3);
	});

	it('gives another key when the step’s code or the kind is different', () => {
		const dir = root();
		const key = (kind: Partial<CacheKind<unknown>>) =>
			new Cache({ name: 'a', code: ['src/build/cache.ts'], root: dir, ...kind }).key(['x']);
		expect(key({ code: ['src/build/cache.test.ts'] })).not.toBe(key({}));
		expect(key({ name: 'b' })).not.toBe(key({}));
		expect(key({})).toBe(key({}));
	});

	it('stores binary values as they are and reads them back', async () => {
		const cache = fresh<Buffer>({ ...binary });
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0xff, 0x0d, 0x0a]);
		await cache.memo(['png'], () => bytes);
		expect(readFileSync(entryOf(cache)).subarray(-bytes.length).equals(bytes)).toBe(true);
		const compute = vi.fn(() => Buffer.from('other'));
		expect((await cache.memo(['png'], compute)).equals(bytes)).toBe(true);
		expect(compute).not.toHaveBeenCalled();
	});

	it('stores nothing when the computation throws, or when the value fails the kind’s check', async () => {
		const cache = fresh<string>({ check: (v) => (v.startsWith('ok') ? undefined : 'not ok') });
		await expect(
			cache.memo(['x'], () => {
				throw new Error('broken link');
			}),
		).rejects.toThrow('broken link');
		await expect(cache.memo(['y'], () => 'bad')).rejects.toThrow(/refusing to cache .*not ok/);
		expect(existsSync(cache.dir)).toBe(false);
	});

	it.each([
		['edited', (b: Buffer) => Buffer.from(b.toString('latin1').replace('true', 'fals'), 'latin1'), /checksum/],
		['truncated', (b: Buffer) => b.subarray(0, b.length - 3), /checksum/],
		['empty', () => Buffer.alloc(0), /header/],
	])('computes a %s entry again instead of using it, with a warning', async (_, damage, reason) => {
		const cache = fresh<{ ok: boolean }>();
		await cache.memo(['page'], () => ({ ok: true }));
		const path = entryOf(cache);
		writeFileSync(path, damage(readFileSync(path)));
		const warn = quiet();
		const compute = vi.fn(() => ({ ok: true }));
		expect(await cache.memo(['page'], compute)).toEqual({ ok: true });
		expect(compute).toHaveBeenCalledTimes(1);
		expect(String(warn.mock.calls[0]![0])).toMatch(/test-kind: ignoring a damaged cache entry/);
		expect(String(warn.mock.calls[0]![0])).toMatch(reason);
		warn.mockRestore();
		expect(cache.stats.damaged).toBe(1);
		// Written again whole.
		expect(cache.get(cache.key(['page']))).toEqual({ ok: true });
	});

	it('runs the kind’s check on entries it did not write, once per process per entry', async () => {
		const dir = root();
		const kind = { name: 'pngs', code: ['src/build/cache.ts'], root: dir, ...binary };
		const check = (b: Buffer) => (b.subarray(0, 3).toString() === 'PNG' ? undefined : 'not a PNG');
		const writer = new Cache<Buffer>(kind);
		writer.set(writer.key(['a']), Buffer.from('JPEG')); // written by a build without the check
		writer.set(writer.key(['b']), Buffer.from('PNG b'));
		const reader = new Cache<Buffer>({ ...kind, check: vi.fn(check) });
		const warn = quiet();
		expect(reader.get(reader.key(['a']))).toBeUndefined();
		expect(String(warn.mock.calls[0]![0])).toMatch(/not a PNG/);
		warn.mockRestore();
		expect(reader.get(reader.key(['b']))?.toString()).toBe('PNG b');
		expect(reader.get(reader.key(['b']))?.toString()).toBe('PNG b');
		expect(reader.stats.damaged).toBe(1);
		expect(kind).not.toHaveProperty('check');
	});

	it('warns once per kind however many entries are damaged', async () => {
		const cache = fresh<number>();
		await cache.memo(['a'], () => 1);
		await cache.memo(['b'], () => 2);
		for (const f of readdirSync(cache.dir)) writeFileSync(join(cache.dir, f), 'damaged');
		const warn = quiet();
		expect(await cache.memo(['a'], () => 1)).toBe(1);
		expect(await cache.memo(['b'], () => 2)).toBe(2);
		expect(warn).toHaveBeenCalledTimes(1);
		warn.mockRestore();
		expect(cache.stats.damaged).toBe(2);
	});

	it('writes by rename: no temporary file is left, and a write that fails leaves what was there', () => {
		const cache = fresh<string>();
		const key = cache.key(['x']);
		cache.set(key, 'first');
		expect(readdirSync(cache.dir)).toEqual([`${key}.entry`]);
		// The rename cannot replace a folder: the write fails after the temporary file was written.
		const blocked = join(cache.dir, 'blocked');
		mkdirSync(join(blocked, 'inside'), { recursive: true });
		expect(() => writeAtomic(blocked, 'data')).toThrow();
		expect(readdirSync(cache.dir).sort()).toEqual([`${key}.entry`, 'blocked'].sort());
		expect(readdirSync(blocked)).toEqual(['inside']);
		expect(cache.get(key)).toBe('first');
	});
});
