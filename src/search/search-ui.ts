/**
 * The search dialog, on Pagefind's own JavaScript API (no other index or engine):
 * - the index starts loading when the reader shows intent (hover or focus on the search button, or
 *   opening the dialog), not on the first keystroke; results come with no fixed debounce;
 * - results are sections: a hit inside a section links to that heading's anchor, with the heading
 *   and an excerpt with the matched words marked; the landing page highlights the words;
 * - topic filters; Ctrl/Cmd+K opens, arrow keys move, Enter opens, Escape closes, focus returns;
 *   the result count is announced; no single-letter shortcut (WCAG 2.1.4);
 * - `?search=custom+chips` in the address opens the dialog with that query; typing keeps the
 *   address in step (replaceState, so no history entry per keystroke).
 * Everything shown is built with DOM text nodes, so a query or an excerpt can never inject markup.
 */

import { fuseRankings, type FusedSection } from './fuse.ts';
import { withoutIndexOnly } from './index-only.ts';
import { MeaningIndex } from './meaning/meaning-client.ts';
import { readPageData } from './page-data.ts';
import { startPagefind, type Pagefind } from './pagefind-start.ts';
import { cleanQuery, paragraphAsked, planQuery } from './query.ts';
import { mergePageData, mergeWordResults, rankSections } from './rank.ts';
import { correctQuery, isKnown, nothingKnown, type Vocabulary } from './spelling.ts';
import { withBase } from '../site/links.ts';

/** Sections shown; a small site has a few dozen, and the best ones are what a reader wants. */
const MAX_SECTIONS = 10;
/** Searches, one per word, when no page has every word of the query. */
const MAX_WORD_SEARCHES = 8;
/** Pages whose sections are ranked (Pagefind's best pages for the query). */
const MAX_PAGES = 6;
/** A pause in typing after which the last word is taken as finished. */
const SETTLE_MS = 200;

class SiteSearch extends HTMLElement {
	#pagefind?: Promise<Pagefind>;
	#vocabulary?: Promise<Vocabulary>;
	#meaning = new MeaningIndex();
	/** Starts loading what later searches need (set once Pagefind is ready; safe to call twice). */
	#warm = () => {};
	#dialog = this.querySelector('dialog')!;
	#input = this.querySelector<HTMLInputElement>('#search-input')!;
	#results = this.querySelector<HTMLUListElement>('[data-search-results]')!;
	#status = this.querySelector<HTMLElement>('[data-search-status]')!;
	#correction = this.querySelector<HTMLElement>('[data-search-correction]')!;
	#help = this.querySelector<HTMLElement>('[data-search-help]')!;
	#opener = this.querySelector<HTMLAnchorElement>('[data-search-open]')!;
	#returnFocus: HTMLElement | null = null;
	#query = 0;
	/** A query the reader asked to search as typed, without spelling correction. */
	#asTyped = '';

