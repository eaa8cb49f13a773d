#!/usr/bin/env node
/**
 * `npm run build`: checks SITE_URL/BASE_PATH and runs `astro build` into a staging folder beside
 * dist/. The diagram browser is found (or installed) when a diagram is first drawn
 * (src/build/browser.ts): a rebuild whose diagrams are all cached needs none. Only when the build
 * and every check in it have passed is the staging folder swapped in for dist/. A failed or
 * interrupted build (Ctrl-C, SIGTERM) leaves the previous dist/ exactly as it was, removes the
 * staging folder and stops every process it started, the diagram browser included.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { descendants, signalTree } from './processes.mjs';
import { siteEnv } from '../src/config/site-env.ts';

const started = Date.now();
try {
	siteEnv();
} catch (error) {
	console.error(error.message);
	process.exit(1);
}

const outDir = resolve(process.env.OUT_DIR ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
// Leftovers of a build that was killed outright (SIGKILL, power loss): never part of a site.
rmSync(staging, { recursive: true, force: true });
rmSync(previous, { recursive: true, force: true });

// Resolved like any import, so a project copy nested inside this one (bad-input tests) finds it too.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
// Its own process group, so one signal reaches Astro and everything it spawns.
const astro = spawn(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: { ...process.env, OUT_DIR: staging },
	detached: true,
});

let interrupted;
const stop = (signal) => {
	if (interrupted) return;
	interrupted = signal;
	console.error(`\nbuild: ${signal} received, stopping the build (dist/ is left as it was)…`);
	// The diagram browser runs in a process group of its own (Playwright launches it detached):
	// signal every group in the tree, not only Astro's.
	const groups = new Set([astro.pid, ...descendants(astro.pid)]);
	for (const pid of groups) signalTree(pid, signal);
	// A process that ignores the signal does not get to keep the build alive.
	setTimeout(() => groups.forEach((pid) => signalTree(pid, 'SIGKILL')), 10_000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

const status = await new Promise((done) => astro.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));

if (interrupted || status !== 0) {
	rmSync(staging, { recursive: true, force: true });
	const kept = existsSync(outDir) ? 'the previous dist/ was left exactly as it was' : 'no dist/ was written';
	if (interrupted) {
		console.error(`build: interrupted; ${kept}.`);
		process.exit(interrupted === 'SIGINT' ? 130 : interrupted === 'SIGHUP' ? 129 : 143);
	}
	console.error(`\nBuild failed: ${kept}, so nothing half-built can be served. The error above names the file to fix.`);
	process.exit(status);
}

// Every check has passed: swap the new site in. Two renames on one file system; the old site is
// only deleted once the new one is in place.
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
