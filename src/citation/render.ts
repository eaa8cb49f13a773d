/**
 * Citations in five styles, rendered at build time by citation-js: APA 7 (its CSL plugin's own
 * style), MLA 9 and Chicago 18 (official CSL styles, ./styles), BibTeX and CSL-JSON. Each is
 * rendered with a stand-in access date and cut where that date stands (accessed.ts), so the reader's
 * browser only puts today's date in: it never downloads the library or waits for its styles to load.
 */
import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import { fromRoot } from '../site/paths.ts';
import { ACCESS_DATE_FORMATS, type CitationTexts, type DateParts } from './accessed.ts';
import type { CslItem } from './citation-items.ts';
import { CSL_FILES, TEXT_STYLES, type CitationStyle, type TextStyle } from './citation-styles.ts';

export { CITATION_STYLES, type CitationStyle } from './citation-styles.ts';

let registered = false;

function registerStyles() {
	if (registered) return;
	const config = plugins.config.get('@csl') as { styles: { add(name: string, xml: string): void } };
	for (const [name, file] of Object.entries(CSL_FILES)) config.styles.add(name, readFileSync(fromRoot(file), 'utf8'));
	registered = true;
}

export function renderCitation(item: CslItem, style: CitationStyle): string {
	registerStyles();
	// BibTeX has a year and a month but no day: with a day, citation-js writes "month = {dec 4}".
	if (style === 'bibtex') {
		const [year, month] = item.issued?.['date-parts'][0] ?? [];
		const issued = year && month ? { issued: { 'date-parts': [[year, month]] } } : {};
		return new Cite({ ...item, ...issued }).format('bibtex', { format: 'text' }).trim();
	}
	const cite = new Cite(item);
	if (style === 'csl-json') return cite.format('data', { format: 'text' });
	return cite.format('bibliography', { format: 'text', template: style, lang: 'en-US' }).trim();
}

/**
 * Two stand-in access dates, in different forms (a long month and May, two digits and one): a
 * style whose access date is not where the split expects leaves texts that differ.
 */
const STAND_INS: [DateParts, DateParts] = [
	[1901, 9, 30],
	[1902, 5, 1],
];

/** `item` in each of `styles` (every text style by default), each cut where its access date goes. */
export function citationTexts(item: CslItem): CitationTexts;
export function citationTexts(item: CslItem, styles: readonly TextStyle[]): Partial<CitationTexts>;
export function citationTexts(item: CslItem, styles: readonly TextStyle[] = TEXT_STYLES): Partial<CitationTexts> {
	return Object.fromEntries(
		styles.map((style) => {
			const format = ACCESS_DATE_FORMATS[style];
			const [first, second] = STAND_INS.map((date) => {
				const text = renderCitation({ ...item, accessed: { 'date-parts': [date] } }, style);
				return format ? text.split(format(date)) : [text];
			});
			if (first!.length > 2 || JSON.stringify(first) !== JSON.stringify(second))
				throw new Error(
					`citations: the ${style} citation of "${item.id}" writes its access date in a form src/citation/accessed.ts does not know: ${first!.join('|')}`,
				);
			return [style, first];
		}),
	);
}
