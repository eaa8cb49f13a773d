/**
 * Copy-link buttons: one beside every h2/h3 anchor (Starlight's `.sl-anchor-link`) and every
 * element marked `data-copy-link` (paragraphs on /source/, glossary terms, figures). Progressive
 * enhancement: without JavaScript the plain anchor links remain.
 *
 * The copied URL is absolute and canonical (site + base + page + #anchor), taken from the page's
 * <link rel="canonical">, so a link copied from a preview or localhost still points at the real site.
 */

import { withBase } from '../site/links.ts';
import { announce, canonicalPage, canonicalUrl, writeClipboard } from './clipboard.ts';

/** Heading anchors that get a copy button (and, on an h2 written in MDX, a share button). */
const HEADING_ANCHORS = '.sl-markdown-content :is(.level-h2, .level-h3) > a.sl-anchor-link';
/** Other anchors that get a copy button: paragraphs on /source/, glossary terms, figures. */
const MARKED_ANCHORS = 'a[data-copy-link]';

/** Where the clipboard is refused (permissions, insecure context), show the link (or Markdown) ready to copy. */
function showManualCopy(button: HTMLButtonElement, url: string, what = 'link') {
	document.querySelector('.copy-link-manual')?.remove();
	const box = document.createElement('div');
	box.className = 'copy-link-manual';
	const label = document.createElement('label');
	label.textContent = `Copy this ${what}:`;
	const input = document.createElement(what === 'link' ? 'input' : 'textarea');
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
	announce(`Copying is blocked here; the ${what} is selected, press Control+C or Command+C to copy it.`);
}

function flash(button: HTMLButtonElement, text: string) {
	button.dataset.state = text;
	window.setTimeout(() => delete button.dataset.state, 1600);
}

/** This page's path as /citations.json and the share pages name it: '/aws/', or '/' for the overview. */
function pagePath(): string {
	const base = withBase('');
	const page = new URL(canonicalPage()).pathname.slice(base.length).replace(/^\/|\/$/g, '');
	return page ? `/${page}/` : '/';
}

/** The citation dialog loads only when a reader asks to cite (src/citation). */
async function cite(opener: HTMLElement, section: string) {
	const { openCitation } = await import('../citation/cite-dialog.ts');
	await openCitation(opener, {
		page: pagePath(),
		section,
		citationsUrl: withBase('/citations.json'),
		sourceUrl: withBase('/source/'),
		announce,
		writeClipboard,
	});
}

/**
 * The share page of an h2 section (`/share/<page>/<id>/`, see share-route.astro): link-preview bots
 * ignore #fragments, so this URL unfurls with the section's own title, summary and image.
 */
function shareUrl(id: string): string {
	const page = pagePath().replace(/^\/|\/$/g, '') || 'index';
	return new URL(withBase(`/share/${page}/${id}/`), canonicalPage()).href;
}

const icon = (shapes: string) =>
	`<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor">${shapes}</svg>`;

/** Each kind of button: its classes, icon, tooltip and accessible name for an item's `label`. */
const KINDS = {
	copy: {
		className: 'copy-link',
		icon: icon(
			'<path d="M16 1H6a2 2 0 0 0-2 2v12h2V3h10V1Zm3 4H10a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Zm0 16H10V7h9v14Z"/>',
		),
		title: 'Copy link',
		name: (label: string) => `Copy link to ${label}`,
	},
	share: {
		className: 'copy-link copy-link--share',
		icon: icon(
			'<path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1Z"/>',
		),
		title: 'Copy link with preview (for chats and social posts)',
		name: (label: string) => `Copy preview link to ${label}, for chats and social posts`,
	},
	markdown: {
		className: 'copy-link copy-link--markdown',
		// A Markdown mark.
		icon: icon(
			'<rect x="2" y="5" width="20" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5 16V8h2l2 2.5L11 8h2v8h-2v-5l-2 2.5L7 11v5Zm11 0-3-3.5h2V8h2v4.5h2Z"/>',
		),
		title: 'Copy as Markdown',
		name: (label: string) => `Copy ${label} as Markdown`,
	},
	cite: {
		className: 'copy-link copy-link--cite',
		// A quotation mark (src/citation).
		icon: icon('<path d="M4 18h5l2-4V6H4v8h3Zm9 0h5l2-4V6h-7v8h3Z"/>'),
		title: 'Cite this section',
		name: (label: string) => `Cite ${label}`,
	},
};
type Kind = keyof typeof KINDS;

