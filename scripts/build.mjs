#!/usr/bin/env node
/**
 * `npm run build`: finds (or installs) the browser the build needs, runs `astro build`, and removes
 * dist/ if the build fails part-way, so a half-built site can never be served or deployed.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ensureBrowser } from './find-browser.mjs';

const started = Date.now();
try {
	process.env.CHROME_PATH = ensureBrowser();
} catch (error) {
	console.error(error.message);
	process.exit(1);
}
// Resolved like any import, so a project copy nested inside this one (bad-input tests) finds it too.
const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const astro = spawnSync(process.execPath, [astroBin, 'build', ...process.argv.slice(2)], {
	stdio: 'inherit',
	env: process.env,
});
if (astro.status !== 0) {
	rmSync(process.env.OUT_DIR ?? 'dist', { recursive: true, force: true });
	console.error(
		'\nBuild failed: dist/ was removed so nothing half-built can be served. The error above names the file to fix.',
	);
	process.exit(astro.status ?? 1);
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
