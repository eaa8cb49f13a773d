import { describe, expect, it } from 'vitest';
import { fuseRankings } from '../fuse.ts';
import type { RankedSection } from '../rank.ts';
import { encoderId } from './encoder.ts';
import {
	DIMENSIONS,
	SHARDS,
	decodeShard,
	encodeShard,
	fromBase64,
	quantize,
	queryVector,
	shardOf,
	similarities,
	textMeaning,
	toBase64,
	wordsOf,
	type MeaningSection,
	type WordEntry,
} from './format.ts';
import { sectionsOf, type Fragment } from './sections.ts';
import { principalComponents, project, sifWeight } from './word-table.ts';

const unit = (i: number, dimensions = DIMENSIONS) => {
	const v = new Float32Array(dimensions);
	v[i] = 1;
	return v;
};

describe('meaning index format', () => {
	it('round-trips a word shard, in word order, whatever order it was given', () => {
		const entries: [string, WordEntry][] = [
			['zebra', { weight: 200, vector: quantize(unit(3)) }],
			['lawmakers', { weight: 255, vector: quantize(unit(0)) }],
			['über', { weight: 1, vector: quantize(unit(63)) }],
		];
		const decoded = decodeShard(encodeShard(entries));
		expect([...decoded.keys()]).toEqual(['lawmakers', 'zebra', 'über']);
		for (const [word, entry] of entries) {
			expect(decoded.get(word)!.weight).toBe(entry.weight);
			expect([...decoded.get(word)!.vector]).toEqual([...entry.vector]);
		}
	});

	it('refuses a shard of the wrong length or with no header', () => {
		const bytes = encodeShard([['word', { weight: 9, vector: quantize(unit(1)) }]]);
		expect(() => decodeShard(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong length/);
		expect(() => decodeShard(new TextEncoder().encode('no zero byte'))).toThrow(/not a word shard/);
		expect(() => encodeShard([['short', { weight: 1, vector: new Int8Array(3) }]])).toThrow(
			new RegExp(`3 values, not ${DIMENSIONS}`),
		);
	});

	it('puts a word in the same shard every time (FNV-1a, the value the browser computes too)', () => {
		expect(shardOf('')).toBe(0x811c9dc5 % SHARDS);
		expect(shardOf('doctors')).toBe(shardOf('doctors'));
		// The published FNV-1a 32-bit value of "a".
		expect(shardOf('a', 2 ** 32)).toBe(0xe40c292c);
	});

	it('round-trips int8 vectors through base64, negative values included', () => {
		const values = Int8Array.from([-128, -127, -1, 0, 1, 126, 127]);
		expect([...fromBase64(toBase64(new Uint8Array(values.buffer)))]).toEqual([...values]);
	});

	it('quantizes to unit length × 127', () => {
		expect([...quantize([3, 4]).values()]).toEqual([76, 102]);
		expect([...quantize([0, 0])]).toEqual([0, 0]);
	});

	it('scores a query by the weighted mean of its known words, and scores nothing when none is known', () => {
		const vectors = new Int8Array(2 * DIMENSIONS);
		vectors.set(quantize(unit(0)), 0);
		vectors.set(quantize(unit(1)), DIMENSIONS);
		const rare = { weight: 255, vector: quantize(unit(1)) };
		const common = { weight: 20, vector: quantize(unit(0)) };
		const sims = similarities(queryVector([rare, common])!, vectors);
		expect(sims[1]).toBeGreaterThan(0.95);
		expect(sims[0]).toBeLessThan(0.2);
		expect(queryVector([])).toBeUndefined();
		expect(queryVector([{ weight: 0, vector: quantize(unit(2)) }])).toBeUndefined();
	});

	it("makes a section's meaning as a query's, so the same words meet at similarity 1", () => {
		const table = new Map<string, WordEntry>([
			['doctors', { weight: 255, vector: quantize(unit(1)) }],
			['the', { weight: 3, vector: quantize(unit(0)) }],
			['chips', { weight: 200, vector: quantize(unit(2)) }],
		]);
		const section = textMeaning(wordsOf('The doctors — the Doctors!'), table);
		const other = textMeaning(wordsOf('the chips'), table);
		const vectors = new Int8Array(2 * DIMENSIONS);
		vectors.set(section, 0);
		vectors.set(other, DIMENSIONS);
		const sims = similarities(queryVector([table.get('doctors')!])!, vectors);
		expect(sims[0]).toBeGreaterThan(0.99);
		expect(sims[1]).toBeLessThan(0.1);
		// Words the table lacks say nothing: all zeros, which is similar to nothing.
		expect([...textMeaning(wordsOf('zzz 42'), table)].every((x) => x === 0)).toBe(true);
	});
});

describe('word table', () => {
	// Points spread mostly along axis 2, then axis 0, barely along axis 1.
	const rows = Array.from({ length: 200 }, (_, i) => {
		const t = Math.sin(i * 1.7);
		const u = Math.cos(i * 0.9);
		return Float32Array.from([3 * u, 0.1 * Math.sin(i), 10 * t, 5]);
	});

	it('finds the directions of largest spread first, each with a fixed sign, the same on every run', () => {
		const a = principalComponents(rows, 2);
		const b = principalComponents(rows, 2);
		expect(a.basis.map((v) => [...v])).toEqual(b.basis.map((v) => [...v]));
		expect(Math.abs(a.basis[0]![2]!)).toBeGreaterThan(0.999);
		expect(Math.abs(a.basis[1]![0]!)).toBeGreaterThan(0.999);
		for (const v of a.basis) expect(Math.max(...v)).toBeGreaterThan(Math.abs(Math.min(...v)));
		expect(a.mean[3]).toBeCloseTo(5);
	});

	it('projects a vector around the mean into the reduced space', () => {
		const projection = principalComponents(rows, 2);
		const along = (axis: number) => {
			const v = Float32Array.from(projection.mean);
			v[axis]! += 4;
			return [...project(v, projection)].map(Math.abs);
		};
		expect(along(2)[0]).toBe(127);
		expect(along(2)[1]).toBeLessThanOrEqual(2);
		expect(along(0)[1]).toBe(127);
		expect(along(0)[0]).toBeLessThanOrEqual(2);
	});

	it('weighs rare words more than common ones, never zero', () => {
		expect(sifWeight(0)).toBe(255);
		expect(sifWeight(0.05)).toBe(1);
		expect(sifWeight(1e-5)).toBeGreaterThan(sifWeight(1e-3));
	});
});

describe('sections of the meaning index', () => {
	const fragment: Fragment = {
		url: '/risks/',
		content:
			'Risks Amazon faces The page opens here. Regulation Rules may tighten. Lawmakers watch AI. Costs Money goes out.',
		meta: { title: 'Risks Amazon faces', description: 'What could go wrong.' },
		anchors: [
			{ element: 'h1', id: '_top', text: 'Risks Amazon faces', location: 0 },
			{ element: 'h2', id: 'regulation', text: 'Regulation', location: 7 },
			{ element: 'h2', id: 'costs', text: 'Costs', location: 14 },
			{ element: 'span', id: 'not-a-heading', text: 'x', location: 9 },
		],
	};

	it('cuts a page at its headings, with the addresses Pagefind gives its sub-results', () => {
		const sections = sectionsOf([fragment], (url) => (url === '/risks/' ? 0.5 : 1));
		expect(sections.map((s) => s.url)).toEqual(['/risks/', '/risks/#regulation', '/risks/#costs']);
		expect(sections.every((s) => s.weight === 0.5 && s.page === 'Risks Amazon faces')).toBe(true);
		const regulation = sections[1]!;
		expect(regulation.excerpt).toBe('Rules may tighten. Lawmakers watch AI.');
		expect(regulation.sentences).toEqual([
			'Risks Amazon faces: Regulation',
			'Rules may tighten.',
			'Lawmakers watch AI.',
		]);
		expect(sections[0]!.sentences.slice(0, 2)).toEqual(['Risks Amazon faces', 'What could go wrong.']);
	});

	it('orders sections by address, whatever order the fragments come in', () => {
		const other = { ...fragment, url: '/aws/', meta: { title: 'AWS' } };
		expect(sectionsOf([fragment, other]).map((s) => s.url)[0]).toBe('/aws/');
	});
});

describe('fused ranking', () => {
	const section = (url: string, title: string): MeaningSection => ({
		url,
		title,
		page: 'Page',
		excerpt: `${title} <b>text</b>`,
		weight: 1,
	});
	const sections = [section('/a/', 'A'), section('/b/', 'B'), section('/c/', 'C'), section('/d/', 'D')];
	const keyword = (url: string, score: number, covered = 1): RankedSection => ({
		pageTitle: 'Page',
		title: url,
		url,
		excerpt: '',
		covered,
		score,
	});

	it('puts a section found by meaning alone after a strong keyword match but before a weak one, labelled', () => {
		const fused = fuseRankings(
			[keyword('/a/', 10), keyword('/b/', 0.01)],
			{ sections, similarity: Float32Array.from([0.1, 0.8, 0.9, 0.05]) },
			['lawmakers'],
		);
		expect(fused.map((s) => s.url)).toEqual(['/a/', '/c/', '/b/', '/d/']);
		expect(fused.map((s) => s.byMeaning)).toEqual([false, true, false, true]);
	});

	it('lets meaning lift a weak keyword match past a stronger one, never past the strongest', () => {
		const fused = fuseRankings(
			[keyword('/a/', 10), keyword('/b/', 3), keyword('/c/', 2.5)],
			{ sections, similarity: Float32Array.from([0, 0, 0.9, 0]) },
			['word'],
		);
		expect(fused.slice(0, 3).map((s) => s.url)).toEqual(['/a/', '/c/', '/b/']);
	});

	it('lists a section once when both find it, whatever query its address carries', () => {
		const fused = fuseRankings(
			[keyword('/c/?highlight=lawmakers#x', 5), keyword('/a/?highlight=lawmakers', 10)],
			{ sections: [...sections, section('/c/#x', 'X')], similarity: Float32Array.from([0, 0, 0, 0, 0.9]) },
			['lawmakers'],
		);
		expect(fused.filter((s) => s.url.endsWith('#x')).map((s) => [s.url, s.byMeaning])).toEqual([
			['/c/?highlight=lawmakers#x', false],
		]);
	});

	it('escapes a meaning-only excerpt and marks only the reader’s own words in it', () => {
		const fused = fuseRankings([], { sections, similarity: Float32Array.from([0.9, 0, 0, 0]) }, ['text']);
		expect(fused[0]!.excerpt).toBe('A &lt;b&gt;<mark>text</mark>&lt;/b&gt;');
	});

	it('does not label a section found by meaning "in other words" when its excerpt has the reader’s words', () => {
		const fused = fuseRankings([], { sections, similarity: Float32Array.from([0.9, 0.8, 0, 0]) }, ['a']);
		expect(fused.slice(0, 2).map((s) => [s.url, s.byMeaning])).toEqual([
			['/a/', false],
			['/b/', true],
		]);
	});

	it('keeps the keyword ranking when there is no meaning index, and prefixes the base path to meaning results', () => {
		expect(fuseRankings([keyword('/x/a/', 1), keyword('/x/b/', 5)], undefined, []).map((s) => s.url)).toEqual([
			'/x/b/',
			'/x/a/',
		]);
		const fused = fuseRankings([], { sections, similarity: Float32Array.from([0.9, 0.1, 0.1, 0.1]) }, [], '/x');
		expect(fused[0]!.url).toBe('/x/a/');
	});
});

describe('sentence encoder packages', () => {
	it('names a missing package and says how to restore it', () => {
		expect(() => encoderId(['@energetic-ai/no-such-model'])).toThrow(
			/package @energetic-ai\/no-such-model cannot be used \(it is not installed\)\. Run `npm ci`/,
		);
		expect(encoderId()).toMatch(
			/^@energetic-ai\/embeddings@\S+ @energetic-ai\/core@\S+ @energetic-ai\/model-embeddings-en@\S+$/,
		);
	});
});
