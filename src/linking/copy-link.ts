/**
 * Copy-link buttons: one beside every h2/h3 anchor (Starlight's `.sl-anchor-link`) and every
 * element marked `data-copy-link` (paragraphs on /source/, glossary terms, figures). Progressive
 * enhancement: without JavaScript the plain anchor links remain.
 *
 * The copied URL is absolute and canonical (site + base + page + #anchor), taken from the page's
 * <link rel="canonical">, so a link copied from a preview or localhost still points at the real site.
 */

import { withBase } from '../article/links.ts';
import { announce, canonicalUrl, writeClipboard } from './clipboard.ts';
import {
	COPY_BUTTON_CLASS,
	COPY_ICON,
	HEADING_ANCHORS,
	MARKED_ANCHORS,
	SHARE_BUTTON_CLASS,
	SHARE_ICON,
} from './copy-link-buttons.ts';

/** Where the clipboard is refused (permissions, insecure context), show the link ready to copy. */
function showManualCopy(button: HTMLButtonElement, url: string) {
	document.querySelector('.copy-link-manual')?.remove();
	const box = document.createElement('div');
	box.className = 'copy-link-manual';
	const label = document.createElement('label');
	label.textContent = 'Copy this link:';
	const input = document.createElement('input');
	input.type = 'text';
	input.readOnly = true;
	input.value = url;
	input.id = 'copy-link-manual-input';
	label.htmlFor = input.id;
	const close = document.createElement('button');
	close.type = 'button';
	close.textContent = 'Close';
	const dismiss = () => {
		box.remove();
		button.focus();
	};
	close.addEventListener('click', dismiss);
	box.addEventListener('keydown', (e) => e.key === 'Escape' && dismiss());
	box.append(label, input, close);
	button.after(box);
	input.focus();
	input.select();
	announce('Copying is blocked here; the link is selected, press Control+C or Command+C to copy it.');
}

function flash(button: HTMLButtonElement, text: string) {
	button.dataset.state = text;
	window.setTimeout(() => delete button.dataset.state, 1600);
}

/**
 * The share page of an h2 section (`/share/<page>/<id>/`, see share-route.astro): link-preview bots
 * ignore #fragments, so this URL unfurls with the section's own title, summary and image.
 */
function shareUrl(id: string): string {
	const base = withBase('');
	const canonical = new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href);
	const page = canonical.pathname.slice(base.length).replace(/^\/|\/$/g, '') || 'index';
	return new URL(withBase(`/share/${page}/${id}/`), canonical).href;
}

/** One parsed button per kind; each heading gets a clone (parsing the icon dozens of times was most of the work). */
const prototypes = new Map<'copy' | 'share', HTMLButtonElement>();

function makeButton(kind: 'copy' | 'share', label: string, hash: string) {
	let prototype = prototypes.get(kind);
	if (!prototype) {
		prototype = document.createElement('button');
		prototype.type = 'button';
		prototype.className = kind === 'copy' ? COPY_BUTTON_CLASS : SHARE_BUTTON_CLASS;
		prototype.innerHTML = kind === 'copy' ? COPY_ICON : SHARE_ICON;
		prototype.title = kind === 'copy' ? 'Copy link' : 'Copy link with preview (for chats and social posts)';
		prototypes.set(kind, prototype);
	}
	const button = prototype.cloneNode(true) as HTMLButtonElement;
	button.setAttribute(
		'aria-label',
		kind === 'copy' ? `Copy link to ${label}` : `Copy preview link to ${label}, for chats and social posts`,
	);
	button.dataset.copyHash = hash;
	return button;
}

/** One listener for every button, instead of one each. */
async function onClick(event: MouseEvent) {
	const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy-hash]');
	if (!button) return;
	const hash = button.dataset.copyHash!;
	const share = button.classList.contains('copy-link--share');
	const url = share ? shareUrl(decodeURIComponent(hash.slice(1))) : canonicalUrl(hash);
	if (await writeClipboard(url)) {
		announce(share ? 'Preview link copied' : 'Link copied');
		flash(button, 'Copied');
	} else showManualCopy(button, url);
}

function addButton(anchor: HTMLAnchorElement, label: string, withShare = false) {
	const hash = anchor.getAttribute('href');
	if (!hash?.startsWith('#') || anchor.nextElementSibling?.classList.contains('copy-link')) return;
	const buttons = [makeButton('copy', label, hash)];
	if (withShare) buttons.push(makeButton('share', label, hash));
	anchor.after(...buttons);
}

function init() {
	document.addEventListener('click', (e) => void onClick(e));
	for (const anchor of document.querySelectorAll<HTMLAnchorElement>(HEADING_ANCHORS)) {
		const wrapper = anchor.parentElement!;
		const heading = wrapper.querySelector('h2, h3');
		// Only h2s written in MDX have share pages; generated headings (glossary, figures) opt out.
		const withShare = wrapper.classList.contains('level-h2') && !wrapper.hasAttribute('data-no-share');
		addButton(anchor, `section “${heading?.textContent?.trim() ?? ''}”`, withShare);
	}
	for (const anchor of document.querySelectorAll<HTMLAnchorElement>(MARKED_ANCHORS)) {
		addButton(anchor, anchor.dataset.copyLink || 'this item');
	}
}

// A task of its own: the page's scripts run as one bundle (src/build/page-scripts.ts), and a
// button for every heading (dozens on /glossary/) would otherwise lengthen that one long task.
// The buttons sit in space the heading already reserves, so adding them a moment later shifts nothing.
setTimeout(init, 0);
