/**
 * The "Updated" note at the end of a changed section, as HTML, and the step that places it there in a
 * page's rendered Markdown. Every value from content/revisions.yaml is escaped where it lands.
 */
import { displayDate, type Revision } from './revisions.ts';
import { escapeHtml } from '../site/escape.ts';

/** The note for one section: one line per revision, each linking to its entry on /changes/. */
export function updatedNoteHtml(revisions: readonly Revision[], changesHref: string): string {
	const items = revisions.map(
		(r) =>
			`<p><strong>Updated <time datetime="${escapeHtml(r.date)}">${escapeHtml(displayDate(r.date))}</time>:</strong> ` +
			`${escapeHtml(r.change)} <span class="revision-note__why">Why: ${escapeHtml(r.why)}</span> ` +
			`<a href="${escapeHtml(`${changesHref}#${r.id}`)}">All changes</a></p>`,
	);
	return `<div class="revision-note" role="note" data-pagefind-ignore>${items.join('')}</div>`;
}

/** Start of each top-level h2 (Starlight's heading wrapper, or a bare h2) and its id. */
const H2_START = /<div class="sl-heading-wrapper level-h2[^"]*"[^>]*>\s*<h2[^>]*\sid="([^"]+)"|<h2[^>]*\sid="([^"]+)"/g;

/** The page's opening paragraph: its note goes after the first paragraph of the content. */
const OPENING = '_top';

/**
 * Puts each note at the end of its section: just before the next h2, or at the end of the content
 * (for `_top`, after the opening paragraph). A section id that is not in the HTML throws, so a note
 * is never silently lost.
 */
export function insertSectionNotes(html: string, notes: ReadonlyMap<string, string>): string {
	if (notes.size === 0) return html;
	const starts = [...html.matchAll(H2_START)].map((m) => ({ id: (m[1] ?? m[2])!, index: m.index }));
	const inserts: { at: number; note: string }[] = [];
	for (const [id, note] of notes) {
		if (id === OPENING) {
			const end = html.indexOf('</p>');
			inserts.push({ at: end === -1 ? 0 : end + '</p>'.length, note });
			continue;
		}
		const i = starts.findIndex((s) => s.id === id);
		if (i === -1) throw new Error(`revision note: no h2 with id "${id}" in the rendered page`);
		inserts.push({ at: starts[i + 1]?.index ?? html.length, note });
	}
	let out = html;
	for (const { at, note } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + note + out.slice(at);
	return out;
}
