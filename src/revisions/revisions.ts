/**
 * The site's revision log (content/revisions.yaml, the `revisions` collection: src/data/data.ts):
 * every change to a published section, recorded once, with the date of the edit, the page and
 * section it touched, what changed and why. Shown three ways: an "Updated" note at the end of the
 * section, a "Revisions" list at the end of the page and the site-wide /changes/ page.
 */
import type { Revision } from '../data/data.ts';

export type { Revision };

/** Newest first; entries of the same day keep the order they were written in. */
export const newestFirst = (revisions: readonly Revision[]) =>
	[...revisions].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
/** "25 November 2026": fixed English format, the same on every machine and time zone. */
export function displayDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m! - 1]} ${y}`;
}
