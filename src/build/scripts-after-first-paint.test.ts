import { describe, expect, it } from 'vitest';
import { LOADER, SCRIPT_LIST_ID, loadScriptsAfterFirstPaint } from './scripts-after-first-paint.ts';

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe('loadScriptsAfterFirstPaint', () => {
	it('moves every module script into one list, in page order, loaded by the fixed loader at the end of <body>', () => {
		const html = page(
			'<meta charset="utf-8"><script type="module" src="/_astro/page.js"></script><script>theme()</script>',
			'<p>text</p><script type="module" src="/_astro/search.js"></script><footer></footer>',
		);
		expect(loadScriptsAfterFirstPaint(html)).toBe(
			page(
				'<meta charset="utf-8"><script>theme()</script>',
				`<p>text</p><footer></footer><script type="application/json" id="${SCRIPT_LIST_ID}">["/_astro/page.js","/_astro/search.js"]</script><script type="module">${LOADER}</script>`,
			),
		);
	});

	it('leaves a page without module scripts, and one already done, as it is', () => {
		const none = page('<script>theme()</script>', '<p>text</p>');
		expect(loadScriptsAfterFirstPaint(none)).toBe(none);
		const once = loadScriptsAfterFirstPaint(page('', '<script type="module" src="/a.js"></script>'));
		expect(loadScriptsAfterFirstPaint(once)).toBe(once);
	});

	it('takes over a page that only has a deferred stylesheet, so the stylesheet still applies', () => {
		const html = page('<style>p{}</style>', '<link rel="stylesheet" href="/a.css" media="print" data-deferred-css>');
		expect(loadScriptsAfterFirstPaint(html)).toContain(
			`<script type="application/json" id="${SCRIPT_LIST_ID}">[]</script><script type="module">${LOADER}</script></body>`,
		);
	});

	it('lists a script included twice once, and no URL can close the data block', () => {
		const html = page(
			'',
			'<script type="module" src="/a.js"></script><script type="module" src="/a.js"></script><script type="module" src="/x</script>.js"></script>',
		);
		const out = loadScriptsAfterFirstPaint(html);
		expect(out.match(/<\/script>/g)).toHaveLength(2);
		expect(out).toContain('["/a.js","/x\\u003c/script>.js"]');
	});
});
