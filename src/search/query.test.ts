import { describe, expect, it } from 'vitest';
import { cleanQuery, paragraphAsked, planQuery } from './query.ts';

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
	it('reads "what\'s" and "the … page" as question and place words', () => {
		expect(planQuery("what's latency")).toMatchObject({ search: 'latency', definition: true });
		expect(planQuery('the risks section').search).toBe('risks');
	});
	it('searches "what is the article about" as a summary of the whole work', () => {
		for (const q of ['what is the article about', 'what is this site about?', "what's it about"])
			expect(planQuery(q)).toMatchObject({ search: expect.stringMatching(/^summary\b/), definition: false });
	});
	it('searches "what is X about" for X when X is a subject, not as a definition', () => {
		expect(planQuery('what is the aws page about')).toMatchObject({ search: 'aws', definition: false });
		expect(planQuery('what are the risks about')).toMatchObject({ search: 'risks', definition: false });
	});
	it('sends numbers and money as Pagefind indexes them', () => {
		expect(planQuery('$130 billion').search).toBe('130 billion');
		expect(planQuery('70%').search).toBe('70');
	});
	it('reads amounts as readers shorten or spell them', () => {
		expect(planQuery('$130B').search).toBe('130 billion');
		expect(planQuery('200bn by 2026').search).toBe('200 billion 2026');
		expect(planQuery('seventy percent').search).toBe('70');
		expect(planQuery('seventy-five per cent of sales').search).toBe('75 sales');
		expect(planQuery('two hundred billion').search).toBe('200 billion');
		// A bare small number word is a word: "which one", "one article".
		expect(planQuery('one article').search).toBe('one article');
	});
});

describe('paragraphAsked', () => {
	it('reads "paragraph 7", "para 7" and "p7" within the article, and nothing else', () => {
		expect(paragraphAsked('paragraph 7', 14)).toBe(7);
		expect(paragraphAsked('Para 12', 14)).toBe(12);
		expect(paragraphAsked('p7', 14)).toBe(7);
		expect(paragraphAsked('paragraph 15', 14)).toBeUndefined();
		expect(paragraphAsked('paragraph 0', 14)).toBeUndefined();
		expect(paragraphAsked('paragraphs about chips', 14)).toBeUndefined();
	});
});

describe('cleanQuery', () => {
	it('removes control and direction characters and caps the length', () => {
		expect(cleanQuery('\u0000chips\u202e\u0007 ')).toBe('chips');
		expect(cleanQuery('x'.repeat(2000))).toHaveLength(200);
	});
});
