#!/usr/bin/env node
/**
 * Bad input must fail loudly: for each case in tests/bad-input/<case>/ (edit.json breaks one thing
 * in a copy of the project; expected.txt is text the error must contain, e.g. the file name), build
 * the broken copy and check that the build fails with that message and leaves no dist/ behind.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve('.');
const casesDir = join(root, 'tests/bad-input');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

mkdirSync(join(root, '.cache', 'diagrams'), { recursive: true });
for (const name of readdirSync(casesDir).sort()) {
	if (only.length && !only.includes(name)) continue;
	// A copy of the project inside .cache/, so packages resolve from this project's node_modules
	// (Astro does not build through a symlinked node_modules). Rendered diagrams are shared.
	const dir = join(root, '.cache', 'bad-input', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	try {
		for (const entry of [
			'src',
			'public',
			'scripts',
			'content',
			'astro.config.mjs',
			'content.config.ts',
			'tsconfig.json',
			'package.json',
		]) {
			cpSync(join(root, entry), join(dir, entry), { recursive: true });
		}
		mkdirSync(join(dir, '.cache'));
		symlinkSync(join(root, '.cache', 'diagrams'), join(dir, '.cache', 'diagrams'));
		const { file, edits } = JSON.parse(readFileSync(join(casesDir, name, 'edit.json'), 'utf8'));
		let text = readFileSync(join(dir, file), 'utf8');
		for (const { pattern, replace } of edits) {
			const next = text.replace(new RegExp(pattern, 'g'), replace);
			if (next === text) throw new Error(`${name}: edit pattern ${pattern} did not match ${file}`);
			text = next;
		}
		writeFileSync(join(dir, file), text);
		const expected = readFileSync(join(casesDir, name, 'expected.txt'), 'utf8').trim();
		const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0' },
		});
		const output = `${build.stdout}\n${build.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
		const problems = [];
		if (build.status === 0) problems.push('the build succeeded');
		if (!output.includes(expected)) problems.push(`the output does not mention "${expected}"`);
		if (existsSync(join(dir, 'dist'))) problems.push('a dist/ folder was left behind');
		if (problems.length) {
			failed++;
			console.log(`✘ ${name}: ${problems.join('; ')}\n${output.slice(-3000)}`);
		} else {
			passed++;
			const message = output
				.split('\n')
				.find((l) => l.includes(expected))
				?.trim();
			console.log(`✓ ${name}: ${message?.slice(0, 160)}`);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
console.log(`bad input: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
