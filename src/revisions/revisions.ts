/**
 * The site's revision log (content/revisions.yaml): every change to a published section, recorded
 * once, with the date of the edit, the page and section it touched, what changed and why. Read here
 * and shown three ways: an "Updated" note at the end of the section, a "Revisions" list at the end
 * of the page and the site-wide /changes/ page.
 */
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { fromRoot } from '../site/paths.ts';

export const revisionsFile = 'content/revisions.yaml';

/** A real calendar day as YYYY-MM-DD (the file is read without YAML timestamps, so it stays text). */
function isCalendarDay(value: string): boolean {
	const time = Date.parse(`${value}T00:00:00Z`);
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}
const isoDate = z.string().refine(isCalendarDay, {
	message: 'use the date of the edit as YYYY-MM-DD',
});

const revisionSchema = z.object({
	/** The day the edit was made (never the build's date, so rebuilding changes nothing). */
	date: isoDate,
	/** Site path of the page, as readers see it: '/risks/', '/glossary/', '/' for the overview. */
	page: z.string().regex(/^\/([a-z0-9-]+\/)?$/, 'use the page path, such as /risks/'),
	/** The anchor of the changed section on that page, without "#": an h2 id, an entry id on /glossary/,
	 *  /figures/ or /topics/, or `_top` for the page's opening paragraph (the "In short"). */
	section: z.string().regex(/^(_top|[a-z0-9]+(-[a-z0-9]+)*)$/, 'use the section anchor without "#"'),
	/** What changed, in a sentence a reader who linked the section can follow. */
	change: z.string().min(10),
	/** Why it changed. */
	why: z.string().min(10),
});

export interface Revision extends z.infer<typeof revisionSchema> {
	/** Anchor of this entry on /changes/. */
	id: string;
	/** Line of the entry in the file, for error messages. */
	line: number;
}

/** 1-based line of each top-level list item ("- ..."), in order. */
function entryLines(text: string): number[] {
	return text.split('\n').flatMap((l, i) => (/^-(\s|$)/.test(l) ? [i + 1] : []));
}

export function parseRevisions(text: string, file = revisionsFile): Revision[] {
	// CORE_SCHEMA: no YAML timestamps, so an impossible date such as 2026-02-30 is an error, not 2 March.
	const data = loadYaml(text, { schema: CORE_SCHEMA }) ?? [];
	const lines = entryLines(text);
	const where = (index: unknown) =>
		typeof index === 'number' ? `${file}:${lines[index] ?? 1}: entry ${index + 1}` : file;
	const parsed = z.array(revisionSchema).safeParse(data);
	if (!parsed.success) {
		const issues = parsed.error.issues.map(
			(i) => `${where(i.path[0])}${i.path.length > 1 ? ` (${i.path.slice(1).join('.')})` : ''}: ${i.message}`,
		);
		throw new Error(`Revisions:\n  - ${issues.join('\n  - ')}`);
	}
	const seen = new Map<string, number>();
	return parsed.data.map((r, index) => {
		const base = `${r.date}-${r.page.replace(/\//g, '') || 'overview'}-${r.section}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return { ...r, id: n === 1 ? base : `${base}-${n}`, line: lines[index] ?? 1 };
	});
}

/** Newest first; entries of the same day keep the order they were written in. */
export const newestFirst = (revisions: readonly Revision[]) =>
	[...revisions].sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));

let cached: Revision[] | undefined;
export function loadRevisions(): Revision[] {
	cached ??= parseRevisions(readFileSync(fromRoot(revisionsFile), 'utf8'));
	return cached;
}

export const revisionsOnPage = (page: string) => loadRevisions().filter((r) => r.page === page);

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
/** "25 November 2026": fixed English format, the same on every machine and time zone. */
export function displayDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m! - 1]} ${y}`;
}
