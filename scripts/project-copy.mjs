/**
 * A throwaway copy of the project inside .cache/, for tests that break or interrupt a build
 * (bad input, interrupted builds, the dev server). Packages resolve from this project's
 * node_modules (Astro does not build through a symlinked node_modules).
 */
import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const root = resolve('.');
const ENTRIES = [
	'src',
	'public',
	'scripts',
	'content',
	'astro.config.mjs',
	'content.config.ts',
	'tsconfig.json',
	'package.json',
	// Part of every build cache key (src/build/cache.ts): without it no shared entry would match.
	'package-lock.json',
];

/**
 * @param {string} name folder under .cache/ (removed first)
 * @param {{ shareDiagramCache?: boolean }} options rendered diagrams are shared unless a test needs the browser
 */
export function projectCopy(name, { shareDiagramCache = true } = {}) {
	const dir = join(root, '.cache', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, '.cache', 'build'), { recursive: true });
	for (const entry of ENTRIES) cpSync(join(root, entry), join(dir, entry), { recursive: true });
	// Rendered diagrams and preview images are shared (writes are atomic, reads checked), so a copy
	// only redraws what its edit changed: most of a build's time otherwise.
	const shared = shareDiagramCache ? ['diagrams', 'og'] : ['og'];
	for (const kind of shared) {
		mkdirSync(join(root, '.cache', 'build', kind), { recursive: true });
		symlinkSync(join(root, '.cache', 'build', kind), join(dir, '.cache', 'build', kind));
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A stand-in for a previous good site in `dist`: a failed build must leave it exactly as it was. Returns its snapshot. */
export function previousGoodSite(dist) {
	mkdirSync(join(dist, 'aws'), { recursive: true });
	writeFileSync(join(dist, 'index.html'), '<!doctype html><title>previous build</title>');
	writeFileSync(join(dist, 'aws', 'index.html'), '<!doctype html><title>previous aws</title>');
	return snapshot(dist);
}

/** Resolves once `test()` holds; fails, naming `what`, after `seconds`. */
export async function until(what, test, seconds = 90) {
	const deadline = Date.now() + seconds * 1000;
	while (!(await test())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
		await sleep(200);
	}
}

/** Path -> content hash of every file under `dir`, to compare a folder before and after. */
export function snapshot(dir) {
	if (!existsSync(dir)) return {};
	const files = {};
	for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
		const path = join(dir, file);
		if (statSync(path).isFile()) files[file] = createHash('sha256').update(readFileSync(path)).digest('hex');
	}
	return files;
}
