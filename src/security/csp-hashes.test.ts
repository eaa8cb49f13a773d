import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addInlineScriptHashes } from './csp-hashes.ts';

const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('inline script hashes in the CSP', () => {
	const page = (scripts: string) =>
		`<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-known'; style-src 'self'">${scripts}</head></html>`;

	it('adds the hash of each inline executable script to script-src', () => {
		const { html, added } = addInlineScriptHashes(page('<script>a()</script><script type="module">b()</script>'));
		expect(added).toBe(2);
		expect(html).toContain(`script-src 'self' 'sha256-known' ${sha('a()')} ${sha('b()')}; style-src`);
	});

	it('ignores external scripts and data blocks, and never adds unsafe-inline', () => {
		const { html, added } = addInlineScriptHashes(
			page('<script src="/x.js"></script><script type="application/ld+json">{"a":1}</script>'),
		);
		expect(added).toBe(0);
		expect(html).not.toContain('unsafe-inline');
	});
});
