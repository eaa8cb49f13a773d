/**
 * Serves Mermaid's page and its ES module files to the diagram browser over HTTP on 127.0.0.1,
 * from a worker thread. The build's own thread is busy (content sync, Vite) while diagrams are
 * drawn ahead of the pages that need them; files answered from that thread (page.route) waited
 * behind its work, a few hundred milliseconds a file, dozens of files. A worker answers at once.
 * Only the stage page and files inside Mermaid's `dist` folder are served.
 */
import { Worker } from 'node:worker_threads';

/** Runs in the worker (CommonJS, no TypeScript): a static server for one folder and one page. */
const SERVER = `
const { createServer } = require('node:http');
const { readFile } = require('node:fs/promises');
const { join, normalize, sep } = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { root, stage } = workerData;
const server = createServer(async (req, res) => {
	const path = decodeURIComponent(new URL(req.url, 'http://stage').pathname);
	if (path === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(stage);
	const file = join(root, normalize(path));
	if (req.method !== 'GET' || !file.startsWith(root + sep)) return res.writeHead(404).end();
	try {
		const body = await readFile(file);
		res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
	} catch {
		res.writeHead(404).end();
	}
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

export interface MermaidServer {
	origin: string;
	close(): Promise<void>;
}

/** Starts the server for `root` (Mermaid's dist folder), with `stage` as its page at `/`. */
export async function startMermaidServer(root: string, stage: string): Promise<MermaidServer> {
	const worker = new Worker(SERVER, { eval: true, workerData: { root, stage } });
	// Never what keeps a finished build's process alive.
	worker.unref();
	const port = await new Promise<number>((resolve, reject) => {
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the diagram file server stopped (exit code ${code})`)));
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		close: async () => void (await worker.terminate()),
	};
}
