/**
 * Runs the coverage check on the real content folder. Used by the Astro integration (so `astro build`
 * and `astro dev` fail on a lost paragraph or a misquote) and by the /source/ page (to link back).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadArticle } from './article.ts';
import { projectRoot } from './paths.ts';
import { checkCoverage, type CoverageResult, type PageSource } from './coverage.ts';
import { loadFigures } from '../figures/figures.ts';
import { loadGlossary } from '../glossary/glossary.ts';
import { checkReferences } from '../reading/check-references.ts';

export { projectRoot };

export function readPages(docsDir = join(projectRoot, 'content/docs')): PageSource[] {
	const files = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.mdx?$/.test(f) && !f.split('/').some((part) => part.startsWith('_')))
		.sort();
	return files.map((f) => {
		const path = join(docsDir, f);
		return { file: relative(projectRoot, path), source: readFileSync(path, 'utf8') };
	});
}

export class ContentCheckError extends Error {
	constructor(errors: string[]) {
		super(
			`Content check failed (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n  - ${errors.join('\n  - ')}`,
		);
		this.name = 'ContentCheckError';
	}
}

let cached: CoverageResult | undefined;

/** The whole content check; cached for the real content folder (pages call it while rendering). */
export function runContentCheck(docsDir?: string): CoverageResult {
	if (!docsDir && cached) return cached;
	const pages = readPages(docsDir);
	const result = checkCoverage(pages, loadArticle().paragraphs);
	const termIds = new Set(loadGlossary().map((t) => t.id));
	const figureIds = new Set(loadFigures().map((f) => f.id));
	result.errors.push(...checkReferences(pages, termIds, figureIds));
	if (result.errors.length) throw new ContentCheckError(result.errors);
	if (!docsDir) cached = result;
	return result;
}

/** Maps a content file to its public URL path (`content/docs/aws.mdx` -> `/aws/`). */
export function fileToPath(file: string): string {
	const slug = file
		.replace(/^content\/docs\//, '')
		.replace(/\.mdx?$/, '')
		.replace(/(^|\/)index$/, '');
	return slug ? `/${slug}/` : '/';
}
