/**
 * Checks `<Term id="…">` and `<KeyFigure id="…" />` in MDX pages against content/glossary.yaml and
 * content/figures.yaml, so a typo fails the build naming the file and line.
 */
import type { PageSource } from '../article/coverage.ts';
import { dataFiles } from '../data/data.ts';

const REFERENCE = /<(Term|KeyFigure)\b[^>]*?\bid=(?:"([^"]*)"|\{\s*["']([^"']*)["']\s*\})/g;

export function checkReferences(pages: PageSource[], termIds: Set<string>, figureIds: Set<string>): string[] {
	const errors: string[] = [];
	for (const page of pages) {
		for (const match of page.source.matchAll(REFERENCE)) {
			const [, component, quoted, braced] = match;
			const id = quoted ?? braced ?? '';
			const known = component === 'Term' ? termIds : figureIds;
			if (known.has(id)) continue;
			const line = page.source.slice(0, match.index).split('\n').length;
			const where = dataFiles[component === 'Term' ? 'glossary' : 'figures'];
			errors.push(`${page.file}:${line}: <${component} id="${id}">: no such id in ${where}.`);
		}
	}
	return errors;
}
