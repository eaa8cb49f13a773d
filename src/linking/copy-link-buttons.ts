/** What copy-link.ts adds to a page, and where. */

/** Heading anchors that get a copy button (and, on an h2 written in MDX, a share button). */
export const HEADING_ANCHORS = '.sl-markdown-content :is(.level-h2, .level-h3) > a.sl-anchor-link';
/** Other anchors that get a copy button: paragraphs on /source/, glossary terms, figures. */
export const MARKED_ANCHORS = 'a[data-copy-link]';

export const SHARE_ICON =
	'<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1Z"/></svg>';

export const COPY_ICON =
	'<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M16 1H6a2 2 0 0 0-2 2v12h2V3h10V1Zm3 4H10a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h9a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2Zm0 16H10V7h9v14Z"/></svg>';

/** A Markdown mark: "copy this section as Markdown". */
export const MARKDOWN_ICON =
	'<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><rect x="2" y="5" width="20" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5 16V8h2l2 2.5L11 8h2v8h-2v-5l-2 2.5L7 11v5Zm11 0-3-3.5h2V8h2v4.5h2Z"/></svg>';

/** A quotation mark: "cite this section" (src/citation). */
export const CITE_ICON =
	'<svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="currentColor"><path d="M4 18h5l2-4V6H4v8h3Zm9 0h5l2-4V6h-7v8h3Z"/></svg>';

export const COPY_BUTTON_CLASS = 'copy-link';
export const MARKDOWN_BUTTON_CLASS = 'copy-link copy-link--markdown';
export const SHARE_BUTTON_CLASS = 'copy-link copy-link--share';
export const CITE_BUTTON_CLASS = 'copy-link copy-link--cite';
