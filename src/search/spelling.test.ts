import { describe, expect, it } from 'vitest';
import { correctQuery, correctWord, editDistance, nothingKnown } from './spelling.ts';

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

describe('nothingKnown', () => {
	it('is true only when no subject word is on the site or has a correction', () => {
		expect(nothingKnown('alexa', vocabulary)).toBe(true);
		expect(nothingKnown('what is alexa', vocabulary)).toBe(true);
		expect(nothingKnown('alexa sales', vocabulary)).toBe(false);
		expect(nothingKnown('recomendation', vocabulary)).toBe(false);
		expect(nothingKnown('gpu', vocabulary)).toBe(false);
		expect(nothingKnown('2026', vocabulary)).toBe(false);
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
