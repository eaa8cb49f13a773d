import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes a file so that readers see the old content or the new, never half of it: an interrupted
 * build cannot leave a truncated cache entry behind. The temporary name is unique to the process and
 * the call, since builds of project copies share caches and a build renders pages concurrently.
 */
export function writeAtomic(path: string, data: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	try {
		writeFileSync(temp, data);
		renameSync(temp, path);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}
