/**
 * Results of the passes that run over the built site (checks, font
 * analysis), kept between builds so a rebuild whose pages did not change does not compute them
 * again. A result is stored under a hash of everything it was computed from: the inputs the pass
 * names (page HTML, settings) and the code that computes it (the pass's source files and the
 * lockfile, which pins every library it uses). Change either and the result is computed afresh.
 *
 * Entries carry the SHA-256 of their value and are checked when read: a damaged or truncated entry
 * is computed again (with one warning), never used. Entries are written atomically, so a build
 * that is interrupted leaves whole entries or none, and builds sharing .cache/ never see half of one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../article/paths.ts';
import { writeAtomic } from './write-atomic.ts';

interface Entry {
	key: string;
	sha256: string;
	value: unknown;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const fileHashes = new Map<string, string>();
/** The hash of a file's content (or of its absence), read once per process. */
function fileHash(path: string): string {
	let hash = fileHashes.get(path);
	if (hash === undefined) {
		hash = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'absent';
		fileHashes.set(path, hash);
	}
	return hash;
}

export class PassCache {
	readonly name: string;
	readonly dir: string;
	#code: string;
	#warned = false;
	stats = { hits: 0, misses: 0, damaged: 0 };

	/**
	 * `codeFiles`: the pass's source files, relative to the project root (those whose change could
	 * change its result; libraries are covered by the lockfile).
	 */
	constructor(name: string, codeFiles: string[], dir = fromRoot('.cache', 'passes', name)) {
		this.name = name;
		this.dir = dir;
		this.#code = [...codeFiles, 'package-lock.json'].map((f) => `${f}:${fileHash(fromRoot(f))}`).join('\n');
	}

	/** The key for these inputs; any string or byte change gives another key. */
	key(inputs: readonly (string | Uint8Array)[]): string {
		const hash = createHash('sha256').update(this.#code);
		for (const input of inputs) {
			// Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ.
			const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
			hash.update(`\n${bytes.length}\n`).update(bytes);
		}
		return hash.digest('hex').slice(0, 32);
	}

	#file = (key: string) => join(this.dir, `${key}.json`);

	/** The stored value for `key`, or undefined when there is none or it fails its checks. */
	get<T>(key: string): T | undefined {
		const file = this.#file(key);
		let text: string;
		try {
			text = readFileSync(file, 'utf8');
		} catch {
			return undefined;
		}
		let problem: string;
		try {
			const entry = JSON.parse(text) as Entry;
			if (entry?.key !== key) problem = 'it is for other inputs';
			else if (sha256(JSON.stringify(entry.value)) !== entry.sha256) problem = 'its value does not match its checksum';
			else return entry.value as T;
		} catch (error) {
			problem = `not valid JSON (${(error as Error).message.split('\n')[0]})`;
		}
		this.stats.damaged++;
		if (!this.#warned) {
			this.#warned = true;
			console.warn(`${this.name}: ignoring a damaged cache entry (${file}: ${problem}); computing it again.`);
		}
		rmSync(file, { force: true });
		return undefined;
	}

	set(key: string, value: unknown): void {
		const entry: Entry = { key, sha256: sha256(JSON.stringify(value)), value };
		writeAtomic(this.#file(key), JSON.stringify(entry));
	}

	/** The result for `inputs`: stored, or computed now and stored. `compute` may throw (nothing is stored). */
	async memo<T>(inputs: readonly (string | Uint8Array)[], compute: () => T | Promise<T>): Promise<T> {
		const key = this.key(inputs);
		const stored = this.#hit<T>(key);
		if (stored !== undefined) return stored;
		return this.#store(key, await compute());
	}

	/** `memo` for a synchronous computation (e.g. inside a component as a page renders). */
	memoSync<T>(inputs: readonly (string | Uint8Array)[], compute: () => T): T {
		const key = this.key(inputs);
		const stored = this.#hit<T>(key);
		if (stored !== undefined) return stored;
		return this.#store(key, compute());
	}

	#hit<T>(key: string): T | undefined {
		const stored = this.get<T>(key);
		if (stored !== undefined) this.stats.hits++;
		return stored;
	}

	#store<T>(key: string, value: T): T {
		this.stats.misses++;
		this.set(key, value);
		return value;
	}
}
