import { describe, expect, it } from 'vitest';
import {
	cleanQuery,
	correctQuery,
	correctWord,
	editDistance,
	planQuery,
	rankSections,
	type PageData,
	type WeightedLocation,
} from './rank.ts';

const vocabulary = {
	words: [
		'recommendation',
		'recommendations',
		'infrastructure',
		'latency',
		'regulation',
		'recent',
		'startups',
		'sales',
	],
};

describe('planQuery', () => {
	it('leaves question words out of the search', () => {
		expect(planQuery('how much is amazon spending on ai')).toMatchObject({
			search: 'amazon spending ai',
			terms: ['amazon', 'spending', 'ai'],
			definition: false,
		});
	});
	it('keeps them when nothing else is left', () => {
		expect(planQuery('what is it').search).toBe('what is it');
	});
	it('recognizes definition queries', () => {
		expect(planQuery('what is latency').definition).toBe(true);
		expect(planQuery('define inference')).toMatchObject({ search: 'inference', definition: true });
		expect(planQuery('latency').definition).toBe(false);
	});
	it('sends numbers and money as Pagefind indexes them', () => {
		expect(planQuery('$130 billion').search).toBe('130 billion');
		expect(planQuery('70%').search).toBe('70');
	});
});

describe('cleanQuery', () => {
	it('removes control and direction characters and caps the length', () => {
		expect(cleanQuery('\u0000chips\u202e\u0007 ')).toBe('chips');
		expect(cleanQuery('x'.repeat(2000))).toHaveLength(200);
	});
});

describe('spelling correction', () => {
	it('counts a swapped pair of letters as one edit', () => {
		expect(editDistance('latnecy', 'latency', 2)).toBe(1);
		expect(editDistance('recomendation', 'recommendation', 2)).toBe(1);
	});
	it('corrects to the nearest indexed word, 2 edits only for long words', () => {
		expect(correctWord('recomendation', vocabulary)).toBe('recommendation');
		expect(correctWord('infrastucture', vocabulary)).toBe('infrastructure');
		expect(correctWord('latnecy', vocabulary)).toBe('latency');
		expect(correctWord('ltaency', vocabulary)).toBe('latency');
		expect(correctWord('lteancy', vocabulary)).toBeUndefined(); // 2 edits in a 7-letter word
	});
	it('leaves known words, short words and numbers alone, and keeps the first letter', () => {
		expect(correctWord('regulations', vocabulary)).toBeUndefined();
		expect(correctWord('recom', vocabulary)).toBeUndefined();
		expect(correctWord('gpu', vocabulary)).toBeUndefined();
		expect(correctWord('percent', vocabulary)).toBeUndefined(); // not "recent"
	});
	it('corrects a query, leaving out a word it cannot correct if others remain', () => {
		expect(correctQuery('amazon recomendation', { words: [...vocabulary.words, 'amazon'] })).toBe(
			'amazon recommendation',
		);
		expect(correctQuery('70 percent of sales', vocabulary)).toBe('70 of sales');
		expect(correctQuery('startups', vocabulary)).toBeUndefined();
		expect(correctQuery('qwertyuiop', vocabulary)).toBeUndefined();
	});
});

/** A page whose text is `words`; sections start at the given word positions with their titles. */
function page(url: string, title: string, text: string, sections: [title: string, id: string, at: number][]) {
	const words = text.split(' ');
	const subs = sections.map(([t, id, at], i) => {
		const end = sections[i + 1]?.[2] ?? words.length;
		return { title: t, url: `${url}#${id}`, excerpt: '', weighted_locations: [] as WeightedLocation[], at, end };
	});
	return {
		words,
		match(terms: string[], weights: Record<number, number> = {}): PageData {
			const data = subs.map((s) => ({
				...s,
				weighted_locations: words
					.map((w, location) => ({ w, location }))
					.filter(({ w, location }) => location >= s.at && location < s.end && terms.some((t) => w.startsWith(t)))
					.map(({ location }) => {
						const weight = weights[location] ?? 1;
						return { weight, balanced_score: 512 * weight * weight, location };
					}),
			}));
			return {
				url,
				excerpt: '',
				meta: { title },
				raw_content: text,
				sub_results: data.filter((s) => s.weighted_locations.length),
			};
		},
	};
}

describe('rankSections', () => {
	it('puts the section with the reader’s phrase before one with a single word in its heading', () => {
		const p = page(
			'/business/',
			'Business',
			'Beyond cloud services services customers here . AI inside customer service fraud',
			[
				['Beyond cloud services', 'beyond', 0],
				['AI inside', 'inside', 6],
			],
		);
		const ranked = rankSections([p.match(['custom', 'servic'], { 2: 6 })], planQuery('customer service'));
		expect(ranked[0]!.url).toBe('/business/#inside');
	});
	it('ranks sections with every query word first', () => {
		const p = page('/risks/', 'Risks', 'bias bias bias . bias and security', [
			['One', 'one', 0],
			['Two', 'two', 4],
		]);
		const ranked = rankSections([p.match(['bias', 'secur'])], planQuery('bias security'));
		expect(ranked.map((s) => s.url)).toEqual(['/risks/#two', '/risks/#one']);
	});
	it('a heading match beats a passing mention', () => {
		const p = page('/x/', 'X', 'latency . text about latency', [
			['Latency', 'latency', 0],
			['Other', 'other', 2],
		]);
		const ranked = rankSections([p.match(['latency'], { 0: 6 })], planQuery('latency'));
		expect(ranked[0]!.url).toBe('/x/#latency');
	});
	it('lets the glossary entry lead for a definition query only', () => {
		const explainer = page('/hybrid-edge/', 'Hybrid', 'latency latency matters', [['Delays', 'delays', 0]]);
		const glossary = page('/glossary/', 'Glossary', 'latency the delay', [['Latency', 'latency', 0]]);
		const pages = () => [explainer.match(['latency']), glossary.match(['latency'], { 0: 0.5 })];
		expect(rankSections(pages(), planQuery('latency'))[0]!.url).toBe('/hybrid-edge/#delays');
		expect(rankSections(pages(), planQuery('what is latency'))[0]!.url).toBe('/glossary/#latency');
	});
});
