/** The search dialog's markup (served by dialog-route.ts), with a filter and a link for each topic. */
import { withBase } from '../site/links.ts';
import type { Data } from '../data/data.ts';
import { escapeHtml } from '../site/escape.ts';

export function searchDialogHtml(topics: readonly Data<'topics'>[]): string {
	const link = (path: string, text: string) => `<a href="${escapeHtml(withBase(path))}">${escapeHtml(text)}</a>`;
	return (
		'<dialog class="search-dialog" aria-label="Search"><div class="search-frame">' +
		'<div class="search-bar" role="search"><label class="sr-only" for="search-input">Search the explainer</label>' +
		'<input id="search-input" type="search" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="200" placeholder="Search the explainer" aria-describedby="search-hint">' +
		'<button type="button" class="search-close" data-search-close>Close</button></div>' +
		'<p id="search-hint" class="sr-only">Results appear below as you type. Use the arrow keys to move through them.</p>' +
		'<details class="search-topics-toggle"><summary>Narrow by topic <span data-search-topic-count></span></summary>' +
		'<fieldset class="search-topics"><legend class="sr-only">Topics</legend>' +
		topics
			.map(
				(t) =>
					`<button type="button" class="search-topic" aria-pressed="false" data-topic="${escapeHtml(t.label)}">${escapeHtml(t.label)}</button>`,
			)
			.join('') +
		'</fieldset></details>' +
		'<p class="search-status" role="status" aria-live="polite" data-search-status></p>' +
		'<p class="search-correction" data-search-correction hidden></p>' +
		'<ul class="search-results" data-search-results></ul>' +
		'<div class="search-help" data-search-help hidden><p>Try other words, or browse by topic:</p><ul class="search-help__topics">' +
		topics.map((t) => `<li>${link(`/topics/#${t.id}`, t.label)}</li>`).join('') +
		`</ul><p>${link('/topics/', 'All topics')} · ${link('/glossary/', 'Glossary of terms')}</p></div>` +
		'</div></dialog>'
	);
}
