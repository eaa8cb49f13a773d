/**
 * The build's one cache: diagrams, preview images, diagram font subsets, the search meaning index
 * and the passes over the built site all keep their results here, in `.cache/build/<kind>/`.
 * "Clean build" means removing that one folder.
 *
 * An entry is stored under a hash of everything it was computed from: the kind, the inputs the
 * caller names, the step's own source files and the lockfile (which pins every library it uses).
 * Change any of them and the result is computed afresh; there are no version numbers to bump.
 *
 * An entry is a header line (its key and the SHA-256 of its value) followed by the value's bytes,
 * so binary values (PNG, WOFF2) are stored as they are. When read, the checksum is verified and
 * the value goes through the kind's own check (a whole PNG, a WOFF2 file, JSON of the right shape):
 * a damaged or truncated entry is computed again, with one warning per kind, never used. Entries
 * are written atomically, so a build that fails or is interrupted leaves whole entries or none,
 * and builds sharing a folder never see half of one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromRoot } from '../site/paths.ts';

/** The folder every build cache lives in. */
export const cacheRoot = () => fromRoot('.cache', 'build');

export interface CacheKind<T> {
	/** The kind: its folder under the cache root, and part of every key. */
	name: string;
	/** The step's source files, relative to the project root (libraries are covered by the lockfile). */
	code: readonly string[];
	/** Why a value must not be used (or stored), or undefined. Runs on every entry read. */
	check?: (value: T) => string | undefined;
	/** Bytes to store; JSON by default. */
	encode?: (value: T) => string | Uint8Array;
	/** The value from stored bytes; JSON by default. May throw on a damaged entry. */
	decode?: (bytes: Buffer) => T;
	/** Where the kind's folder `<root>/<name>` is, when not in the build cache (tests, the word table). */
	root?: string;
}

/** Encoding for binary values (PNG, WOFF2): stored and returned as they are. */
export const binary = { encode: (value: Buffer) => value, decode: (bytes: Buffer) => bytes };

export type Inputs = readonly (string | Uint8Array)[];

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const fileHashes = new Map<string, string>();
/** The hash of a file's content (or of its absence), read once per process. */
function fileHash(path: string): string {
	let hash = fileHashes.get(path);
	if (hash === undefined) {
		hash = existsSync(path) ? sha256(readFileSync(path)) : 'absent';
		fileHashes.set(path, hash);
	}
	return hash;
}

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

export class Cache<T> {
	readonly name: string;
	readonly dir: string;
	stats = { hits: 0, misses: 0, damaged: 0 };
	#kind: CacheKind<T>;
	#code: string;
	#warned = false;
	/** Checksums of entries this process has already checked: a second read skips the kind's check. */
	#checked = new Map<string, string>();

	constructor(kind: CacheKind<T>) {
		this.#kind = kind;
		this.name = kind.name;
		this.dir = join(kind.root ?? cacheRoot(), kind.name);
		const code = [...kind.code, 'src/build/cache.ts', 'package-lock.json'];
		this.#code = [kind.name, ...code.map((f) => `${f}:${fileHash(fromRoot(f))}`)].join('\n');
	}

	/** The key for these inputs; any string or byte change gives another key. */
	key(inputs: Inputs): string {
		const hash = createHash('sha256').update(this.#code);
		for (const input of inputs) {
			// Length-prefixed, so ["ab", "c"] and ["a", "bc"] differ.
			const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
			hash.update(`\n${bytes.length}\n`).update(bytes);
		}
		return hash.digest('hex').slice(0, 32);
	}

	file = (key: string) => join(this.dir, `${key}.entry`);

	/** The stored value for `key`, or undefined when there is none or it fails its checks. */
	get(key: string): T | undefined {
		const file = this.file(key);
		let bytes: Buffer;
		try {
			bytes = readFileSync(file);
		} catch {
			return undefined;
		}
		let problem: string | undefined;
		const newline = bytes.indexOf(10);
		const [storedKey, sum] = bytes.subarray(0, Math.max(newline, 0)).toString('latin1').split(' ');
		const body = bytes.subarray(newline + 1);
		if (newline < 0 || storedKey !== key) problem = 'its header is not for this key';
		else if (sha256(body) !== sum) problem = 'its value does not match its checksum';
		else {
			try {
				const value = (this.#kind.decode ?? ((b: Buffer) => JSON.parse(b.toString('utf8')) as T))(body);
				problem = this.#checked.get(key) === sum ? undefined : this.#kind.check?.(value);
				if (!problem) {
					this.#checked.set(key, sum!);
					return value;
				}
			} catch (error) {
				problem = `it cannot be read (${(error as Error).message.split('\n')[0]})`;
			}
		}
		this.stats.damaged++;
		if (!this.#warned) {
			this.#warned = true;
			console.warn(
				`${this.name}: ignoring a damaged cache entry (${file}: ${problem}); computing it again. Other damaged entries of this kind are computed again without a further message.`,
			);
		}
		rmSync(file, { force: true });
		return undefined;
	}

	/** Stores `value`, which must pass the kind's check. */
	set(key: string, value: T): void {
		const problem = this.#kind.check?.(value);
		if (problem) throw new Error(`${this.name}: refusing to cache a value that fails its check (${problem})`);
		const encoded = (this.#kind.encode ?? JSON.stringify)(value);
		const body = typeof encoded === 'string' ? Buffer.from(encoded, 'utf8') : encoded;
		const sum = sha256(body);
		writeAtomic(this.file(key), Buffer.concat([Buffer.from(`${key} ${sum}\n`, 'latin1'), body]));
		this.#checked.set(key, sum);
	}

	/** The result for `inputs`: stored, or computed now and stored. `compute` may throw (nothing is stored). */
	async memo(inputs: Inputs, compute: () => T | Promise<T>): Promise<T> {
		const key = this.key(inputs);
		return this.#hit(key) ?? this.#store(key, await compute());
	}

	/** `memo` for a synchronous computation (e.g. inside a component as a page renders). */
	memoSync(inputs: Inputs, compute: () => T): T {
		const key = this.key(inputs);
		return this.#hit(key) ?? this.#store(key, compute());
	}

	#hit(key: string): T | undefined {
		const stored = this.get(key);
		if (stored !== undefined) this.stats.hits++;
		return stored;
	}

	#store(key: string, value: T): T {
		this.stats.misses++;
		this.set(key, value);
		return value;
	}
}
