import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../site/escape.ts';
import { insertSectionNotes, updatedNoteHtml } from './note-html.ts';
import { parseData } from '../data/data.ts';
import { displayDate, newestFirst, type Revision } from './revisions.ts';
import { checkRevisionPages, checkRevisionTargets, type SitePage } from './targets.ts';

const entry = (fields: Record<string, string>) =>
	`- ${Object.entries(fields)
		.map(([k, v]) => `${k}: ${v}`)
		.join('\n  ')}\n`;
const ok = {
	date: '2026-11-25',
	page: '/risks/',
	section: 'questions-left-open',
	change: 'Reworded a sentence.',
	why: 'It said too much.',
};
const parseRevisions = (text: string) => parseData('revisions', text);

describe('content/revisions.yaml', () => {
	it('reads an unquoted YAML date as the same calendar day, not a timestamp', () => {
		const [r] = parseRevisions(entry(ok));
		expect(r!.date).toBe('2026-11-25');
		expect(displayDate(r!.date)).toBe('25 November 2026');
	});

	it('names the file, line and entry of a malformed revision', () => {
		const text = entry(ok) + entry({ ...ok, date: '2026-02-30' });
		expect(() => parseRevisions(text)).toThrow(
			/content\/revisions\.yaml:6: entry 2 \(date\): use the date of the edit as YYYY-MM-DD/,
		);
	});

	it('gives each entry a distinct anchor on /changes/, even for two changes to one section on one day', () => {
		const ids = parseRevisions(entry(ok) + entry(ok)).map((r) => r.id);
		expect(ids).toEqual(['2026-11-25-risks-questions-left-open', '2026-11-25-risks-questions-left-open-2']);
	});

	it('lists newest first and keeps the written order within a day', () => {
		const text = [
			entry({ ...ok, change: 'First of the older day.' }),
			entry({ ...ok, date: '2026-12-01', change: 'The newer change.' }),
			entry({ ...ok, change: 'Second of the older day.' }),
		].join('');
		expect(newestFirst(parseRevisions(text)).map((r) => r.change)).toEqual([
			'The newer change.',
			'First of the older day.',
			'Second of the older day.',
		]);
	});
});

describe('revision targets', () => {
	const pages = new Map<string, SitePage>([
		['/risks/', { title: 'Risks', sections: new Map([['questions-left-open', { title: 'Q', kind: 'heading' }]]) }],
	]);
	it('accepts a revision of an existing section', () => {
		expect(checkRevisionTargets(parseRevisions(entry(ok)), pages)).toEqual([]);
	});
	it('names the entry and its line when the page does not exist', () => {
		const text = entry(ok) + entry({ ...ok, page: '/no-such-page/' });
		expect(checkRevisionTargets(parseRevisions(text), pages)).toEqual([
			'content/revisions.yaml:6: entry 2 (2026-11-25, /no-such-page/#questions-left-open): there is no page /no-such-page/. Pages: /risks/',
		]);
	});
	it('before rendering, checks pages only', () => {
		const text = entry(ok) + entry({ ...ok, page: '/no-such-page/', section: 'anything' });
		const errors = checkRevisionPages(parseRevisions(text), ['/risks/']);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/entry 2 \(2026-11-25, \/no-such-page\/#anything\): there is no page \/no-such-page\//);
	});
	it('names the entry and lists the sections when the anchor does not exist', () => {
		const [error] = checkRevisionTargets(parseRevisions(entry({ ...ok, section: 'gone' })), pages);
		expect(error).toMatch(
			/entry 1 \(2026-11-25, \/risks\/#gone\): \/risks\/ has no section #gone\. Its sections: questions-left-open/,
		);
	});
});

describe('the Updated note', () => {
	const revision = (change: string): Revision => ({ ...ok, change, id: 'x', line: 1 });
	it('escapes everything that comes from the YAML', () => {
		const html = updatedNoteHtml([revision('<script>alert(1)</script> & "quotes"')], '/changes/');
		expect(html).not.toContain('<script>');
		expect(html).toContain(escapeHtml('<script>alert(1)</script> & "quotes"'));
	});

	const page =
		'<p>In short.</p>' +
		'<div class="sl-heading-wrapper level-h2"><h2 id="one">One</h2></div><p>First.</p>' +
		'<div class="sl-heading-wrapper level-h2"><h2 id="two">Two</h2></div><p>Second.</p>';
	it('goes at the end of its section, before the next heading', () => {
		const out = insertSectionNotes(page, new Map([['one', '<NOTE>']]));
		expect(out).toContain('<p>First.</p><NOTE><div class="sl-heading-wrapper level-h2"><h2 id="two">');
	});
	it('goes at the end of the content for the last section, and after the opening paragraph for _top', () => {
		const out = insertSectionNotes(
			page,
			new Map([
				['two', '<LAST>'],
				['_top', '<TOP>'],
			]),
		);
		expect(out.endsWith('<p>Second.</p><LAST>')).toBe(true);
		expect(out.startsWith('<p>In short.</p><TOP><div')).toBe(true);
	});
	it('refuses to drop a note whose section is not on the page', () => {
		expect(() => insertSectionNotes(page, new Map([['three', '<NOTE>']]))).toThrow('no h2 with id "three"');
	});
});