/** One parsed button per kind; each heading gets a clone (parsing the icon dozens of times was most of the work). */
const prototypes = new Map<Kind, HTMLButtonElement>();

function makeButton(kind: Kind, label: string, hash: string) {
	let prototype = prototypes.get(kind);
	if (!prototype) {
		prototype = document.createElement('button');
		prototype.type = 'button';
		({ className: prototype.className, icon: prototype.innerHTML, title: prototype.title } = KINDS[kind]);
		prototypes.set(kind, prototype);
	}
	const button = prototype.cloneNode(true) as HTMLButtonElement;
	button.setAttribute('aria-label', KINDS[kind].name(label));
	button.dataset.copyHash = hash;
	return button;
}

/** One listener for every button, instead of one each. */
async function onClick(event: MouseEvent) {
	const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-copy-hash]');
	if (!button) return;
	const hash = button.dataset.copyHash!;
	if (button.classList.contains('copy-link--markdown')) return copyMarkdown(button, hash);
	if (button.classList.contains('copy-link--cite')) return cite(button, decodeURIComponent(hash.slice(1)));
	const share = button.classList.contains('copy-link--share');
	const url = share ? shareUrl(decodeURIComponent(hash.slice(1))) : canonicalUrl(hash);
	if (await writeClipboard(url)) {
		announce(share ? 'Preview link copied' : 'Link copied');
		flash(button, 'Copied');
	} else showManualCopy(button, url);
}

/**
 * The section from the page's Markdown twin (src/twins), from its heading to the next h2, then a
 * line with its link and the site's name: the text exists once, in the built page.
 */
async function sectionMarkdown(hash: string): Promise<string> {
	const twin = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="text/markdown"]')!;
	// The head names the deployed origin; the same path on this one (connect-src 'self').
	const text = await (await fetch(new URL(twin.href).pathname)).text();
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l.startsWith('## ') && l.endsWith(` {#${decodeURIComponent(hash.slice(1))}}`));
	if (start < 0) throw new Error(`no section ${hash} in the twin`);
	const end = lines.findIndex((l, i) => i > start && (l.startsWith('## ') || l.startsWith('Source: <')));
	const site = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
	const title = lines[start]!.slice(3, lines[start]!.lastIndexOf(' {#'));
	const body = lines
		.slice(start, end < 0 ? undefined : end)
		.join('\n')
		.trim();
	return `${body}\n\n[${title}](${canonicalUrl(hash)})${site ? ` — ${site}` : ''}\n`;
}

async function copyMarkdown(button: HTMLButtonElement, hash: string) {
	const markdown = sectionMarkdown(hash);
	// The clipboard is written while the click still counts: Chromium and Safari take the text
	// as a promise; where ClipboardItem is missing the text is written when it arrives.
	const written =
		typeof ClipboardItem === 'function'
			? navigator.clipboard
					.write([new ClipboardItem({ 'text/plain': markdown.then((t) => new Blob([t], { type: 'text/plain' })) })])
					.then(
						() => true,
						() => false,
					)
			: markdown.then(writeClipboard);
	if (await written) {
		announce('Section copied as Markdown');
		flash(button, 'Copied');
	} else showManualCopy(button, await markdown.catch(() => ''), 'Markdown');
}

function addButton(anchor: HTMLAnchorElement, label: string, withShare = false) {
	const hash = anchor.getAttribute('href');
	if (!hash?.startsWith('#') || anchor.nextElementSibling?.classList.contains('copy-link')) return;
	const buttons = [makeButton('copy', label, hash)];
	if (withShare)
		buttons.push(
			makeButton('share', label, hash),
			makeButton('markdown', label, hash),
			makeButton('cite', label, hash),
		);
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
