/** Processes of a build: the interrupted-build test and the build script both stop a whole tree. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Every process below `pid` (Linux /proc; elsewhere the process group has to do). */
export function descendants(pid) {
	if (!existsSync('/proc')) return [];
	const children = new Map();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ')'.
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {
			// the process ended while we looked
		}
	}
	const found = [];
	const walk = (p) => (children.get(p) ?? []).forEach((c) => (found.push(c), walk(c)));
	walk(pid);
	return found;
}

/** Sends `signal` to the process group `pid` leads, or to the process alone when it leads none. */
export function signalTree(pid, signal) {
	try {
		process.kill(-pid, signal);
	} catch {
		try {
			process.kill(pid, signal);
		} catch {
			// already gone
		}
	}
}

/** `descendants` with each process's command line ('' once it has ended). */
export function descendantCommands(pid) {
	return descendants(pid).map((p) => {
		let cmd = '';
		try {
			cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
		} catch {
			// ended while we looked
		}
		return { pid: p, cmd };
	});
}
