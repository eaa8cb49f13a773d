/**
 * Definition cards for glossary terms (<Term> links). WCAG 1.4.13: the card appears on hover and
 * on keyboard focus, stays while the pointer is over the term or the card (hoverable), stays until
 * the reader moves away or presses Escape (persistent, dismissible). On touch screens the first tap
 * shows the card and the card's own link opens the glossary.
 */
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

function show(link: HTMLAnchorElement) {
	window.clearTimeout(hideTimer);
	const el = ensureCard();
	if (owner !== link) {
		owner?.removeAttribute('aria-describedby');
		owner = link;
		el.replaceChildren();
		const title = document.createElement('strong');
		title.textContent = link.dataset.termTitle ?? '';
		const text = document.createElement('p');
		text.textContent = link.dataset.termDefinition ?? '';
		const more = document.createElement('a');
		more.href = link.href;
		more.textContent = 'Open in the glossary';
		el.append(title, text, more);
		link.setAttribute('aria-describedby', el.id);
	}
	el.hidden = false;
	const rect = link.getBoundingClientRect();
	const width = Math.min(340, document.documentElement.clientWidth - 16);
	el.style.width = `${width}px`;
	el.style.left = `${Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - width - 8))}px`;
	el.style.top = `${window.scrollY + rect.bottom + 6}px`;
}

function hide() {
	window.clearTimeout(hideTimer);
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
	link.addEventListener('pointerenter', (e) => e.pointerType !== 'touch' && show(link));
	link.addEventListener('pointerleave', (e) => e.pointerType !== 'touch' && scheduleHide());
	link.addEventListener('focus', () => show(link));
	link.addEventListener('blur', (e) => {
		if (!card?.contains(e.relatedTarget as Node)) scheduleHide();
	});
	link.addEventListener('click', (e) => {
		// Touch: the first tap shows the definition; the card's link (or a second tap) navigates.
		if (lastPointer === 'touch' && !openAtPress) {
			e.preventDefault();
			show(link);
		}
	});
}
document.addEventListener('keydown', (e) => {
	if (e.key === 'Escape' && card && !card.hidden) hide();
});
document.addEventListener('pointerdown', (e) => {
	if (card && !card.hidden && !card.contains(e.target as Node) && !(e.target as Element).closest?.('a.term')) hide();
});
