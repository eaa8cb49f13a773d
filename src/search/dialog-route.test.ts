import { describe, expect, it } from 'vitest';
import { readData } from '../data/data.ts';
import { searchDialogHtml } from './dialog-html.ts';

describe('the search dialog markup', () => {
	const topics = readData('topics');
	const html = searchDialogHtml(topics);
	it('has every element search-ui.ts looks up', () => {
		for (const part of [
			'<dialog class="search-dialog" aria-label="Search">',
			'id="search-input"',
			'data-search-close',
			'data-search-results',
			'data-search-status',
			'data-search-correction',
			'data-search-help',
			'data-search-topic-count',
		])
			expect(html).toContain(part);
	});
	it('offers every topic as a filter and as a link', () => {
		for (const t of topics) {
			expect(html).toContain(`data-topic="${t.label.replace(/&/g, '&amp;')}"`);
			expect(html).toContain(`<a href="/topics/#${t.id}">`);
		}
	});
});
