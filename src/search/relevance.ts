/**
 * The search relevance benchmark's scoring, shared by `npm run bench:search` (scripts/bench-search.mjs)
 * and the floor test in `npm test` (tests/e2e/search-relevance.spec.ts). Queries and their acceptable
 * targets live in bench/search-queries.json; both runners type them into the real dialog on the
 * built site, so the code path measured is the reader's.
 */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../site/paths.ts';

interface BenchQuery {
	q: string;
	kind: string;
	/** `/page/#anchor`, `/page/` (the page top) or `/page/*` (anywhere on the page). */
	expect: string[];
}

interface QueryOutcome {
	q: string;
	kind: string;
	/** 1-based position of the first acceptable result; 0 when none is shown. */
	rank: number;
	results: string[];
	/** What the dialog says it searched for instead (a spelling correction), if anything. */
	correction: string;
}

/**
 * Query sets reported beside the benchmark, with no goal or floor (see each file's `about`): the
 * held-out set, never tuned on, and a harder development set of everyday paraphrases.
 */
export const EXTRA_QUERY_SETS = [
	{
		key: 'heldOut',
		file: 'bench/search-queries-heldout.json',
		title: 'Held-out search relevance',
		note: 'Held-out queries, never tuned on (no goal or floor: they show how search does on queries nobody has seen):',
	},
	{
		key: 'paraphrase',
		file: 'bench/search-queries-paraphrase.json',
		title: 'Paraphrase search relevance',
		note: 'Harder queries, mostly everyday paraphrases, used while improving search (no goal or floor):',
	},
	{
		key: 'blindA',
		file: 'bench/search-queries-blind-a.json',
		title: 'Blind set A search relevance (now a development set)',
		note: 'Written blind on 2026-12-03 from the article alone; its misses were read for the symmetric meaning index of 2026-12-06, so it is a development set now:',
	},
	{
		key: 'blindB',
		file: 'bench/search-queries-blind-b.json',
		title: 'Blind set B search relevance (now a development set)',
		note: 'A second set written blind on 2026-12-03; its misses were read for the symmetric meaning index of 2026-12-06, so it is a development set now:',
	},
	{
		key: 'blindC',
		file: 'bench/search-queries-blind-c.json',
		title: 'Blind set C search relevance (now a development set)',
		note: 'Written blind on 2026-12-04 by a third author; its misses were read for the symmetric meaning index of 2026-12-06, so it is a development set now:',
	},
	{
		key: 'blindD',
		file: 'bench/search-queries-blind-d.json',
		title: 'Blind set D search relevance',
		note: 'Written blind on 2026-12-06 from the article and the page map alone by a fourth author, frozen before the symmetric meaning index; measured only before and after it, never tuned on (reported by kind only):',
		blind: true,
	},
	{
		key: 'blindE',
		file: 'bench/search-queries-blind-e.json',
		title: 'Blind set E search relevance',
		note: 'Written blind on 2026-12-06 (afternoon) from the article and the page map alone by a fifth author, frozen before any later ranking change; measured before and after, never tuned on (reported by kind only):',
		blind: true,
	},
	{
		key: 'blindF',
		file: 'bench/search-queries-blind-f.json',
		title: 'Blind set F search relevance',
		note: 'Written blind on 2026-12-06 (evening) from the article and the page map alone by a sixth author, frozen before any later ranking change (reported by kind only):',
		blind: true,
	},
] as const;

