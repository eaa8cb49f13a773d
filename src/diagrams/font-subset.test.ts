import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuiltPages } from '../build/pipeline.ts';
import { diagramTextCharacters, unicodeRange, writeDiagramFonts } from './font-subset.ts';

const figure = (text: string) =>
	`<figure class="diagram"><div><svg><title>Title words</title><desc>Described</desc><g><text><tspan>${text}</tspan></text></g></svg></div><figcaption>Caption</figcaption></figure>`;

describe('diagram font subset', () => {
	it('takes the characters drawn as diagram text only (not titles, descriptions, captions or the page)', () => {
		const chars = diagramTextCharacters(`<p>Page Tqx</p>${figure('Amazon&#x2019;s AI &amp; more')}`);
		// Entities decoded; "Title words", "Described", "Caption" and "Page zzz" left out.
		expect(chars[400]).toEqual(new Set('Amazon’s AI & more'));
		expect(chars[600].size).toBe(0);
	});

	it('sorts the characters by the weight they are drawn in', () => {
		const chars = diagramTextCharacters(
			figure('ab<tspan font-weight="bold">Bc</tspan><tspan style="font-weight: 600">D</tspan>'),
		);
		expect(chars[400]).toEqual(new Set('ab'));
		expect(chars[600]).toEqual(new Set('BcD'));
	});

	it('writes no bold subset when nothing is drawn bold', async () => {
		const out = mkdtempSync(join(tmpdir(), 'fonts-'));
		mkdirSync(join(out, '_astro'));
		writeFileSync(join(out, 'index.html'), `<html><head></head><body>${figure('Hi')}</body></html>`);
		const pages = new BuiltPages(out);
		await writeDiagramFonts(pages, '/', join(out, '.cache'));
		pages.flush();
		expect(readdirSync(join(out, '_astro')).filter((f) => f.includes('-600.'))).toHaveLength(0);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('font-weight:600');
	});

	it('writes unicode-range as code points and ranges', () => {
		expect(unicodeRange('cab d')).toBe('U+20,U+61-64');
		expect(unicodeRange('’')).toBe('U+2019');
	});

	it('links a subset from pages with diagrams only, under the base path', async () => {
		const out = mkdtempSync(join(tmpdir(), 'fonts-'));
		mkdirSync(join(out, '_astro'));
		mkdirSync(join(out, 'aws'));
		writeFileSync(
			join(out, 'aws', 'index.html'),
			`<html><head></head><body>${figure('Hi <tspan font-weight="bold">Yo</tspan>')}</body></html>`,
		);
		writeFileSync(join(out, 'index.html'), '<html><head></head><body><p>No diagram</p></body></html>');
		const pages = new BuiltPages(out);
		const result = await writeDiagramFonts(pages, '/explainer/', join(out, '.cache'));
		pages.flush();
		expect(result).toMatchObject({ pages: 1, characters: 5 });
		const fonts = readdirSync(join(out, '_astro')).filter((f) => f.endsWith('.woff2'));
		expect(fonts).toHaveLength(2);
		const html = readFileSync(join(out, 'aws', 'index.html'), 'utf8');
		for (const font of fonts) expect(html).toContain(`url(/explainer/_astro/${font})`);
		// Each weight covers only what is drawn in it.
		expect(html).toContain('font-weight:400;');
		expect(html).toMatch(/font-weight:400;[^}]*unicode-range:U\+20,U\+48,U\+69\}/);
		expect(html).toMatch(/font-weight:600;[^}]*unicode-range:U\+59,U\+6F\}/);
		expect(html).toContain('font-display:block');
		expect(html).toMatch(/<style>@font-face[^<]+<\/style><\/head>/);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('@font-face');
		// Each subset is a real, small WOFF2 file.
		for (const font of fonts) {
			const data = readFileSync(join(out, '_astro', font));
			expect(data.subarray(0, 4).toString('latin1')).toBe('wOF2');
			expect(data.length).toBeLessThan(4096);
		}
	});
});
