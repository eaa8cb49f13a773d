/**
 * Definition cards for glossary terms (<Term> links). WCAG 1.4.13: the card appears on hover and
 * on keyboard focus, stays while the pointer is over the term or the card (hoverable), stays until
 * the reader moves away or presses Escape (persistent, dismissible). On touch screens the first tap
 * shows the card and the card's own link opens the glossary.
 */
import type { TermCards } from './terms-route.ts';

let card: HTMLElement | undefined;
let owner: HTMLAnchorElement | undefined;
let hideTimer: number | undefined;
/** How the last press began: a click event alone does not reliably say whether it was a tap. */
let lastPointer = 'mouse';
addEventListener('pointerdown', (e) => (lastPointer = e.pointerType), { capture: true });
addEventListener('touchstart', () => (lastPointer = 'touch'), { capture: true, passive: true });

function ensureCard(): HTMLElement {
	if (card) return card;
	card = document.createElement('div');
	card.className = 'term-card';
	card.id = 'term-card';
	card.setAttribute('role', 'tooltip');
	card.hidden = true;
	card.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
	card.addEventListener('pointerleave', () => scheduleHide());
	document.body.append(card);
	return card;
}

/**
 * Definitions come from one file, /glossary/terms.json (terms-route.ts), fetched when a reader
 * first points at or focuses a term; it is resolved against the term's own link, so a base path
 * needs nothing extra. If it cannot be had, the card still names the term and links the glossary.
 */
let cards: Promise<TermCards> | undefined;
const loadCards = (link: HTMLAnchorElement): Promise<TermCards> =>
	(cards ??= fetch(new URL('terms.json', link.href))
		.then((r) => (r.ok ? (r.json() as Promise<TermCards>) : {}))
		.catch(() => ({})));

/** The term whose card is wanted now: a card that arrives after the reader moved on is not shown. */
let wanted: HTMLAnchorElement | undefined;

async function show(link: HTMLAnchorElement) {
	window.clearTimeout(hideTimer);
	wanted = link;
	const definitions = await loadCards(link);
	if (wanted !== link) return;
	const el = ensureCard();
	if (owner !== link) {
		owner?.removeAttribute('aria-describedby');
		owner = link;
		el.replaceChildren();
		const entry = definitions[link.dataset.term ?? ''];
		const title = document.createElement('strong');
		title.textContent = entry?.term ?? link.textContent ?? '';
		el.append(title);
		if (entry) {
			const text = document.createElement('p');
			text.textContent = entry.definition;
			el.append(text);
		}
		const more = document.createElement('a');
		more.href = link.href;
		more.textContent = 'Open in the glossary';
		el.append(more);
		link.setAttribute('aria-describedby', el.id);
	}
	el.hidden = false;
	const rect = link.getBoundingClientRect();
	// The page's width without the room kept for a scrollbar (html has scrollbar-gutter: stable).
	const pageWidth = Math.min(document.documentElement.clientWidth, document.body.clientWidth);
	const width = Math.min(340, pageWidth - 16);
	el.style.width = `${width}px`;
	el.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + pageWidth - width - 8))}px`;
	// Below the term, or above it when only there does the whole card fit on the screen.
	const height = el.offsetHeight;
	const above = rect.bottom + 6 + height > document.documentElement.clientHeight && rect.top - 6 - height >= 0;
	el.style.top = `${window.scrollY + (above ? rect.top - 6 - height : rect.bottom + 6)}px`;
}

function hide() {
	window.clearTimeout(hideTimer);
	wanted = undefined;
	if (card) card.hidden = true;
	owner?.removeAttribute('aria-describedby');
	owner = undefined;
}

/** A short grace period lets the pointer travel from the term to the card. */
function scheduleHide() {
	window.clearTimeout(hideTimer);
	hideTimer = window.setTimeout(hide, 300);
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a.term[data-term]')) {
	// Whether this term's card was already open when the press began (a tap also focuses the link,
	// which opens the card, so the click handler cannot tell by looking at the card then).
	let openAtPress = false;
	link.addEventListener('pointerdown', () => (openAtPress = owner === link && !card?.hidden));
	link.addEventListener('pointerenter', (e) => e.pointerType !== 'touch' && void show(link));
	link.addEventListener('pointerleave', (e) => e.pointerType !== 'touch' && scheduleHide());
	link.addEventListener('focus', () => void show(link));
	link.addEventListener('blur', (e) => {
		if (!card?.contains(e.relatedTarget as Node)) scheduleHide();
	});
	link.addEventListener('click', (e) => {
		// Touch: the first tap shows the definition; the card's link (or a second tap) navigates.
		if (lastPointer === 'touch' && !openAtPress) {
			e.preventDefault();
			void show(link);
		}
	});
}
document.addEventListener('keydown', (e) => {
	if (e.key === 'Escape' && card && !card.hidden) hide();
});
document.addEventListener('pointerdown', (e) => {
	if (card && !card.hidden && !card.contains(e.target as Node) && !(e.target as Element).closest?.('a.term')) hide();
});
