import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../site/paths.ts';
import { contentHtmlPlugin, isScriptUrl } from './content-html.ts';

const fileURL = pathToFileURL(join(projectRoot, 'docs', 'page.mdx'));
// Wrapped so a synchronous throw and a rejected promise read the same.
const mdx = async (source: string) => mdxToJs(source, { mdastPlugins: [contentHtmlPlugin()], fileURL });
const md = async (source: string) => markdownToHtml(source, { mdastPlugins: [contentHtmlPlugin()], fileURL });

describe('code in page content fails the build, naming file and line', () => {
	it.each([
		['a <script> element', '# T\n\nText.\n\n<script>alert(1)</script>\n', 'docs/page.mdx:5: <script> in page content'],
		[
			'an inline <script>',
			'# T\n\nText <script>{"alert(1)"}</script> more.\n',
			'docs/page.mdx:3: <script> in page content',
		],
		[
			'an event handler',
			'# T\n\n<img src="x.png" alt="" onError="alert(1)" />\n',
			'docs/page.mdx:3: an onerror= event handler on <img>',
		],
		['set:html', '# T\n\n<div set:html="<b>x</b>" />\n', 'docs/page.mdx:3: set:html on <div>'],
		['an iframe', '# T\n\n<iframe src="https://example.org" />\n', 'docs/page.mdx:3: <iframe>'],
		['a javascript: link', '# T\n\n[x](javascript:alert(1))\n', 'docs/page.mdx:3: a link to "javascript:alert(1)"'],
		[
			'a javascript: href',
			'# T\n\n<a href="JaVaScRiPt:alert(1)">x</a>\n',
			'docs/page.mdx:3: a href="JaVaScRiPt:alert(1)" script link on <a>',
		],
	])('MDX: %s', async (_, source, message) => {
		await expect(mdx(source)).rejects.toThrow(message);
	});

	it.each([
		[
			'raw HTML with a script',
			'Text.\n\n<div><script>alert(1)</script></div>\n',
			'docs/page.mdx:3: <script> in page content',
		],
		['a handler in raw HTML', 'Text.\n\n<p><img src=x onerror=alert(1)></p>\n', 'an onerror= event handler on <img>'],
		['a javascript: reference link', '[x][r]\n\n[r]: javascript:alert(1)\n', 'a link to "javascript:alert(1)"'],
	])('Markdown: %s', async (_, source, message) => {
		await expect(md(source)).rejects.toThrow(message);
	});

	it('lets ordinary content through', async () => {
		await expect(
			mdx('# T\n\n<Quote p={3}>words</Quote> [a](/aws/) [b](https://example.org) <a href="#x">c</a>\n'),
		).resolves.toBeTruthy();
	});

	it('recognises script URLs however they are spelled', () => {
		expect(isScriptUrl(' java\tscript:alert(1)')).toBe(true);
		expect(isScriptUrl('data:text/html,<script>')).toBe(true);
		expect(isScriptUrl('/javascript-guide/')).toBe(false);
	});
});
