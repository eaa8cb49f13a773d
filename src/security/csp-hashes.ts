/**
 * Completes each page's Content-Security-Policy after the build. Astro's `security.csp` hashes the
 * scripts it bundles, but not the `is:inline` scripts Starlight ships (theme, sidebar state), so
 * without this the policy would block them, or need 'unsafe-inline'. Here every inline executable
 * script in a page gets its SHA-256 added to that page's script-src.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const EXECUTABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

export function addInlineScriptHashes(html: string): { html: string; added: number } {
	const meta = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i.exec(html);
	if (!meta) return { html, added: 0 };
	const hashes = new Set<string>();
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const attrs = m[1]!;
		if (/\ssrc=/.test(attrs)) continue;
		const type = /\stype="([^"]*)"/.exec(attrs)?.[1] ?? '';
		if (!EXECUTABLE.test(type)) continue; // JSON and JSON-LD are data, never executed
		hashes.add(`'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`);
	}
	let policy = meta[2]!;
	const missing = [...hashes].filter((h) => !policy.includes(h));
	if (!missing.length) return { html, added: 0 };
	policy = policy.replace(
		/script-src([^;]*)/,
		(_, sources: string) => `script-src${sources.trimEnd()} ${missing.join(' ')}`,
	);
	const start = meta.index + meta[1]!.length;
	return { html: html.slice(0, start) + policy + html.slice(start + meta[2]!.length), added: missing.length };
}

export function cspHashes(): AstroIntegration {
	return {
		name: 'csp-inline-hashes',
		hooks: {
			'astro:build:done': ({ dir, logger }) => {
				const distDir = fileURLToPath(dir);
				let pages = 0;
				for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' })) {
					if (!file.endsWith('.html')) continue;
					const path = join(distDir, file);
					const { html, added } = addInlineScriptHashes(readFileSync(path, 'utf8'));
					if (added) {
						writeFileSync(path, html);
						pages++;
					}
				}
				logger.info(`csp: inline script hashes added to ${pages} pages`);
			},
		},
	};
}
