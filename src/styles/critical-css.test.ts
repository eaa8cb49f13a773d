import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deferStylesheets, pruneCss, readCacheEntry, selectorForMatching, stylesheetLinks } from './critical-css.ts';

// One folder per case: input.css, used.txt (the selectors found on the first screen,
// one a line), optional page.html (what the page itself mentions), and the expected output.css.
// UPDATE_FIXTURES=1 rewrites the outputs; review the diff before committing.
const sha = (css: string) => createHash('sha256').update(css).digest('hex');
const fixturesDir = join(import.meta.dirname, 'fixtures');

describe('critical CSS pruning', () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, () => {
			const dir = join(fixturesDir, name);
			const used = new Set(readFileSync(join(dir, 'used.txt'), 'utf8').split('\n').filter(Boolean));
			const page = existsSync(join(dir, 'page.html')) ? readFileSync(join(dir, 'page.html'), 'utf8') : '';
			const css = pruneCss(readFileSync(join(dir, 'input.css'), 'utf8'), (s) => used.has(s), page);
			const expectedFile = join(dir, 'output.css');
			if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, css);
			expect(existsSync(expectedFile), `${expectedFile} is missing; run with UPDATE_FIXTURES=1`).toBe(true);
			expect(css).toBe(readFileSync(expectedFile, 'utf8'));
		});
	}
});

describe('selectorForMatching', () => {
	it.each([
		['.a::before', '.a'],
		['.a:hover .b', '.a .b'],
		['a:focus-visible', 'a'],
		[':root[data-theme=light] .x', ':root .x'],
		["[data-theme='dark'] .x", ' .x'.trim()],
		['nav a[aria-current=true]', 'nav a'],
		['::selection', '*'],
		['.a:not(.b)', '.a:not(.b)'],
	])('%s tests as %s', (selector, expected) => {
		expect(selectorForMatching(selector)).toBe(expected);
	});
});

describe('deferStylesheets', () => {
	const html =
		'<html><head><link rel="stylesheet" href="/p.css" media="print"><link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css"></head><body><p>x</p></body></html>';
	it('inlines the critical CSS where the first stylesheet was and loads the sheets after the first paint', () => {
		const links = stylesheetLinks(html);
		expect(links.map((l) => l.href)).toEqual(['/_astro/a.css', '/_astro/b.css']);
		expect(deferStylesheets(html, links, '.x{}', ['/_astro/a.css'])).toBe(
			'<html><head><style>.x{}</style></head><body><p>x</p><link rel="stylesheet" href="/p.css" media="print"><link rel="stylesheet" href="/_astro/a.css"></body></html>',
		);
	});
});

describe('the critical CSS cache', () => {
	const dir = mkdtempSync(join(tmpdir(), 'critical-css-'));
	const file = join(dir, 'k.json');
	const write = (text: string) => writeFileSync(file, text);
	it('is a miss when nothing is cached', () => {
		expect(readCacheEntry(join(dir, 'none.json'), 'k')).toBeUndefined();
	});
	it('returns a whole entry for its own key', () => {
		write(JSON.stringify({ key: 'k', css: '.a{color:red}', sha256: sha('.a{color:red}') }));
		expect(readCacheEntry(file, 'k')).toEqual({ css: '.a{color:red}' });
	});
	it.each([
		['truncated', JSON.stringify({ key: 'k', css: '.a{color:red}', sha256: sha('.a{color:red}') }).slice(0, 20)],
		['for another page', JSON.stringify({ key: 'other', css: '.a{}', sha256: sha('.a{}') })],
		['without CSS', JSON.stringify({ key: 'k' })],
		['CSS cut short inside the JSON', JSON.stringify({ key: 'k', css: '.a{color:red', sha256: sha('.a{color:red}') })],
		['without a checksum', JSON.stringify({ key: 'k', css: '.a{color:red}' })],
	])('refuses an entry that is %s', (_, text) => {
		write(text);
		expect(readCacheEntry(file, 'k')).toHaveProperty('problem');
	});
});
