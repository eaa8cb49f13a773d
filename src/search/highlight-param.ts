/**
 * The address parameter that carries a result's words to the page it opens: Pagefind adds it to
 * result URLs (pagefind-start.ts), and landing-highlight.ts marks and clears those words there.
 */
export const HIGHLIGHT_PARAM = 'highlight';
