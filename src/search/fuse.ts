/**
 * One ranking of keyword and meaning evidence. Keyword evidence is what rankSections (rank.ts)
 * gives each section Pagefind found: how much of the query it covers and how well. Meaning is the
 * section's similarity to the whole query (meaning/meaning-client.ts), for every section of the
 * site. Each section's score adds the two, each scaled to the best of its kind, so a section that
 * has the reader's words and means what they mean comes first, and a section that only means it
 * can still come before one that only shares a common word.
 */
import type { MeaningScores } from './meaning/meaning-client.ts';
import { markWords, type RankedSection } from './rank.ts';

export interface FusedSection extends RankedSection {
	/** Found by meaning alone: none of the reader's words was matched in it. */
	byMeaning: boolean;
}

/** How much meaning counts against keywords (both scaled to 0-1). */
export const MEANING_WEIGHT = 0.35;
/** Sections found only by meaning that are considered. */
const MEANING_ONLY = 8;

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
		fused.set(s.url, { ...s, byMeaning: false, fused: strength });
	});
	if (meaning) {
		const sims = [...meaning.similarity];
		const best = Math.max(...sims);
		const mean = sims.reduce((a, b) => a + b, 0) / sims.length;
		const scaled = (sim: number) => (best > mean ? Math.max(0, (sim - mean) / (best - mean)) : 0);
		const weighted = sims.map((sim, i) => meaning.sections[i]!.weight * scaled(sim));
		const order = sims.map((_, i) => i).sort((a, b) => weighted[b]! - weighted[a]!);
		order.forEach((i, place) => {
			const section = meaning.sections[i]!;
			const url = `${root}${section.url}`;
			const seen = fused.get(url);
			if (seen) seen.fused += MEANING_WEIGHT * weighted[i]!;
			else if (place < MEANING_ONLY) {
				const excerpt = markWords(section.excerpt, terms);
				fused.set(url, {
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
		});
	}
	return [...fused.values()].sort((a, b) => b.fused - a.fused).map(({ fused: _, ...section }) => section);
}
