import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_CHARACTERS, firstScreenMatcher } from './first-screen.ts';

const words = (n: number) => 'x'.repeat(n);
const page = (content: string, chrome = '') =>
	`<html><body><header class="header">${chrome}</header><main><h1>Title</h1><div class="sl-markdown-content">${content}</div><footer class="meta">Last updated</footer></main><script>const big = "${words(9000)}";</script></body></html>`;

describe('firstScreenMatcher', () => {
	it('counts everything outside the text (header, title), however long the text', () => {
		const on = firstScreenMatcher(page(`<p>${words(FIRST_SCREEN_CHARACTERS * 2)}</p>`, '<nav class="menu"></nav>'));
		expect(on('.menu')).toBe(true);
		expect(on('main h1')).toBe(true);
	});

	it('counts an element of the text only if it starts within the first screen’s characters', () => {
		const on = firstScreenMatcher(
			page(
				`<p class="a">${words(FIRST_SCREEN_CHARACTERS - 10)}</p><p class="b">${words(20)}</p><p class="c">later</p>`,
			),
		);
		expect(on('.a')).toBe(true);
		expect(on('.b')).toBe(true); // starts 10 characters before the limit
		expect(on('.c')).toBe(false);
		expect(on('main footer')).toBe(false);
	});

	it('descends into a long block: its first items count, its last ones do not', () => {
		const items = Array.from({ length: 10 }, (_, i) => `<li class="i${i}">${words(FIRST_SCREEN_CHARACTERS / 5)}</li>`);
		const on = firstScreenMatcher(page(`<ul class="list">${items.join('')}</ul>`));
		expect(on('.list')).toBe(true);
		expect(on('.i0')).toBe(true);
		expect(on('.i4')).toBe(true);
		expect(on('.i5')).toBe(false);
	});

	it('does not count text that takes no room: hidden, screen-reader-only, inside an SVG', () => {
		const hidden = `<span hidden>${words(FIRST_SCREEN_CHARACTERS)}</span><span class="sr-only">${words(FIRST_SCREEN_CHARACTERS)}</span><svg><text>${words(FIRST_SCREEN_CHARACTERS)}</text></svg>`;
		const on = firstScreenMatcher(page(`<p>${hidden}</p><p class="next">next</p>`));
		expect(on('.next')).toBe(true);
	});

	it('counts the footer when the text is short', () => {
		expect(firstScreenMatcher(page('<p>short</p>'))('main footer.meta')).toBe(true);
	});

	it('leaves out a closed dialog and what it holds, not an open one', () => {
		const on = firstScreenMatcher(
			page('<p>t</p>', '<dialog class="closed"><input class="in-closed"></dialog><dialog open class="shown"></dialog>'),
		);
		expect(on('.closed')).toBe(false);
		expect(on('.in-closed')).toBe(false);
		expect(on('.shown')).toBe(true);
	});

	it('adds what scripts add before testing: buttons after every heading anchor', () => {
		const html = page('<div class="h"><h2>One</h2><a class="anchor" href="#one"></a></div>');
		expect(firstScreenMatcher(html)('.h > .copy')).toBe(false);
		const on = firstScreenMatcher(html, [
			{ after: '.anchor', html: '<button class="copy"></button><button class="copy share"></button>' },
		]);
		expect(on('.h > .copy')).toBe(true);
		expect(on('.anchor + .copy:not(.share)')).toBe(true);
		expect(on('.copy:not(.share) + .share')).toBe(true);
		expect(on('.h > .copy:not(.share):has(+ .share)')).toBe(true);
	});

	it('leaves out what only an open popover or modal dialog shows', () => {
		const on = firstScreenMatcher(page('<p>t</p>', '<button class="menu"></button><nav id="m" popover></nav>'));
		expect(on('.menu:has(~ :popover-open)')).toBe(false);
		expect(on('header:has(#m:popover-open) .menu')).toBe(false);
		expect(on('.menu:not(:popover-open)')).toBe(true);
		expect(on('dialog:modal')).toBe(false);
	});

	it('keeps a selector the engine cannot test', () => {
		expect(firstScreenMatcher(page('<p>t</p>'))('p:state(busy)')).toBe(true);
	});
});
