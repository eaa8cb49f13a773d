/** The garbled words in the article and the reading chosen for each (content/source/corrections.yaml). */
import { readFileSync } from 'node:fs';
import { fromRoot } from './paths.ts';
import { load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { loadArticle } from './article.ts';

const correctionSchema = z.object({
	paragraph: z.number().int().min(1),
	original: z.string().min(1),
	reading: z.string().min(1),
	why: z.string().min(1),
});
export type Correction = z.infer<typeof correctionSchema>;

export const correctionsPath = fromRoot('content/source/corrections.yaml');

export function parseCorrections(text: string, file = 'content/source/corrections.yaml'): Correction[] {
	const parsed = z.array(correctionSchema).safeParse(loadYaml(text));
	if (!parsed.success) {
		throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
	}
	const { paragraphs } = loadArticle();
	for (const c of parsed.data) {
		const paragraph = paragraphs[c.paragraph - 1];
		if (!paragraph?.text.includes(c.original)) {
			throw new Error(
				`${file}: "${c.original}" does not appear in paragraph p${c.paragraph} of the article; copy it exactly.`,
			);
		}
	}
	return parsed.data;
}

let cached: Correction[] | undefined;
export function loadCorrections(): Correction[] {
	cached ??= parseCorrections(readFileSync(correctionsPath, 'utf8'));
	return cached;
}

export const correctionsFor = (p: number) => loadCorrections().filter((c) => c.paragraph === p);
