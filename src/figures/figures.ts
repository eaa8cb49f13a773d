/** Every figure the article states, written once in content/figures.yaml and shown on /figures/. */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { loadArticle } from '../article/article.ts';
import { fromRoot } from '../site/paths.ts';
import { quoteMatches } from '../article/quotes.ts';
import { parseYamlList } from '../article/yaml-data.ts';

const figureSchema = z.object({
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens'),
	/** The figure as the article writes it, e.g. "$200 billion". */
	value: z.string().min(1),
	/** What the number is, in a few words. */
	label: z.string().min(3),
	paragraph: z.number().int().min(1).max(14),
	/** The article's words around the figure, exact (checked against the paragraph). */
	quote: z.string().min(10),
	/** What the figure measures, as far as the article says. */
	covers: z.string().min(10),
	/** What the figure does not tell a reader: limits, missing definitions, unknowns. */
	doesNotCover: z.string().min(10),
});
export type ArticleFigure = z.infer<typeof figureSchema>;

export const figuresFile = 'content/figures.yaml';

export function parseFigures(text: string, file = figuresFile): ArticleFigure[] {
	const figures = parseYamlList(text, figureSchema, file);
	const { paragraphs } = loadArticle();
	for (const figure of figures) {
		if (!quoteMatches(figure.quote, paragraphs[figure.paragraph - 1]!.text)) {
			throw new Error(
				`${file}: figure "${figure.id}": quote does not match paragraph p${figure.paragraph}: "${figure.quote}".`,
			);
		}
		if (!figure.quote.includes(figure.value.replace(/^about |^over |^approximately /, ''))) {
			throw new Error(`${file}: figure "${figure.id}": its quote does not contain the value "${figure.value}".`);
		}
	}
	return figures;
}

let cached: ArticleFigure[] | undefined;
export function loadFigures(): ArticleFigure[] {
	cached ??= parseFigures(readFileSync(fromRoot(figuresFile), 'utf8'));
	return cached;
}
