import { describe, expect, it } from 'vitest';
import { parseData } from '../data/data.ts';
import { addSynonyms } from './synonyms.ts';

const groups = [
	['competitor', 'rival'],
	['typing slip', 'typo'],
];

describe('addSynonyms', () => {
	it('indexes the other words of a group, hidden, at the end of the paragraph or list item that uses one', () => {
		expect(addSynonyms('<p>Its <em>competitors</em> catch up.</p>', groups)).toBe(
			'<p>Its <em>competitors</em> catch up.<span hidden data-search-synonyms> ⟦also: rival⟧</span></p>',
		);
		expect(addSynonyms('<ul><li>A few typing slips</li><li>none</li></ul>', groups)).toBe(
			'<ul><li>A few typing slips<span hidden data-search-synonyms> ⟦also: typo⟧</span></li><li>none</li></ul>',
		);
	});
	it('matches whole words only, and leaves headings, attributes and other blocks alone', () => {
		const html = '<h2>Rivals</h2><p title="rival">noncompetitors</p><pre>rival</pre><path d="rival"/>';
		expect(addSynonyms(html, groups)).toBe(html);
	});
	it('adds nothing when the block already has every word of the group', () => {
		const html = '<p>rivals and competitors</p>';
		expect(addSynonyms(html, groups)).toBe(html);
	});
});

describe('content/synonyms.yaml', () => {
	it('needs groups of two or more lowercase words', () => {
		expect(parseData('synonyms', '- [rival, competitor]')).toEqual([{ line: 1, words: ['rival', 'competitor'] }]);
		expect(() => parseData('synonyms', '- [rival, competitor]\n- [rival]', 'x.yaml')).toThrow(
			/^x\.yaml:2: entry 2 \(words\): /,
		);
		expect(() => parseData('synonyms', '- [Rival, <b>]', 'x.yaml')).toThrow(/lowercase words/);
	});
});
