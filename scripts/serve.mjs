#!/usr/bin/env node
/**
 * Serves the built site (dist/) on 127.0.0.1 for the browser tests and the benchmark, the way a
 * static host does: the site under its base path, dist/404.html with status 404 for unknown URLs.
 * (`astro preview` refuses to start while another preview runs, e.g. a reader's `npm start`.)
 *
 * Usage: node scripts/serve.mjs [port]   (BASE_PATH as for the build)
 *
 * `serveSite()` starts the same server in-process; its `bytesSent()` counts what went out on the
 * wire (headers and compressed bodies, every request: page, prefetch or prerender alike), and
 * `delayMs` holds every response back, as a slow line does. `serveApart()` runs this script in a
 * process of its own (the benchmark's servers) and waits until it answers.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import sirv from 'sirv';

/** `/sub/path` or `sub/path/` -> `/sub/path/`. */
export const basePath = (base = '/') => `/${base.replace(/^\/|\/$/g, '')}/`.replace('//', '/');

/**
 * Starts the server; resolves once it listens. `port` 0 picks a free one (see `origin`).
 * @param {{ port?: number, outDir?: string, base?: string, delayMs?: number }} options
 */
export function serveSite({ port = 0, outDir = 'dist', base = '/', delayMs = 0 } = {}) {
	const root = basePath(base);
	const assets = sirv(outDir, { dev: false, etag: true, extensions: ['html'] });
	// Fingerprinted assets are cached for good, as public/_headers tells static hosts: a read-through
	// (several pages in one visit) then downloads each stylesheet, script and font once.
	const fingerprinted = sirv(outDir, { dev: false, etag: true, maxAge: 31536000, immutable: true });
	const notFound = () => readFileSync(`${outDir}/404.html`);
	// Compressed like any static host serves text, so byte and Lighthouse figures are realistic.
	const compress = compression();
	let sent = 0;
	const byPath = new Map();
	const requests = new Map();
	const written = new WeakMap();

	const handle = (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const send404 = () => {
			res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
			res.end(notFound());
		};
		if (!url.pathname.startsWith(root)) return send404();
		req.url = `/${url.pathname.slice(root.length)}${url.search}`;
		(req.url.startsWith('/_astro/') ? fingerprinted : assets)(req, res, send404);
	};
	const server = createServer((req, res) => {
		// Responses on one connection go out one after another: each adds what its socket wrote since.
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		requests.set(path, (requests.get(path) ?? 0) + 1);
		res.on('finish', () => {
			const socket = req.socket;
			const total = socket.bytesWritten;
			const bytes = total - (written.get(socket) ?? 0);
			written.set(socket, total);
			sent += bytes;
			byPath.set(path, (byPath.get(path) ?? 0) + bytes);
		});
		const respond = () => compress(req, res, () => handle(req, res));
		if (delayMs) setTimeout(respond, delayMs);
		else respond();
	});
	return new Promise((resolve) =>
		server.listen(port, '127.0.0.1', () => {
			const origin = `http://127.0.0.1:${server.address().port}`;
			resolve({
				origin,
				url: `${origin}${root}`,
				/** Bytes written to the network since the server started. */
				bytesSent: () => sent,
				/** The same, by URL path (with the base path). */
				bytesByPath: () => Object.fromEntries(byPath),
				/** Requests received, by URL path (with the base path). */
				requestsByPath: () => Object.fromEntries(requests),
				close: () => new Promise((done) => server.close(done)),
			});
		}),
	);
}

/** Serves `outDir` on `port` from a child process (BASE_PATH as for the build); resolves with it once it answers. */
export async function serveApart(outDir, port) {
	const child = spawn(process.execPath, [fileURLToPath(import.meta.url), String(port)], {
		stdio: 'ignore',
		env: { ...process.env, OUT_DIR: outDir },
	});
	const url = `http://127.0.0.1:${port}${basePath(process.env.BASE_PATH)}`;
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return child;
		} catch {}
		await sleep(100);
	}
	child.kill();
	throw new Error(`server at ${url} did not start`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const port = Number(process.argv[2] ?? process.env.PORT ?? 4322);
	const outDir = process.env.OUT_DIR ?? 'dist';
	const { url } = await serveSite({ port, outDir, base: process.env.BASE_PATH ?? '/' });
	console.log(`serving ${outDir}/ at ${url}`);
}
