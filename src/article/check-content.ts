/**
 * Runs the coverage check on the real content folder. Used by the Astro integration (so `astro build`
 * and `astro dev` fail on a lost paragraph or a misquote) and by the /source/ page (to link back).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadArticle } from './article.ts';
import { projectRoot } from './paths.ts';
import { checkCoverage, type CoverageResult, type PageSource } from './coverage.ts';

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

export function runContentCheck(docsDir?: string): CoverageResult {
	const result = checkCoverage(readPages(docsDir), loadArticle().paragraphs);
	if (result.errors.length) throw new ContentCheckError(result.errors);
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
