import { describe, expect, it } from 'vitest';
import { FIRST_PARAGRAPH_END_ID, holdFirstPaintForFirstParagraph } from './first-paint.ts';

const head = '<head><link rel="expect" href="#_top" blocking="render"/></head>';

describe('holdFirstPaintForFirstParagraph', () => {
	it('moves the first paint to the end of the first paragraph of the text', () => {
		const html = `<html>${head}<body><nav><p>Sidebar</p></nav><main><h1 id="_top">Title</h1><div class="sl-markdown-content"><p>In short: <a href="/x/">text</a>.</p><p>More.</p></div></main></body></html>`;
		expect(holdFirstPaintForFirstParagraph(html)).toBe(
			`<html><head><link rel="expect" href="#${FIRST_PARAGRAPH_END_ID}" blocking="render"></head><body><nav><p>Sidebar</p></nav><main><h1 id="_top">Title</h1><div class="sl-markdown-content"><p>In short: <a href="/x/">text</a>.<span id="${FIRST_PARAGRAPH_END_ID}" hidden></span></p><p>More.</p></div></main></body></html>`,
		);
	});

	it('finds a first paragraph nested in the first block (a quote, a list)', () => {
		const html = `${head}<div class="sl-markdown-content"><figure><blockquote><p>Quoted.</p></blockquote></figure><p>After.</p></div>`;
		const out = holdFirstPaintForFirstParagraph(html);
		expect(out).toContain(`<p>Quoted.<span id="${FIRST_PARAGRAPH_END_ID}" hidden></span></p>`);
		expect(out.match(new RegExp(FIRST_PARAGRAPH_END_ID, 'g'))).toHaveLength(2);
	});

	it('keeps waiting for the title on a page whose text has no paragraph', () => {
		const html = `${head}<div class="sl-markdown-content"><ul><li>Only a list</li></ul></div>`;
		expect(holdFirstPaintForFirstParagraph(html)).toBe(html);
	});

	it('leaves a page that does not hold its first paint (share pages, the 404 page) alone', () => {
		const html = '<head></head><div class="sl-markdown-content"><p>Text.</p></div>';
		expect(holdFirstPaintForFirstParagraph(html)).toBe(html);
	});
});
