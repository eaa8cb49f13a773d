#!/usr/bin/env node
/**
 * Two clean builds (no caches) must produce byte-identical sites. Builds into .cache/repro-a and
 * .cache/repro-b and lists any file that differs. Clean: no build cache (.cache/build/, see
 * src/build/cache.ts) and no Astro cache. The search word table (node_modules/.cache/) stays: it
 * depends only on the installed packages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const clean = () => {
	for (const dir of ['.astro', 'node_modules/.astro', '.cache/build']) rmSync(dir, { recursive: true, force: true });
};
const build = (outDir) => {
	clean();
	const r = spawnSync(process.execPath, ['scripts/build.mjs'], {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, OUT_DIR: outDir },
	});
	if (r.status !== 0) process.exit(r.status ?? 1);
};
const files = (dir) =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => !f.endsWith('/'))
		.sort();

const [a, b] = ['.cache/repro-a', '.cache/repro-b'];
build(a);
build(b);
const listA = files(a);
const listB = files(b);
const differ = [];
for (const f of new Set([...listA, ...listB])) {
	try {
		if (!readFileSync(join(a, f)).equals(readFileSync(join(b, f)))) differ.push(f);
	} catch (error) {
		if (error.code === 'EISDIR') continue;
		differ.push(`${f} (only in one build)`);
	}
}
rmSync(a, { recursive: true, force: true });
rmSync(b, { recursive: true, force: true });
if (differ.length) {
	console.error(
		`reproducible: ${differ.length} file(s) differ between two clean builds:\n  - ${differ.join('\n  - ')}`,
	);
	process.exit(1);
}
console.log(`reproducible: two clean builds are byte-identical (${listB.length} files)`);