	connectedCallback() {
		// The loader (search-loader.ts) made the link a button and starts loading on intent; from here on
		// these handlers answer the button, the shortcut and the dialog.
		this.#opener.addEventListener('click', (e) => {
			e.preventDefault();
			this.open();
		});
		this.#opener.addEventListener('keydown', (e) => {
			if (e.key === ' ') {
				e.preventDefault();
				this.open();
			}
		});
		this.querySelector('[data-search-close]')!.addEventListener('click', () => this.close());
		this.#dialog.addEventListener('close', () => this.#onClose());
		this.#dialog.addEventListener('click', (e) => e.target === this.#dialog && this.close());
		this.#input.addEventListener('input', () => this.#onInput());
		this.#input.addEventListener('keydown', (e) => this.#onInputKey(e));
		this.#results.addEventListener('keydown', (e) => this.#onResultsKey(e));
		for (const button of this.querySelectorAll<HTMLButtonElement>('.search-topic')) {
			button.addEventListener('click', () => {
				button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
				const count = this.#topics().length;
				this.querySelector('[data-search-topic-count]')!.textContent = count ? `(${count} selected)` : '';
				void this.#run();
			});
		}
		addEventListener('keydown', (e) => {
			if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
				e.preventDefault();
				this.#dialog.open ? this.close() : this.open();
			}
		});
		const shared = new URLSearchParams(location.search).get('search');
		if (shared !== null) this.open(shared);
	}

	/**
	 * Pagefind (usually already started by search-loader.ts). Then, when the browser is idle, the
	 * spelling vocabulary and every page's fragment are read, so they do not compete with the first
	 * search (an empty search lists every page without matching words, so reading their data is cheap).
	 */
	#load(): Promise<Pagefind> {
		this.#pagefind ??= (async () => {
			const pagefind = await startPagefind();
			let warmed = false;
			const warm = () => {
				if (warmed) return;
				warmed = true;
				this.#vocabulary = fetch(withBase('/search-vocabulary.json'))
					.then((r) => (r.ok ? (r.json() as Promise<Vocabulary>) : { words: [] }))
					.catch(() => ({ words: [] }));
				void pagefind
					.search(null)
					.then((all) => Promise.all(all?.results.map(readPageData) ?? []))
					.catch(() => undefined);
			};
			this.#warm = warm;
			if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 500 });
			else setTimeout(warm, 200);
			return pagefind;
		})();
		return this.#pagefind;
	}

	#vocabularyNow(): Promise<Vocabulary> {
		if (!this.#vocabulary) this.#warm();
		return this.#vocabulary ?? Promise.resolve({ words: [] });
	}

	/** Starts loading what a search needs (the reader has shown intent; search-loader.ts calls it). */
	prepare() {
		void this.#load();
		void this.#meaning.load();
	}

	/** `returnFocus`: where focus goes on close, when the loader opened the search box before this ran. */
	open(query?: string, returnFocus?: HTMLElement | null) {
		if (!this.#dialog.open) {
			this.#returnFocus = document.activeElement as HTMLElement | null;
			this.#dialog.showModal();
			document.body.toggleAttribute('data-search-modal-open', true);
		} else if (returnFocus !== undefined) this.#returnFocus ??= returnFocus;
		void this.#load();
		void this.#meaning.load();
		if (query !== undefined) this.#input.value = query;
		this.#input.focus();
		if (this.#input.value) void this.#run();
	}

	close() {
		this.#dialog.close();
	}

	#onClose() {
		document.body.toggleAttribute('data-search-modal-open', false);
		this.#setAddress('');
		(this.#returnFocus ?? this.#opener).focus();
	}

	#topics(): string[] {
		return [...this.querySelectorAll<HTMLButtonElement>('.search-topic[aria-pressed="true"]')].map(
			(b) => b.dataset.topic!,
		);
	}

	#addressTimer = 0;

	/**
	 * Keeps `?search=` in the address in step with the query, without adding history entries.
	 * `history.replaceState` takes several milliseconds in Chromium, so while the reader types it
	 * waits for a pause instead of delaying each keystroke's results.
	 */
	#setAddressSoon(query: string) {
		clearTimeout(this.#addressTimer);
		this.#addressTimer = window.setTimeout(() => this.#setAddress(query), 300);
	}

	#setAddress(query: string) {
		clearTimeout(this.#addressTimer);
		const url = new URL(location.href);
		if (query) url.searchParams.set('search', query);
		else url.searchParams.delete('search');
		history.replaceState(history.state, '', url);
	}

	#settleTimer = 0;

	/**
	 * While the reader is typing, the last word is usually unfinished, and looking up the meaning of
	 * each of its prefixes would fetch a shard per keystroke. So a keystroke searches at once with the
	 * finished words' meaning, and a pause (or a space) searches again with every word's.
	 */
	#onInput() {
		clearTimeout(this.#settleTimer);
		const finished = /\s$/.test(this.#input.value);
		void this.#run(finished);
		if (!finished) this.#settleTimer = window.setTimeout(() => void this.#run(true), SETTLE_MS);
	}

	/** `settled`: the query's last word is finished (see #onInput). */
	async #run(settled = true) {
		if (settled) clearTimeout(this.#settleTimer);
		const id = ++this.#query;
		const query = cleanQuery(this.#input.value);
		const topics = this.#topics();
		this.#setAddressSoon(this.#input.value);
		if (!query && !topics.length) {
			this.#render([], '', '');
			return;
		}
		const pagefind = await this.#load();
		const options = topics.length ? { filters: { topic: { any: topics } } } : {};
		// The reader's words as the word table knows them: a real word the site does not use is read
		// by meaning, never "corrected" into a word of the site.
		const typed = planQuery(query).terms;
		const unfinished = settled ? undefined : typed.at(-1);
		const asTyped = (settled ? typed : typed.slice(0, -1)).filter(meaningful);
		const [vocabulary, known] = await Promise.all([
			query.length >= 4 ? this.#vocabularyNow() : undefined,
			this.#meaning.words(asTyped),
		]);
		if (id !== this.#query) return;
		// An unfinished word the site has no word starting with is left to the search after the pause
		// rather than shown as a miss or a correction the reader did not ask for.
		if (unfinished && vocabulary && !isKnown(unfinished, vocabulary) && unfinished.length >= 4) return;
		const isWord = (w: string) => known.has(w) || w === unfinished;
		// A word the site does not contain is corrected to the nearest word it does (spelling.ts); the
		// reader can still search what they typed.
		const corrected = vocabulary && query !== this.#asTyped ? correctQuery(query, vocabulary, isWord) : undefined;
		const plan = planQuery(corrected ?? query);
		const nothing = vocabulary !== undefined && nothingKnown(query, vocabulary, isWord);
		const search = nothing ? { results: [] } : await pagefind.search(plan.search || null!, options).catch(() => null);
		if (id !== this.#query || !search) return; // a newer keystroke won
		// Each page as one or more results: several when no page has every word (mergeWordResults).
		let results = search.results.map((r) => [r]);
		let some = false;
		if (!nothing && !results.length && plan.terms.length > 1) {
			const perWord = await Promise.all(
				// A few words at most: a pasted paragraph is not a hundred searches.
				plan.terms.slice(0, MAX_WORD_SEARCHES).map((term) =>
					pagefind.search(term, options).then(
						(r) => r?.results,
						() => undefined,
					),
				),
			);
			if (id !== this.#query) return;
			results = mergeWordResults(perWord);
			some = results.length > 0;
		}
		// Sections come from the best pages only: Pagefind builds every section's excerpt when a page's
		// data is read, which is most of a search's time, and a short query matches every page.
		// A one- or two-letter query (the first keystrokes) matches nearly every word of every page.
		const best = results.slice(0, plan.search.length === 1 ? 1 : plan.search.length === 2 ? 3 : MAX_PAGES);
		const [pages, entries] = await Promise.all([
			Promise.all(best.map((page) => Promise.all(page.map(readPageData)).then(mergePageData))),
			this.#meaning.words((settled ? plan.terms : plan.terms.filter((t) => t !== unfinished)).filter(meaningful)),
		]);
		if (id !== this.#query) return;
		const root = withBase('');
		const keyword = rankSections(pages, plan, `${root}/glossary/`);
		// Topic filters narrow the keyword search; meaning alone would reach past them.
		const meaning = topics.length ? undefined : await this.#meaning.score([...entries.values()]);
		if (id !== this.#query) return;
		const sections = fuseRankings(keyword, meaning, plan.terms, root);
		const paragraph = paragraphAsked(query, Number(this.dataset.paragraphs ?? 0));
		if (paragraph)
			sections.unshift({
				pageTitle: this.dataset.sourceTitle ?? '',
				title: `Paragraph ${paragraph}`,
				url: `${root}/source/#p${paragraph}`,
				excerpt: `Paragraph ${paragraph} of the article, word for word, with its permanent link.`,
				covered: 1,
				score: Infinity,
				byMeaning: false,
			});
		// The words actually searched, so a left-out word ("summary") is visibly left out.
		const searchedFor = corrected === undefined ? '' : plan.search;
		const byMeaningOnly = results.length === 0 && !paragraph && sections.length > 0;
		this.#render(
			sections.slice(0, MAX_SECTIONS),
			query,
			searchedFor,
			results.length + (paragraph ? 1 : 0),
			some,
			byMeaningOnly,
			settled,
		);
	}

	/** `some`: no page has every word; these pages have some of them. */
	#render(
		sections: FusedSection[],
		query: string,
		corrected: string,
		total = 0,
		some = false,
		byMeaning = false,
		settled = true,
	) {
		const items = sections.map((entry) => {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.className = 'search-result';
			a.href = entry.url;
			const heading = document.createElement('span');
			heading.className = 'search-result__title';
			heading.textContent =
				entry.title && entry.title !== entry.pageTitle ? `${entry.pageTitle} › ${entry.title}` : entry.pageTitle;
			const excerpt = document.createElement('span');
			excerpt.className = 'search-result__excerpt';
			appendExcerpt(excerpt, withoutIndexOnly(entry.excerpt));
			a.append(heading, excerpt);
			if (entry.byMeaning && !byMeaning) {
				// Honest about why it is here: none of the reader's words is in it.
				const why = document.createElement('span');
				why.className = 'search-result__why';
				why.textContent = 'About the same thing, in other words';
				a.append(why);
			}
			li.append(a);
			return li;
		});
		// A reader may already be on a result when the results after a pause arrive: keep them on the
		// same result (or the list's first) rather than dropping focus to the page.
		const focused = this.#results.contains(document.activeElement)
			? (document.activeElement as HTMLAnchorElement).href
			: undefined;
		this.#results.replaceChildren(...items);
		if (focused !== undefined) {
			const links = this.#links();
			(links.find((a) => a.href === focused) ?? links[0] ?? this.#input).focus();
		}
		this.#renderCorrection(query, corrected);
		const shown = items.length;
		const searched = corrected || query;
		this.#help.hidden = !(query && total === 0 && !byMeaning);
		this.#status.textContent =
			!query && !this.#topics().length
				? ''
				: byMeaning
					? `No page uses these words. Sections about the same thing: ${shown} shown.`
					: total === 0
						? `No results for “${searched}”.`
						: `${some ? 'No page has all of these words. ' : ''}${total} ${total === 1 ? 'page' : 'pages'} found${some ? ' with some of them' : ''}${shown ? `, ${shown} ${shown === 1 ? 'section' : 'sections'} shown` : ''}${corrected ? `, for “${corrected}”` : ''}.`;
		// What the list now shows every word's results for: the benchmark and tests wait on it.
		if (settled) this.#results.dataset.query = query;
		else delete this.#results.dataset.query;
	}

	/** "Showing results for recommendation. Search instead for recomendation" */
	#renderCorrection(query: string, corrected: string) {
		this.#correction.hidden = !corrected;
		this.#correction.dataset.searchCorrection = corrected;
		if (!corrected) return this.#correction.replaceChildren();
		const shown = document.createElement('strong');
		shown.textContent = corrected;
		const original = document.createElement('button');
		original.type = 'button';
		original.className = 'search-correction__original';
		original.textContent = query;
		original.addEventListener('click', () => {
			this.#asTyped = query;
			this.#input.focus();
			void this.#run();
		});
		this.#correction.replaceChildren('Showing results for ', shown, '. Search instead for ', original, '.');
	}

	#links() {
		return [...this.#results.querySelectorAll<HTMLAnchorElement>('a.search-result')];
	}

	#onInputKey(e: KeyboardEvent) {
		if (e.key === 'Escape') {
			// A search field would clear itself on Escape; readers expect Escape to close the dialog.
			e.preventDefault();
			this.close();
		} else if (e.key === 'ArrowDown') {
			e.preventDefault();
			this.#links()[0]?.focus();
		} else if (e.key === 'Enter') {
			const first = this.#links()[0];
			if (first) {
				e.preventDefault();
				first.click();
			}
		}
	}

	#onResultsKey(e: KeyboardEvent) {
		const links = this.#links();
		const index = links.indexOf(document.activeElement as HTMLAnchorElement);
		if (e.key === 'ArrowDown' && index < links.length - 1) {
			e.preventDefault();
			links[index + 1]!.focus();
		} else if (e.key === 'ArrowUp') {
			e.preventDefault();
			(index > 0 ? links[index - 1]! : this.#input).focus();
		} else if (e.key === 'Home' || e.key === 'End') {
			e.preventDefault();
			(e.key === 'Home' ? links[0] : links.at(-1))?.focus();
		}
	}
}

/** Pagefind marks matches with <mark>; rebuild that as DOM nodes so nothing else can get in. */
function appendExcerpt(target: HTMLElement, excerpt: string) {
	const parts = excerpt.split(/(<mark>|<\/mark>)/);
	let inMark = false;
	for (const part of parts) {
		if (part === '<mark>') inMark = true;
		else if (part === '</mark>') inMark = false;
		else if (part) {
			const text = document.createTextNode(decodeEntities(part));
			if (inMark) {
				const mark = document.createElement('mark');
				mark.append(text);
				target.append(mark);
			} else target.append(text);
		}
	}
}

/** Pagefind excerpts are HTML-escaped text; decode entities without parsing markup. */
function decodeEntities(text: string): string {
	const textarea = document.createElement('textarea');
	textarea.innerHTML = text.replace(/</g, '&lt;');
	return textarea.value;
}

/** Words the word table may hold: letters only, two or more (amounts are keyword evidence). */
const meaningful = (word: string) => word.length >= 2 && !/\d/.test(word);

/** Called by search-loader.ts once the dialog's markup is inside <site-search>, which this upgrades. */
export function defineSiteSearch() {
	if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
}
