/** The garbled words in the article and the reading chosen for each (content/source/corrections.yaml). */
import { readFileSync } from 'node:fs';
import { fromRoot } from '../site/paths.ts';
import { z } from 'astro/zod';
import { loadArticle } from './article.ts';
import { parseYamlList } from './yaml-data.ts';

const correctionSchema = z.object({
	paragraph: z.number().int().min(1),
	original: z.string().min(1),
	/** The reading this site uses (and quotes in [brackets]); equal to `original` when it mends nothing. */
	reading: z.string().min(1),
	/** Why the site uses this reading, when others are as plausible. */
	why: z.string().min(1),
	/** Other readings as plausible as the one used: a reading is a guess, not the author's known intent. */
	alternatives: z.array(z.object({ reading: z.string().min(1), why: z.string().min(1) })).default([]),
});
export type Correction = z.infer<typeof correctionSchema>;

export const correctionsPath = fromRoot('content/source/corrections.yaml');

export function parseCorrections(text: string, file = 'content/source/corrections.yaml'): Correction[] {
	const corrections = parseYamlList(text, correctionSchema, file);
	const { paragraphs } = loadArticle();
	for (const c of corrections) {
		const paragraph = paragraphs[c.paragraph - 1];
		if (!paragraph?.text.includes(c.original)) {
			throw new Error(
				`${file}: "${c.original}" does not appear in paragraph p${c.paragraph} of the article; copy it exactly.`,
			);
		}
	}
	return corrections;
}

let cached: Correction[] | undefined;
export function loadCorrections(): Correction[] {
	cached ??= parseCorrections(readFileSync(correctionsPath, 'utf8'));
	return cached;
}

export const correctionsFor = (p: number) => loadCorrections().filter((c) => c.paragraph === p);
