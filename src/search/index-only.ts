/**
 * Words put into the search index but not on the page (other words for a term: synonyms.ts and
 * src/reading/Term.astro). Pagefind indexes them from a `hidden` span and would show them in a
 * result's excerpt, where they read as clutter ("(also: firm)"); so they are written between ⟦ ⟧,
 * brackets prose never uses, and the dialog cuts them out of excerpts (search-ui.ts).
 */

/** The text of a hidden index-only span. */
export const indexOnly = (words: string) => ` ⟦${words}⟧`;

/**
 * An excerpt without index-only words, including a bracket cut off at either end of the excerpt.
 * Works on Pagefind's excerpt HTML (escaped text with <mark>), which never contains the brackets
 * otherwise.
 */
export function withoutIndexOnly(excerpt: string): string {
	// Pagefind marks a whole word, bracket included ("<mark>semiconductor⟧</mark>").
	return excerpt
		.replace(/\s*(<mark>)?⟦[^⟦⟧]*⟧(<\/mark>)?/g, '')
		.replace(/^[^⟦⟧]*⟧(<\/mark>)?\s*/, '')
		.replace(/\s*(<mark>)?⟦[^⟦⟧]*$/, '')
		.trim();
}
