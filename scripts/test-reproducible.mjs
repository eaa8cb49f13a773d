#!/usr/bin/env node
/**
 * Two clean builds (no caches) must produce byte-identical sites. Builds into .cache/repro-a and
 * .cache/repro-b and lists any file that differs. Clean: no build cache (.cache/build/, see
 * src/build/cache.ts) and no Astro cache. The search word table (node_modules/.cache/) stays: it
 * depends only on the installed packages.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { snapshot } from './project-copy.mjs';

const clean = () => {
	for (const dir of ['.astro', 'node_modules/.astro', '.cache/build']) rmSync(dir, { recursive: true, force: true });
};
/** A clean build into `outDir`; returns its snapshot and removes it. */
const build = (outDir) => {
	clean();
	const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, OUT_DIR: outDir },
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
	const files = snapshot(outDir);
	rmSync(outDir, { recursive: true, force: true });
	return files;
};

const a = build('.cache/repro-a');
const b = build('.cache/repro-b');
const differ = [];
for (const f of new Set([...Object.keys(a), ...Object.keys(b)])) {
	if (!(f in a && f in b)) differ.push(`${f} (only in one build)`);
	else if (a[f] !== b[f]) differ.push(f);
}
if (differ.length) {
	console.error(
		`reproducible: ${differ.length} file(s) differ between two clean builds:\n  - ${differ.join('\n  - ')}`,
	);
	process.exit(1);
}
console.log(`reproducible: two clean builds are byte-identical (${Object.keys(b).length} files)`);
