/** The citation styles the "Cite" dialog offers; each is rendered by render.ts. */
export const CITATION_STYLES = [
	{ id: 'apa', label: 'APA' },
	{ id: 'mla', label: 'MLA' },
	{ id: 'chicago', label: 'Chicago' },
	{ id: 'bibtex', label: 'BibTeX' },
	{ id: 'csl-json', label: 'CSL-JSON' },
] as const;

export type CitationStyle = (typeof CITATION_STYLES)[number]['id'];
