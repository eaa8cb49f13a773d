/**
 * After the last change to the pages (so after the policy check): every article page gets a delta
 * against one base page (`<page>/index.delta.json`), and the service worker that rebuilds pages
 * from them is bundled to `sw.js` with the list of those pages. The base is the page that shares
 * the most text with the others (delta.ts, bestBase): one with the kinds of markup they repeat.
 *
 * Each delta is applied here before it is written; a delta that would not rebuild its page exactly
 * fails the build rather than reach a reader (the worker checks the SHA-256 again in the browser).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { PassCache } from '../build/pass-cache.ts';
import { applyDelta, bestBase, encodeDelta, type PageDelta } from './delta.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Pages a reader opens one after another: Starlight's pages, not share pages, redirects (no <main>) or the 404. */
export function isArticlePage(file: string, html: string): boolean {
	return /(^|\/)index\.html$/.test(file) && !/(^|\/)share\//.test(file) && html.includes('<main ');
}

/** `aws/index.html` -> `/aws/` under the base path. */
export const pagePath = (file: string, base: string) => `${base}${dirname(file) === '.' ? '' : `${dirname(file)}/`}`;

/** The delta of each page against the one that shares most with the others, unchecked. */
export function encodePageDeltas(pages: { path: string; html: string }[]): Record<string, PageDelta> {
	const base = pages[bestBase(pages.map((p) => p.html))]!;
	const baseSha256 = sha256(base.html);
	return Object.fromEntries(
		pages.map((page) => [
			page.path,
			{ base: base.path, baseSha256, sha256: sha256(page.html), ops: encodeDelta(base.html, page.html) },
		]),
	);
}

/** Throws unless every delta rebuilds its page exactly from its base, hashes included. */
export function verifyPageDeltas(pages: { path: string; html: string }[], deltas: Record<string, PageDelta>): void {
	const byPath = new Map(pages.map((p) => [p.path, p.html]));
	for (const page of pages) {
		const delta = deltas[page.path];
		const base = delta && byPath.get(delta.base);
		if (
			!delta ||
			base === undefined ||
			sha256(base) !== delta.baseSha256 ||
			sha256(page.html) !== delta.sha256 ||
			applyDelta(base, delta.ops) !== page.html
		)
			throw new Error(`page deltas: the delta of ${page.path} does not rebuild it`);
	}
}

export function pageDeltasIntegration(): AstroIntegration {
	let base = '/';
	let root = '';
	const deltaCache = new PassCache('page-deltas', ['src/page-deltas/delta.ts', 'src/page-deltas/integration.ts']);
	// Everything the worker's bundle is made of (esbuild itself is pinned by the lockfile).
	const workerCache = new PassCache('service-worker', [
		'src/page-deltas/service-worker.ts',
		'src/page-deltas/page-headers.ts',
		'src/page-deltas/delta.ts',
		'src/page-deltas/integration.ts',
	]);
	return {
		name: 'page-deltas',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				root = fileURLToPath(config.root);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const pages = readdirSync(out, { recursive: true, encoding: 'utf8' })
					.filter((f) => f.endsWith('.html'))
					.sort()
					.map((file) => ({ file, html: readFileSync(join(out, file), 'utf8') }))
					.filter((p) => isArticlePage(p.file, p.html))
					.map((p) => ({ ...p, path: pagePath(p.file, base) }));
				if (!pages.length) return;
				// Encoding is the slow part and depends only on the pages: unchanged pages reuse their deltas
				// (src/build/pass-cache.ts). Every delta, stored or new, is checked against its page here.
				const deltas = await deltaCache.memo(
					pages.flatMap((p) => [p.path, p.html]),
					() => encodePageDeltas(pages),
				);
				verifyPageDeltas(pages, deltas);
				let bytes = 0;
				for (const page of pages) {
					const json = JSON.stringify(deltas[page.path]);
					bytes += json.length;
					writeFileSync(join(out, dirname(page.file), 'index.delta.json'), json);
				}
				const define = { __DELTA_PAGES__: JSON.stringify(pages.map((p) => p.path)) };
				const worker = await workerCache.memo([JSON.stringify(define)], async () => {
					const result = await build({
						entryPoints: [join(root, 'src/page-deltas/service-worker.ts')],
						absWorkingDir: root,
						bundle: true,
						format: 'iife',
						target: 'es2022',
						minify: true,
						legalComments: 'none',
						define,
						write: false,
						logLevel: 'silent',
					});
					return result.outputFiles[0]!.text;
				});
				writeFileSync(join(out, 'sw.js'), worker);
				const basePath = deltas[pages[0]!.path]!.base;
				logger.info(
					`page deltas: ${pages.length} pages against ${basePath} (${(bytes / 1024).toFixed(0)} KB before compression), service worker sw.js`,
				);
			},
		},
	};
}
