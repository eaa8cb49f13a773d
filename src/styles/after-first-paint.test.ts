import { describe, expect, it } from 'vitest';
import { AFTER_FIRST_PAINT_SCRIPT, loadAfterFirstPaint } from './after-first-paint.ts';

const loader = (modules: string) => `<script data-modules="${modules}">${AFTER_FIRST_PAINT_SCRIPT}</script>`;

describe('loadAfterFirstPaint', () => {
	it("moves the head's print and marked stylesheets, the given sheets and the module scripts to one block at the end of body", () => {
		const html =
			'<html><head><link rel="stylesheet" href="/_astro/print.css" media="print"><style>.x{}</style>' +
			'<link rel="modulepreload" href="/_astro/chunk.js"><script type="module" src="/_astro/page.js"></script>' +
			'<link rel="stylesheet" href="/_astro/font.css" data-after-first-paint></head><body><p>x</p></body></html>';
		expect(loadAfterFirstPaint(html, ['/_astro/full.css'])).toBe(
			'<html><head><style>.x{}</style></head><body><p>x</p>' +
				'<noscript data-after-first-paint><link rel="stylesheet" href="/_astro/print.css" media="print"><link rel="stylesheet" href="/_astro/font.css"><link rel="stylesheet" href="/_astro/full.css"><link rel="modulepreload" href="/_astro/chunk.js"></noscript>' +
				`${loader('/_astro/page.js')}</body></html>`,
		);
	});

	it('leaves scripts and links in <body> alone, and a page with nothing to load unchanged', () => {
		const body = '<body><script type="module" src="/_astro/x.js"></script></body>';
		expect(loadAfterFirstPaint(`<html><head></head>${body}</html>`, [])).toBe(`<html><head></head>${body}</html>`);
	});

	it('links the sheets at the end of <body> on a page without scripts to load them', () => {
		expect(loadAfterFirstPaint('<html><head></head><body></body></html>', ['/_astro/full.css'])).toBe(
			'<html><head></head><body><link rel="stylesheet" href="/_astro/full.css"></body></html>',
		);
	});

	it('escapes what it writes into attributes', () => {
		const out = loadAfterFirstPaint('<html><head></head><body></body></html>', ['/a"b.css']);
		expect(out).toContain('href="/a&quot;b.css"');
	});
});
