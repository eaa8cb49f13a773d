#!/usr/bin/env node
/**
 * An interrupted build must leave the previous site exactly as it was and stop everything it
 * started. In a copy of the project with no rendered diagrams (so the build starts its browser),
 * start `npm run build`, wait until the browser is running, then interrupt it: once with SIGTERM
 * to the build, once with SIGINT to its whole process group (what Ctrl-C in a terminal does).
 * Then dist/ must be byte-identical, no staging folder left, and no process of the build alive; the
 * build cache (.cache/build/, src/build/cache.ts) must hold only whole entries, those from before unchanged.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { descendantCommands } from './processes.mjs';
import { previousGoodSite, projectCopy, snapshot, until } from './project-copy.mjs';

const readSafe = (file) => {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return '';
	}
};
/** Alive and not a zombie waiting to be reaped. */
const alive = (pid) => {
	const stat = readSafe(`/proc/${pid}/stat`);
	return stat !== '' && stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
};

/** Build-cache entries under `dirs` whose checksum does not match their value (cut short by the interrupt). */
function partialEntries(dirs) {
	const partial = [];
	for (const dir of dirs) {
		for (const file of Object.keys(snapshot(dir))) {
			if (!file.endsWith('.entry')) continue;
			const bytes = readFileSync(join(dir, file));
			const newline = bytes.indexOf(10);
			const sum = bytes.subarray(0, newline).toString('latin1').split(' ')[1];
			if (
				newline < 0 ||
				createHash('sha256')
					.update(bytes.subarray(newline + 1))
					.digest('hex') !== sum
			)
				partial.push(join(dir, file));
		}
	}
	return partial;
}

if (!existsSync('/proc')) {
	console.log('interrupted build: skipped (needs Linux /proc to see the build’s processes)');
	process.exit(0);
}

let failed = 0;
for (const { name, signal, group, exitCode } of [
	{ name: 'SIGTERM to the build', signal: 'SIGTERM', group: false, exitCode: 143 },
	{ name: 'Ctrl-C (SIGINT to the process group)', signal: 'SIGINT', group: true, exitCode: 130 },
]) {
	const copy = projectCopy('interrupted-build', { shareDiagramCache: false });
	try {
		const dist = join(copy.dir, 'dist');
		const before = previousGoodSite(dist);
		const cache = join(copy.dir, '.cache', 'build');
		// The preview images are shared with this project (a link): what was there must stay.
		const sharedBefore = snapshot(join(cache, 'og'));
		let output = '';
		const build = spawn(process.execPath, ['scripts/build.mjs'], {
			cwd: copy.dir,
			env: { ...process.env, FORCE_COLOR: '0' },
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: group, // its own group, standing in for the terminal's foreground group
		});
		build.stdout.on('data', (d) => (output += d));
		build.stderr.on('data', (d) => (output += d));
		const exited = new Promise((done) => build.on('exit', (code, sig) => done({ code, sig })));
		// Midway: Astro is building and the diagram browser is up (the browser's own helper processes
		// included, so the whole tree is there to be stopped). Playwright launches it with a debugging
		// pipe, which tells it from the `chromium --version` probe the build script runs first.
		await until(
			'the diagram browser to start',
			() => {
				const chromium = descendantCommands(build.pid).filter((p) => /chrom/i.test(p.cmd));
				return chromium.length >= 3 && chromium.some((p) => p.cmd.includes('--remote-debugging-pipe'));
			},
			180,
		);
		const started = descendantCommands(build.pid);
		if (group) process.kill(-build.pid, signal);
		else build.kill(signal);
		const { code } = await exited;
		await until('every process of the build to end', () => started.every((p) => !alive(p.pid)), 30).catch(() => {});
		const problems = [];
		if (code !== exitCode) problems.push(`exit code ${code}, expected ${exitCode}`);
		if (!isDeepStrictEqual(snapshot(dist), before)) problems.push('dist/ changed');
		if (existsSync(`${dist}.staging`)) problems.push('dist.staging/ was left behind');
		const partial = partialEntries([cache, join(cache, 'og')]);
		if (partial.length) problems.push(`partial cache entries: ${partial.join(', ')}`);
		const sharedAfter = snapshot(join(cache, 'og'));
		if (Object.entries(sharedBefore).some(([file, hash]) => sharedAfter[file] !== hash))
			problems.push('a cached preview image changed');
		const survivors = started.filter((p) => alive(p.pid));
		if (survivors.length)
			problems.push(`still running: ${survivors.map((p) => `${p.pid} ${p.cmd.slice(0, 80)}`).join('; ')}`);
		if (problems.length) {
			failed++;
			console.log(`✘ ${name}: ${problems.join('; ')}\n${output.slice(-2000)}`);
		} else {
			console.log(
				`✓ ${name}: stopped ${started.length} processes (browser included), dist/ unchanged, no staging folder left, cache entries whole`,
			);
		}
	} finally {
		copy.remove();
	}
}
process.exit(failed ? 1 : 0);
