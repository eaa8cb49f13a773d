import { describe, expect, it } from 'vitest';
import { searchDialogHtml } from './dialog-route.ts';
import { loadTopics } from './topics.ts';

describe('the search dialog markup', () => {
	const html = searchDialogHtml();
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
		for (const t of loadTopics()) {
			expect(html).toContain(`data-topic="${t.label.replace(/&/g, '&amp;')}"`);
			expect(html).toContain(`<a href="/topics/#${t.id}">`);
		}
	});
});
