import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPage, inlineScriptsInComponent, securePage, sha256, shippedInlineScriptHashes } from './csp.ts';

const policy = (...hashes: string[]) =>
	`<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' ${hashes.map((h) => `'${h}'`).join(' ')}">`;
const page = (head: string, body = '') =>
	`<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('the policy allows only shipped scripts', () => {
	const dir = mkdtempSync(join(tmpdir(), 'csp-components-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('hashes the is:inline scripts of components, minified as the pages carry them', () => {
		writeFileSync(
			join(dir, 'Theme.astro'),
			'---\n---\n<script is:inline>\n\tsetTheme();\n</script>\n<script>bundled()</script>',
		);
		expect(inlineScriptsInComponent('<script is:inline>a()</script><script>b()</script>')).toEqual(['a()']);
		expect(shippedInlineScriptHashes([dir])).toEqual([sha256('setTheme();')]);
	});

	it('swaps the minified text in for a shipped script found on the page, and leaves any other alone', () => {
		const scripts = new Map([['\n\t// Why.\n\tsetTheme( "dark" );\n', 'setTheme("dark");']]);
		const html =
			'<script>\n\t// Why.\n\tsetTheme( "dark" );\n</script><script aria-hidden="true">\n\t// Why.\n\tsetTheme( "dark" );\n</script><script>other( 1 )</script>';
		expect(securePage(html, scripts)).toBe(
			'<script>setTheme("dark");</script><script aria-hidden="true">setTheme("dark");</script><script>other( 1 )</script>',
		);
	});

	it('reads the real components: Starlight’s theme script is allowed', () => {
		expect(shippedInlineScriptHashes().length).toBeGreaterThanOrEqual(4);
	});

	it('moves the policy to the top of <head>, after the charset', () => {
		const html = securePage(page(`<title>x</title><script>a()</script>${policy(sha256('a()'))}`), new Map());
		expect(html).toMatch(
			/^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/,
		);
		expect(checkPage(html)).toEqual([]);
	});

	it("keeps in each page's policy only the hashes of its own inline scripts and the runtime ones", () => {
		const all = [sha256('a()'), sha256('b()'), sha256('rules')];
		const html = securePage(page(policy(...all), '<script>a()</script><script src="/x.js"></script>'), new Map(), [
			sha256('rules'),
		]);
		expect(html).toContain(`script-src 'self' '${sha256('a()')}' '${sha256('rules')}'\">`);
		expect(html).not.toContain(sha256('b()'));
		expect(checkPage(html)).toEqual([]);
		// Never added: a script whose hash the site's list lacks still fails the check.
		const foreign = securePage(page(policy(sha256('a()')), '<script>alert(1)</script>'), new Map());
		expect(checkPage(foreign)).toEqual(['an inline script the site does not ship: "alert(1)"']);
	});

	it('fails a policy that comes after another element', () => {
		expect(checkPage(page(`<title>x</title>${policy()}`))).toEqual([
			'the policy <meta> comes after <meta>, so it does not govern it',
		]);
	});

	it('fails an inline script the policy does not list, wherever it is', () => {
		const problems = checkPage(page(policy(sha256('a()')), '<p>x</p><script>alert(1)</script><script>a()</script>'));
		expect(problems).toEqual(['an inline script the site does not ship: "alert(1)"']);
	});

	it('does not mistake "<script>" inside an attribute or data block for a script', () => {
		const html = page(
			`${policy()}<meta name="description" content="<script>alert(1)</script>"><script type="application/ld+json">{"a":"\\u003cscript>"}</script>`,
		);
		expect(checkPage(html)).toEqual([]);
	});

	it('fails handlers, javascript: links and scripts from elsewhere', () => {
		const html = page(
			policy(),
			'<img src="x.png" onerror="alert(1)"><a href="javascript:alert(1)">x</a><script src="https://evil.example/x.js"></script>',
		);
		expect(checkPage(html)).toEqual([
			'an onerror= handler on <img>',
			'a javascript:alert(1) link on <a>',
			'a script from outside the site: https://evil.example/x.js',
		]);
	});
});
