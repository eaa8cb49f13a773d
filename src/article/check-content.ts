/**
 * Runs the coverage check on the real content folder. Used by the Astro integration (so `astro build`
 * and `astro dev` fail on a lost paragraph or a misquote) and by the /source/ page (to link back).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadArticle } from './article.ts';
import { fromRoot, projectRoot } from '../site/paths.ts';
import { checkCoverage, type CoverageResult, type PageSource } from './coverage.ts';
import { figuresFile, parseFigures } from '../figures/figures.ts';
import { glossaryFile, parseGlossary } from '../glossary/glossary.ts';
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

function check(docsDir?: string): CoverageResult {
	const pages = readPages(docsDir);
	const result = checkCoverage(pages, loadArticle().paragraphs);
	// Read fresh each time: in `npm run dev` the glossary and figures may have just been edited.
	const termIds = new Set(parseGlossary(readFileSync(fromRoot(glossaryFile), 'utf8')).map((t) => t.id));
	const figureIds = new Set(parseFigures(readFileSync(fromRoot(figuresFile), 'utf8')).map((f) => f.id));
	result.errors.push(...checkReferences(pages, termIds, figureIds));
	if (result.errors.length) throw new ContentCheckError(result.errors);
	return result;
}

/**
 * The last check of the real content folder, shared between the integration (which runs it at
 * start-up and, in dev, after every content change) and the pages that read it while rendering:
 * they are separate module instances in `astro dev`, so the state lives on globalThis.
 */
interface ContentCheckState {
	result?: CoverageResult;
	error?: ContentCheckError;
}
export function contentCheckState(): ContentCheckState {
	const key = Symbol.for('explainer.content-check');
	const global = globalThis as unknown as Record<symbol, ContentCheckState>;
	return (global[key] ??= {});
}

/** Runs the check again (after a content change); returns the problems, or undefined when it passes. */
export function recheckContent(): ContentCheckError | undefined {
	const state = contentCheckState();
	state.result = undefined;
	state.error = undefined;
	try {
		state.result = check();
	} catch (error) {
		// A YAML file that does not parse is a content problem too (its message names the file).
		state.error = error instanceof ContentCheckError ? error : new ContentCheckError([(error as Error).message]);
	}
	return state.error;
}

/** The whole content check; the real content folder's result is kept until the content changes. */
export function runContentCheck(docsDir?: string): CoverageResult {
	if (docsDir) return check(docsDir);
	const state = contentCheckState();
	if (!state.result && !state.error) recheckContent();
	if (state.error) throw state.error;
	return state.result!;
}

/** Maps a content file to its public URL path (`content/docs/aws.mdx` -> `/aws/`). */
export function fileToPath(file: string): string {
	const slug = file
		.replace(/^content\/docs\//, '')
		.replace(/\.mdx?$/, '')
		.replace(/(^|\/)index$/, '');
	return slug ? `/${slug}/` : '/';
}
