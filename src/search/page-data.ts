/**
 * Reading a result's page data from Pagefind safely. Pagefind's `data()` hands every caller the one
 * cached object it keeps per page and rewrites that object's locations, excerpt and sections for the
 * search it was called from. Two calls for the same page from different searches (the idle warm-up
 * and the reader's query, one search per word, two quick keystrokes) leave both callers holding
 * whichever was written last: a query then shows "9 pages found" and no result. So the calls for
 * one page are made one at a time, and each caller keeps its own copy.
 */
import type { PagefindResult } from './pagefind-start.ts';
import type { PageData } from './rank.ts';

const inFlight = new Map<string, Promise<unknown>>();

export function readPageData(result: Pick<PagefindResult, 'id' | 'data'>): Promise<PageData> {
	const previous = inFlight.get(result.id) ?? Promise.resolve();
	// The copy is taken in the same turn Pagefind's call resumes, before any other call for this page
	// can start; its properties are fresh arrays and strings each call, so a shallow copy is enough.
	const read = previous.then(async () => ({ ...(await result.data()) }));
	const done = read.then(
		() => undefined,
		() => undefined,
	);
	inFlight.set(result.id, done);
	void done.then(() => inFlight.get(result.id) === done && inFlight.delete(result.id));
	return read;
}