export function loadQueries(file = 'bench/search-queries.json'): BenchQuery[] {
	const data = JSON.parse(readFileSync(fromRoot(file), 'utf8')) as { queries: BenchQuery[] };
	for (const [i, query] of data.queries.entries()) {
		if (!query.q || !Array.isArray(query.expect) || !query.expect.length)
			throw new Error(`${file}: query ${i + 1} needs "q" and a non-empty "expect" list`);
		for (const target of query.expect)
			if (!/^\/([a-z0-9-]+\/)?(#[a-z0-9-]+|\*)?$/.test(target))
				throw new Error(`${file}: query "${query.q}": target "${target}" is not /page/, /page/#anchor or /page/*`);
	}
	return data.queries;
}

/** Does a result (`/page/#anchor`, `/page/`) satisfy a target? */
function matches(target: string, result: string): boolean {
	const [page = '', hash = ''] = result.split(/(?=#)/);
	if (target.endsWith('*')) return page === target.slice(0, -1);
	return target === `${page}${hash}`;
}

export function summarize(outcomes: QueryOutcome[]) {
	const n = outcomes.length;
	const share = (f: (o: QueryOutcome) => boolean) => outcomes.filter(f).length / n;
	return {
		queries: n,
		top1: share((o) => o.rank === 1),
		top3: share((o) => o.rank >= 1 && o.rank <= 3),
		mrr: outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / n,
		zeroResults: outcomes.filter((o) => o.results.length === 0).length,
	};
}

type Page = import('playwright-core').Page;

/**
 * Types each query into the open search dialog and reads the result links in order. The dialog
 * marks its result list with the query it last rendered (`data-query`), which is what we wait on.
 */
export async function runQueries(page: Page, queries: BenchQuery[], base: string): Promise<QueryOutcome[]> {
	const outcomes: QueryOutcome[] = [];
	const input = page.locator('#search-input');
	for (const query of queries) {
		await input.fill(query.q);
		const list = page.locator(`[data-search-results][data-query="${cssString(query.q.trim())}"]`);
		await list.waitFor({ state: 'attached' });
		const { hrefs, correction } = await page.evaluate(() => ({
			hrefs: [...document.querySelectorAll<HTMLAnchorElement>('a.search-result')].map((a) => a.href),
			correction: document.querySelector('[data-search-correction]')?.getAttribute('data-search-correction') ?? '',
		}));
		const results = hrefs.map((h) => {
			const url = new URL(h);
			return `/${url.pathname.slice(base.length)}${url.hash}`;
		});
		const rank = results.findIndex((r) => query.expect.some((t) => matches(t, r))) + 1;
		outcomes.push({ q: query.q, kind: query.kind, rank, results, correction });
	}
	return outcomes;
}

const cssString = (s: string) => s.replace(/["\\]/g, '\\$&');

/** A Markdown report: totals, then one row per query. */
export function report(
	outcomes: QueryOutcome[],
	title = 'Search relevance',
	file = 'bench/search-queries.json',
	blind = false,
): string {
	const s = summarize(outcomes);
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	const kinds = [...new Set(outcomes.map((o) => o.kind))];
	return [
		`## ${title}`,
		'',
		`${s.queries} queries (${file}): top-1 ${pct(s.top1)}, top-3 ${pct(s.top3)}, MRR ${s.mrr.toFixed(3)}, zero-result queries ${s.zeroResults}.`,
		'',
		'| kind | queries | top-1 | top-3 | MRR | zero results |',
		'| --- | --- | --- | --- | --- | --- |',
		...kinds.map((k) => {
			const ks = summarize(outcomes.filter((o) => o.kind === k));
			return `| ${k} | ${ks.queries} | ${pct(ks.top1)} | ${pct(ks.top3)} | ${ks.mrr.toFixed(3)} | ${ks.zeroResults} |`;
		}),
		'',
		// A blind set's queries are not printed: reading its misses is how a set stops being blind.
		...(blind ? [] : ['| query | kind | rank | first result | shown for |', '| --- | --- | --- | --- | --- |']),
		...(blind ? [] : outcomes).map(
			(o) =>
				`| ${o.q.replace(/\|/g, '\\|')} | ${o.kind} | ${o.rank || '**miss**'} | ${o.results[0] ?? '(none)'} | ${o.correction} |`,
		),
		'',
	].join('\n');
}
