/**
 * The reader's access date, written as the bibliography styles write it. Citations are rendered at
 * build time (render.ts) with a stand-in access date, cut where that date stands, and joined again
 * in the reader's browser around today's date in the same form: the browser needs no citation
 * library. The unit tests hold each form to citation-js's own output in every month.
 */
import type { CitationStyle } from './citation-styles.ts';

export type DateParts = [year: number, month: number, day: number];

/** A rendered citation in each text style, split where the access date goes (one part: none). */
export type CitationTexts = Record<Exclude<CitationStyle, 'csl-json'>, string[]>;

// CSL's short month forms (en-US), which MLA uses.
const SHORT_MONTHS = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

const long = ([y, m, d]: DateParts) =>
	`${new Date(Date.UTC(y, m - 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${d}, ${y}`;

/** How each style that prints an access date writes it. */
export const ACCESS_DATE_FORMATS: Partial<Record<CitationStyle, (date: DateParts) => string>> = {
	apa: long,
	chicago: long,
	mla: ([y, m, d]) => `${d} ${SHORT_MONTHS[m - 1]} ${y}`,
};

/** The citation in `style`, accessed on `date`. CSL-JSON is the item itself, as citation-js prints it. */
export function citationText(item: object, texts: CitationTexts, style: CitationStyle, date: DateParts): string {
	if (style === 'csl-json') return JSON.stringify([{ ...item, accessed: { 'date-parts': [date] } }], null, 2);
	return texts[style].join(ACCESS_DATE_FORMATS[style]?.(date) ?? '');
}
