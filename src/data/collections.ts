/** Reading the data collections (content.config.ts) in pages and routes. */
import { getCollection } from 'astro:content';
import type { Data, DataKind } from './data.ts';

/** A data file's entries (those `keep` accepts), in the order the file lists them. */
export async function dataOf<K extends DataKind>(kind: K, keep: (entry: Data<K>) => boolean = () => true) {
	const entries = (await getCollection(kind)).map((e) => e.data as Data<K>);
	return entries.filter(keep).sort((a, b) => a.line - b.line);
}
