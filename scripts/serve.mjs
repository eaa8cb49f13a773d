#!/usr/bin/env node
/**
 * Serves the built site (dist/) on 127.0.0.1 for the browser tests and the benchmark, the way a
 * static host does: the site under its base path, dist/404.html with status 404 for unknown URLs.
 * (`astro preview` refuses to start while another preview runs, e.g. a reader's `npm start`.)
 *
 * Usage: node scripts/serve.mjs [port]   (BASE_PATH as for the build)
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import compression from 'compression';
import sirv from 'sirv';

const port = Number(process.argv[2] ?? process.env.PORT ?? 4322);
const base = `/${(process.env.BASE_PATH ?? '/').replace(/^\/|\/$/g, '')}/`.replace('//', '/');
const outDir = process.env.OUT_DIR ?? 'dist';
const assets = sirv(outDir, { dev: false, etag: true, extensions: ['html'] });
// Fingerprinted assets are cached for good, as public/_headers tells static hosts: a read-through
// (several pages in one visit) then downloads each stylesheet, script and font once.
const fingerprinted = sirv(outDir, { dev: false, etag: true, maxAge: 31536000, immutable: true });
const notFound = () => readFileSync(`${outDir}/404.html`);

// Compressed like any static host serves text, so byte and Lighthouse figures are realistic.
const compress = compression();

createServer((req, res) => compress(req, res, () => handle(req, res))).listen(port, '127.0.0.1', () =>
	console.log(`serving ${outDir}/ at http://127.0.0.1:${port}${base}`),
);

function handle(req, res) {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const send404 = () => {
		res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
		res.end(notFound());
	};
	if (!url.pathname.startsWith(base)) return send404();
	req.url = `/${url.pathname.slice(base.length)}${url.search}`;
	(req.url.startsWith('/_astro/') ? fingerprinted : assets)(req, res, send404);
}
