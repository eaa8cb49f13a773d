/**
 * "Cite this section": a modal dialog with the citation of the section, or of its whole page, in five styles,
 * loaded only when a reader asks (copy-link.ts imports it on the click). The citations come
 * rendered from /citations.json, written at build time (citations.json.ts); this only puts in the
 * access date, the reader's today (accessed.ts). The dialog opens as soon as its stylesheet is in and
 * says the citation is on its way, so a slow connection never leaves the click unanswered.
 * Every text lands through textContent or a textarea's value, never as HTML.
 *
 * What it needs from the page comes in as arguments, not imports: a module shared with the page's
 * bundle would make the bundler split that bundle into further chunks every page then fetches.
 */
import { citationText, type DateParts } from './accessed.ts';
import type { Citation } from './citation-items.ts';
import { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';
import stylesheet from './cite-dialog.css?url';

const STYLE_KEY = 'cite-style';
let citations: Promise<Record<string, Citation>> | undefined;

export interface CitationPage {
	/** This page's path, '/aws/', and the h2 to cite. */
	page: string;
	section: string;
	/** Site addresses, with the base path. */
	citationsUrl: string;
	sourceUrl: string;
	announce: (message: string) => void;
	writeClipboard: (text: string) => Promise<boolean>;
}

const loadCitations = (url: string) =>
	(citations ??= fetch(url).then((r) => {
		if (!r.ok) throw new Error(`citations.json: HTTP ${r.status}`);
		return r.json() as Promise<Record<string, Citation>>;
	}));

const loadStylesheet = () =>
	new Promise<void>((resolve) => {
		if (document.querySelector('link[data-cite-dialog]')) return resolve();
		const link = document.createElement('link');
		link.rel = 'stylesheet';
		link.href = stylesheet;
		link.dataset.citeDialog = '';
		link.onload = link.onerror = () => resolve();
		document.head.append(link);
	});

function today(): DateParts {
	const d = new Date();
	return [d.getFullYear(), d.getMonth() + 1, d.getDate()];
}

function savedStyle(): CitationStyle {
	let saved: string | null = null;
	try {
		saved = localStorage.getItem(STYLE_KEY);
	} catch {
		// Storage may be blocked; APA then.
	}
	return CITATION_STYLES.find((s) => s.id === saved)?.id ?? 'apa';
}

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Record<string, unknown> = {},
): HTMLElementTagNameMap[K] {
	return Object.assign(document.createElement(tag), props);
}

/** Open the dialog for a section of a page; focus returns to `opener`. */
export async function openCitation(
	opener: HTMLElement,
	{ page, section, citationsUrl, sourceUrl, announce, writeClipboard }: CitationPage,
) {
	const all = loadCitations(citationsUrl);
	// A failed load is shown in the dialog; this only keeps it from counting as unhandled.
	all.catch(() => undefined);
	await loadStylesheet();
	const accessed = today();

	document.querySelector('dialog.cite-dialog')?.remove();
	const dialog = element('dialog', { className: 'cite-dialog' });
	dialog.setAttribute('aria-labelledby', 'cite-dialog-title');
	const title = element('h2', { id: 'cite-dialog-title', textContent: 'Cite this section' });
	const what = element('p', { className: 'cite-dialog-what' });

	const scope = element('fieldset', { className: 'cite-dialog-choice' });
	scope.append(element('legend', { textContent: 'Cite' }));
	for (const [value, label] of [
		['section', 'This section'],
		['page', 'The whole page'],
	] as const) {
		const option = element('label');
		option.append(element('input', { type: 'radio', name: 'cite-scope', value, checked: value === 'section' }), label);
		scope.append(option);
	}

	const styles = element('fieldset', { className: 'cite-dialog-choice' });
	styles.append(element('legend', { textContent: 'Style' }));
	const chosen = savedStyle();
	for (const { id, label } of CITATION_STYLES) {
		const input = element('input', { type: 'radio', name: 'cite-style', value: id, checked: id === chosen });
		const option = element('label');
		option.append(input, label);
		styles.append(option);
	}

	const outputLabel = element('label', { htmlFor: 'cite-dialog-output', textContent: 'Citation' });
	const output = element('textarea', { id: 'cite-dialog-output', readOnly: true, rows: 7, spellcheck: false });
	const dates = element('p', { className: 'cite-dialog-note' });
	const about = element('p', { className: 'cite-dialog-note' });
	about.append(
		'This cites the explainer site. The article it explains has no title, author or date; its full text is on ',
		element('a', { href: sourceUrl, textContent: 'The article, verbatim' }),
		'.',
	);

	const copy = element('button', { type: 'button', className: 'cite-dialog-copy', textContent: 'Copy citation' });
	const close = element('button', { type: 'button', className: 'cite-dialog-close', textContent: 'Close' });
	const actions = element('div', { className: 'cite-dialog-actions' });
	actions.append(copy, close);

	const currentStyle = () => (styles.querySelector<HTMLInputElement>('input:checked')?.value ?? 'apa') as CitationStyle;
	const currentScope = () => scope.querySelector<HTMLInputElement>('input:checked')?.value ?? 'section';
	const showFailure = () => {
		output.value = 'The citation could not be loaded. Close this and try again.';
		output.removeAttribute('aria-busy');
	};
	// Until the citations are in: the dialog is open and says so.
	output.value = 'Preparing the citation…';
	output.setAttribute('aria-busy', 'true');
	copy.disabled = true;
	const render = () => {
		const [style, cited] = [currentStyle(), currentScope()];
		void all.then((citations) => {
			// A later choice may have rendered first; only the latest counts.
			if (style !== currentStyle() || cited !== currentScope()) return;
			const citation = citations[cited === 'page' ? page : `${page}#${section}`];
			if (!citation) return showFailure();
			const { item, text } = citation;
			what.textContent = item.title;
			output.value = citationText(item, text, style, accessed);
			copy.disabled = false;
			output.removeAttribute('aria-busy');
			const [y, m, d] = item.issued?.['date-parts'][0] ?? [];
			dates.textContent = item.issued
				? `Dated ${new Date(Date.UTC(y!, m! - 1, d)).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' })}, the ${cited}'s latest revision; accessed today, from your browser's date.`
				: `Not revised since it was published, so undated ("n.d."); accessed today, from your browser's date.`;
		}, showFailure);
		try {
			localStorage.setItem(STYLE_KEY, style);
		} catch {
			// Not remembered; nothing else changes.
		}
	};
	styles.addEventListener('change', render);
	scope.addEventListener('change', render);
	copy.addEventListener('click', async () => {
		if (await writeClipboard(output.value)) announce('Citation copied');
		else {
			output.focus();
			output.select();
			announce('Copying is blocked here; the citation is selected, press Control+C or Command+C to copy it.');
		}
	});
	close.addEventListener('click', () => dialog.close());
	dialog.addEventListener('close', () => {
		dialog.remove();
		opener.focus();
	});

	dialog.append(title, what, scope, styles, outputLabel, output, dates, about, actions);
	render();
	document.body.append(dialog);
	dialog.showModal();
	styles.querySelector<HTMLInputElement>('input:checked')?.focus();
}
