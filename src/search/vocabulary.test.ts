import { describe, expect, it } from 'vitest';
import { buildVocabulary, wordsOf } from './vocabulary.ts';

describe('search vocabulary', () => {
	it('splits indexed text into normalized words, hyphenated ones whole and in parts', () => {
		expect(wordsOf('Self-driving cars, 2026 and “AI” at 70%.')).toEqual([
			'selfdriving',
			'self',
			'driving',
			'cars',
			'and',
		]);
	});
	it('orders words by frequency, then alphabetically, so builds are reproducible', () => {
		expect(buildVocabulary(['edge cloud edge', 'cloud edge chips']).words).toEqual(['edge', 'cloud', 'chips']);
	});
});
