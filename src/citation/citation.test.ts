import { describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import { citationItems, citationKey, type CslItem } from './citation-items.ts';
import { CITATION_STYLES, citationTexts, renderCitation } from './render.ts';
import { citationText, type DateParts } from './accessed.ts';
import type { Revision } from '../revisions/revisions.ts';
import type { SitePage } from '../revisions/targets.ts';

const pages = new Map<string, SitePage>([
	[
		'/aws/',
		{
			title: "AWS's role",
			sections: new Map([
				['_top', { title: 'Opening paragraph', kind: 'opening' }],
				['the-core', { title: 'The core of the strategy', kind: 'heading' }],
				['never-revised', { title: 'Never revised', kind: 'heading' }],
			]),
		},
	],
	['/glossary/', { title: 'Glossary', sections: new Map([['capex', { title: 'Capex', kind: 'entry' }]]) }],
]);
const revision = (date: string, page: string, section: string) => ({ date, page, section }) as Revision;
const revisions = [
	revision('2026-11-25', '/aws/', 'the-core'),
	revision('2026-12-04', '/aws/', 'the-core'),
	revision('2026-11-30', '/aws/', '_top'),
];
const site = { name: "Amazon's $200B AI Bet, Explained", url: (p: string) => `https://example.org/base${p}` };
const items = citationItems(pages, revisions, site);
const accessed: CslItem = {
	...items[citationKey('/aws/', 'the-core')]!,
	accessed: { 'date-parts': [[2027, 1, 9]] },
};

describe('citation items', () => {
	it('cite the site, dated by the latest revision of the section, with the page as the title', () => {
		const item = items['/aws/#the-core']!;
		expect(item.title).toBe("AWS's role: The core of the strategy");
		expect(item['container-title']).toBe(site.name);
		expect(item.URL).toBe('https://example.org/base/aws/#the-core');
		expect(item.issued).toEqual({ 'date-parts': [[2026, 12, 4]] });
		expect(item.note).toContain('https://example.org/base/source/');
	});
	it('date a page by its latest revision, and leave a never-revised section undated', () => {
		expect(items['/aws/']!.issued).toEqual({ 'date-parts': [[2026, 12, 4]] });
		expect(items['/aws/#never-revised']!.issued).toBeUndefined();
	});
	it('only for pages and h2 sections', () => {
		expect(Object.keys(items).sort()).toEqual(['/aws/', '/aws/#never-revised', '/aws/#the-core', '/glossary/']);
	});
});

// Preparing citeproc with the large Chicago style takes seconds on a busy machine.
describe('rendered citations', { timeout: 60_000 }, () => {
	it('render in all five styles', () => {
		expect(CITATION_STYLES.map((s) => s.id)).toEqual(['apa', 'mla', 'chicago', 'bibtex', 'csl-json']);
		expect(renderCitation(accessed, 'apa')).toBe(
			'AWS’s role: The core of the strategy. (2026, December 4). Amazon’s $200B AI Bet, Explained. https://example.org/base/aws/#the-core',
		);
		expect(renderCitation(accessed, 'mla')).toContain(
			'“AWS’s Role: The Core of the Strategy.” Amazon’s $200B AI Bet, Explained, 4 Dec. 2026',
		);
		expect(renderCitation(accessed, 'chicago')).toContain('Accessed January 9, 2027');
		expect(renderCitation(accessed, 'bibtex')).toMatch(
			/^@misc\{[^,]+,[\s\S]*title = \{AWS's role: The core of the strategy\}[\s\S]*\}$/,
		);
		// A key of its own (the page's and each section's differ), and a month BibTeX can read.
		expect(renderCitation(accessed, 'bibtex')).toMatch(/^@misc\{aws_the_core,/);
		expect(renderCitation(accessed, 'bibtex')).toContain('month = {12}');
	});
	it('print "n.d." and the access date where a section was never revised', () => {
		const undated = { ...items['/aws/#never-revised']!, accessed: accessed.accessed };
		expect(renderCitation(undated, 'apa')).toContain('(n.d.)');
		expect(renderCitation(undated, 'apa')).toContain('Retrieved January 9, 2027');
	});
	it('round-trip through CSL-JSON and render the same from it', () => {
		const json = renderCitation(accessed, 'csl-json');
		const [back] = new Cite(JSON.parse(json)).data as CslItem[];
		for (const key of Object.keys(accessed) as (keyof CslItem)[]) expect(back![key]).toEqual(accessed[key]);
		for (const { id } of CITATION_STYLES) expect(renderCitation(back!, id)).toBe(renderCitation(accessed, id));
	});
	it('keep hostile text as text', () => {
		const hostile = { ...accessed, title: '<img src=x onerror=alert(1)> & {\\evil}' };
		// citeproc reads CSL's rich-text tags in titles; the dialog only ever shows its output as text.
		expect(renderCitation(hostile, 'apa')).toContain('src=x onerror=alert(1)> & ');
		expect(renderCitation(hostile, 'bibtex')).toContain('title = {');
		expect(JSON.parse(renderCitation(hostile, 'csl-json'))[0].title).toBe(hostile.title);
	});
});

describe('citations rendered at build time, dated in the browser', { timeout: 60_000 }, () => {
	// Every month, its first and last days, a one-digit and a two-digit day, two years.
	const dates: DateParts[] = Array.from({ length: 12 }, (_, i): DateParts[] => [
		[2026, i + 1, 1],
		[2027, i + 1, 28],
	]).flat();
	const cases = { dated: items['/aws/#the-core']!, undated: items['/aws/#never-revised']! };
	for (const [name, item] of Object.entries(cases)) {
		it(`join around the reader's date exactly as citation-js writes it (${name})`, () => {
			const texts = citationTexts(item);
			for (const date of dates)
				for (const { id } of CITATION_STYLES)
					expect(citationText(item, texts, id, date)).toBe(
						renderCitation({ ...item, accessed: { 'date-parts': [date] } }, id),
					);
		});
	}
	it('leave the stand-in dates nowhere, and the access date where the style prints one', () => {
		const texts = citationTexts(cases.undated);
		expect(texts.apa).toHaveLength(2);
		expect(texts.chicago).toHaveLength(2);
		expect(JSON.stringify(texts)).not.toMatch(/190[12]/);
		expect(citationText(cases.undated, texts, 'mla', [2027, 9, 3])).toContain('3 Sept. 2027');
	});
	it('fail, naming the item, where the access date cannot be told apart from the text', () => {
		const odd = { ...cases.undated, title: 'Open since September 30, 1901' };
		expect(() => citationTexts(odd)).toThrow(/"aws-never-revised" writes its access date/);
	});
});
