/** The citation styles the "Cite" dialog offers; each is rendered by render.ts. */
export const CITATION_STYLES = [
	{ id: 'apa', label: 'APA' },
	{ id: 'mla', label: 'MLA' },
	{ id: 'chicago', label: 'Chicago' },
	{ id: 'bibtex', label: 'BibTeX' },
	{ id: 'csl-json', label: 'CSL-JSON' },
] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number]['id'];

/** The official CSL files the build renders MLA and Chicago from (APA is citation-js's own). */
export const CSL_FILES = {
	mla: 'src/citation/styles/modern-language-association.csl',
	chicago: 'src/citation/styles/chicago-notes-bibliography-access-dates.csl',
};

/** The styles rendered as text (CSL-JSON is the item itself), in the order /citations.json lists them. */
export const TEXT_STYLES = ['apa', 'mla', 'chicago', 'bibtex'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

/**
 * The text styles in two groups of about equal work (preparing Chicago's style takes longest): one
 * worker thread renders each group, side by side.
 */
export const STYLE_GROUPS: readonly (readonly TextStyle[])[] = [['chicago'], ['apa', 'mla', 'bibtex']];
