import { describe, expect, it } from 'vitest';
import { beforeHeadEnd, editHtml, hasClass, htmlElements } from './html.ts';

const page =
	'<!DOCTYPE html><html><head><meta charset="utf-8"><title>A &amp; B</title></head>' +
	'<body><main><h2 id="a&amp;b" class="x  y">A</h2><p>one<p>two</main>' +
	'<script>if (a < b) document.write("</div>")</script><svg><use xlink:href="#i"/></svg></body></html>';

describe('htmlElements', () => {
	const elements = htmlElements(page);
	const one = (name: string) => elements.find((e) => e.name === name)!;

	it('places each element: its tags and its content', () => {
		const h2 = one('h2');
		expect(page.slice(h2.start, h2.end)).toBe('<h2 id="a&amp;b" class="x  y">A</h2>');
		expect(page.slice(h2.innerStart, h2.innerEnd)).toBe('A');
		const head = one('head');
		expect(page.slice(head.innerEnd, head.end)).toBe('</head>');
	});

	it('decodes attributes and knows the elements around each one', () => {
		expect(one('h2').attrs.id).toBe('a&b');
		expect(one('h2').ancestors).toEqual(['html', 'body', 'main']);
		expect(hasClass(one('h2'), 'y', 'x')).toBe(true);
		expect(one('use').attrs['xlink:href']).toBe('#i');
	});

	it('reads script text as text, and places void and unclosed elements', () => {
		const script = one('script');
		expect(page.slice(script.innerStart, script.innerEnd)).toBe('if (a < b) document.write("</div>")');
		const meta = one('meta');
		expect(page.slice(meta.start, meta.end)).toBe('<meta charset="utf-8">');
		const [first, second] = elements.filter((e) => e.name === 'p');
		expect(page.slice(first!.start, first!.end)).toBe('<p>one');
		expect(page.slice(second!.innerStart, second!.innerEnd)).toBe('two');
	});
});

describe('editHtml', () => {
	it('changes only the ranges it is given, inserts included, in any order', () => {
		expect(
			editHtml('<a>b</a><c>', [
				{ start: 8, end: 11, text: '' },
				{ start: 0, end: 0, text: '<x>' },
				{ start: 3, end: 4, text: 'B' },
			]),
		).toBe('<x><a>B</a>');
	});

	it('refuses edits that overlap', () => {
		expect(() =>
			editHtml('abcdef', [
				{ start: 0, end: 3, text: '' },
				{ start: 2, end: 4, text: '' },
			]),
		).toThrow(/overlapping/);
	});

	it('inserts before </head>', () => {
		expect(beforeHeadEnd(page, htmlElements(page), '<style></style>')).toContain('</title><style></style></head>');
	});
});
