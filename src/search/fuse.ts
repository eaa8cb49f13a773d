/**
 * One ranking of keyword and meaning evidence. Keyword evidence is what rankSections (rank.ts)
 * gives each section Pagefind found: how much of the query it covers and how well. Meaning is the
 * section's similarity to the whole query (meaning/meaning-client.ts), for every section of the
 * site. Both are scaled to 0-1. A section found by meaning alone can come before one that only
 * shares a common word; a section found by both gains from its meaning in proportion to what its
 * keywords leave (1 - keyword strength), so meaning lifts weak keyword matches and barely moves
 * strong ones. Each section is listed once.
 */
import type { MeaningScores } from './meaning/meaning-client.ts';
import { markWords, type RankedSection } from './rank.ts';

export interface FusedSection extends RankedSection {
	/** Found by meaning alone: none of the reader's words was matched in it. */
	byMeaning: boolean;
}

/**
 * How much meaning counts: for a section found by meaning alone, against keywords; for one the
 * keywords found, of what they leave.
 */
const MEANING_WEIGHT = 0.5;
/** Sections found by meaning alone that are listed, closest first. */
const MEANING_ONLY = 8;

/** A section's address without its query: Pagefind's carry `?highlight=…`, the meaning index's do not. */
const sectionKey = (url: string) => url.replace(/\?[^#]*/, '');

/**
 * `root`: the site's base path without its trailing slash, which Pagefind's addresses carry and the
 * meaning index's do not.
 */
export function fuseRankings(
	keyword: RankedSection[],
	meaning: MeaningScores | undefined,
	terms: string[],
	root = '',
): FusedSection[] {
	const kwBest = Math.max(0, ...keyword.map((s) => s.score));
	const fused = new Map<string, FusedSection & { fused: number }>();
	keyword.forEach((s) => {
		const strength = s.covered * (kwBest > 0 ? Math.sqrt(Math.sqrt(s.score / kwBest)) : 0);
		fused.set(sectionKey(s.url), { ...s, byMeaning: false, fused: strength });
	});
	if (meaning) {
		const sims = [...meaning.similarity];
		const best = Math.max(...sims);
		const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
		const scaled = (sim: number) => (best > mean ? Math.max(0, (sim - mean) / (best - mean)) : 0);
		const weighted = sims.map((sim, i) => meaning.sections[i]!.weight * scaled(sim));
		const order = sims.map((_, i) => i).sort((a, b) => weighted[b]! - weighted[a]!);
		let added = 0;
		for (const i of order) {
			const section = meaning.sections[i]!;
			const url = `${root}${section.url}`;
			const seen = fused.get(sectionKey(url));
			if (seen) {
				seen.fused += MEANING_WEIGHT * weighted[i]! * (1 - seen.fused);
				continue;
			}
			if (added >= MEANING_ONLY) continue;
			added++;
			const excerpt = markWords(section.excerpt, terms);
			fused.set(sectionKey(url), {
				pageTitle: section.page,
				title: section.title,
				url,
				excerpt,
				covered: 0,
				score: 0,
				// Keyword ranking reads only the best pages, so a section of another page may still
				// have the reader's words: then it is not "in other words".
				byMeaning: !excerpt.includes('<mark>'),
				fused: MEANING_WEIGHT * weighted[i]!,
			});
		}
	}
	return [...fused.values()].sort((a, b) => b.fused - a.fused).map(({ fused: _, ...section }) => section);
}
