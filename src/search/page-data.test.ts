import { describe, expect, it } from 'vitest';
import { readPageData } from './page-data.ts';
import type { PageData } from './rank.ts';

/**
 * A page as Pagefind 1.x's `loadFragment` treats it: one cached object, fetched once, rewritten for
 * each search's words when the fetch has come back (then returned, the same object to every caller).
 */
function fakePage(id: string) {
	let release!: () => void;
	const fetched = new Promise<void>((resolve) => (release = resolve));
	const cached: PageData = { url: `/${id}/`, excerpt: '', meta: { title: id }, sub_results: [] };
	const resultFor = (word: string) => ({
		id,
		data: async () => {
			await fetched;
			cached.excerpt = word;
			cached.sub_results = word ? [{ title: id, url: `/${id}/#${word}`, excerpt: word, weighted_locations: [] }] : [];
			return cached;
		},
	});
	return { resultFor, release };
}

describe('readPageData', () => {
	it('the fake reproduces the problem: concurrent data() calls for one page see the last search', async () => {
		const page = fakePage('aws');
		const reading = page.resultFor('semiconductor').data();
		const warmUp = page.resultFor('').data();
		page.release();
		const [search] = await Promise.all([reading, warmUp]);
		expect(search.sub_results).toEqual([]);
	});

	it('each caller keeps the data of its own search when calls for one page overlap', async () => {
		const page = fakePage('aws');
		const reading = readPageData(page.resultFor('semiconductor'));
		const warmUp = readPageData(page.resultFor(''));
		page.release();
		const [search, warm] = await Promise.all([reading, warmUp]);
		expect(search.excerpt).toBe('semiconductor');
		expect(search.sub_results.map((s) => s.url)).toEqual(['/aws/#semiconductor']);
		expect(warm.sub_results).toEqual([]);
	});

	it('calls for different pages do not wait for each other', async () => {
		const a = fakePage('a');
		const b = fakePage('b');
		const first = readPageData(a.resultFor('chips'));
		const second = readPageData(b.resultFor('chips'));
		b.release();
		expect((await second).url).toBe('/b/');
		a.release();
		expect((await first).url).toBe('/a/');
	});

	it('a failed read does not block the next read of that page', async () => {
		const failing = { id: 'x', data: () => Promise.reject(new Error('offline')) };
		await expect(readPageData(failing)).rejects.toThrow('offline');
		const page = fakePage('x');
		page.release();
		expect((await readPageData(page.resultFor('chips'))).excerpt).toBe('chips');
	});
});
