#!/usr/bin/env node
/**
 * Bad input must fail loudly: for each case in tests/bad-input/<case>/ (edit.json breaks one thing
 * in a copy of the project; expected.txt is text the error must contain, e.g. the file name), build
 * the broken copy and check that the build fails with that message and leaves the previous dist/
 * exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { previousGoodSite, projectCopy, root, snapshot } from './project-copy.mjs';

const casesDir = join(root, 'tests/bad-input');
const only = process.argv.slice(2);
let passed = 0;
let failed = 0;

for (const name of readdirSync(casesDir).sort()) {
	if (only.length && !only.includes(name)) continue;
	const copy = projectCopy(join('bad-input', name));
	const dir = copy.dir;
	try {
		// edit.json: { file, edits: [{ pattern, replace }] } changes one file, create: { path: text } adds
		// files, env sets variables.
		const {
			file,
			edits = [],
			create = {},
			env = {},
		} = JSON.parse(readFileSync(join(casesDir, name, 'edit.json'), 'utf8'));
		for (const [path, text] of Object.entries(create)) {
			mkdirSync(dirname(join(dir, path)), { recursive: true });
			writeFileSync(join(dir, path), text);
		}
		if (file) {
			let text = readFileSync(join(dir, file), 'utf8');
			for (const { pattern, replace } of edits) {
				const next = text.replace(new RegExp(pattern, 'g'), replace);
				if (next === text) throw new Error(`${name}: edit pattern ${pattern} did not match ${file}`);
				text = next;
			}
			writeFileSync(join(dir, file), text);
		}
		const before = previousGoodSite(join(dir, 'dist'));
		const expected = readFileSync(join(casesDir, name, 'expected.txt'), 'utf8').trim();
		const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0', ...env },
		});
		const output = `${build.stdout}\n${build.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
		const problems = [];
		if (build.status === 0) problems.push('the build succeeded');
		if (!output.includes(expected)) problems.push(`the output does not mention "${expected}"`);
		if (!isDeepStrictEqual(snapshot(join(dir, 'dist')), before)) problems.push('the previous dist/ was changed');
		if (existsSync(join(dir, 'dist.staging'))) problems.push('a dist.staging/ folder was left behind');
		if (problems.length) {
			failed++;
			console.log(`✘ ${name}: ${problems.join('; ')}\n${output.slice(-3000)}`);
		} else {
			passed++;
			const message = output
				.split('\n')
				.find((l) => l.includes(expected.split('\n')[0]))
				?.trim();
			console.log(`✓ ${name}: ${message?.slice(0, 160)}`);
		}
	} finally {
		copy.remove();
	}
}
console.log(`bad input: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
