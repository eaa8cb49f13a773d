/**
 * A citation in one of five styles, rendered by citation-js: APA 7 (its CSL plugin's own style),
 * MLA 9 and Chicago 18 (official CSL styles, ./styles), BibTeX and CSL-JSON. Runs in the reader's
 * browser, imported on the click that opens the "Cite" dialog (src/linking/copy-link.ts hands it to
 * cite-dialog.ts), and in the unit tests.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import mla from './styles/modern-language-association.csl?raw';
import chicago from './styles/chicago-notes-bibliography-access-dates.csl?raw';
import type { CslItem } from './citation-items.ts';
import type { CitationStyle } from './citation-styles.ts';

export { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';

const CSL_TEMPLATES: Partial<Record<CitationStyle, string>> = { mla, chicago };
let registered = false;

function registerStyles() {
	if (registered) return;
	const config = plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } };
	for (const [name, xml] of Object.entries(CSL_TEMPLATES)) config.styles.add(name, xml);
	registered = true;
}

export function renderCitation(item: CslItem, style: CitationStyle): string {
	registerStyles();
	const cite = new Cite(item);
	if (style === 'bibtex') return cite.format('bibtex', { format: 'text' }).trim();
	if (style === 'csl-json') return cite.format('data', { format: 'text' });
	return cite.format('bibliography', { format: 'text', template: style, lang: 'en-US' }).trim();
}
