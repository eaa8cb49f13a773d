import { existsSync, readFileSync, statSync } from 'node:fs';

const parsed = new Map<string, { mtimeMs: number; value: unknown }>();

/**
 * A file's text through `parse`, parsed again only when the file has changed: in `npm run dev` an
 * author may just have edited it, and the next page load must see the edit without a restart.
 * `fallback` is used while the file does not exist.
 */
export function parsedFile<T>(path: string, parse: (text: string) => T, fallback?: () => T): T {
	if (fallback && !existsSync(path)) return fallback();
	const { mtimeMs } = statSync(path);
	let entry = parsed.get(path);
	if (entry?.mtimeMs !== mtimeMs) parsed.set(path, (entry = { mtimeMs, value: parse(readFileSync(path, 'utf8')) }));
	return entry.value as T;
}
