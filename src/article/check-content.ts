/**
 * Runs the content check on the real content folder: article coverage and quotes, every data file
 * (src/data/data.ts), term and figure ids in pages and the pages revisions name. Used by the Astro
 * integration (so `astro build` and `astro dev` fail on a lost paragraph, a misquote or bad data) and by
 * the /source/ page (to link back); its list of pages also gives the Markdown twins their sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadArticle } from './article.ts';
import { projectRoot } from '../site/paths.ts';
import { pagePath } from '../site/links.ts';
import { checkCoverage, type CoverageResult, type PageSource } from './coverage.ts';
import { readData, type DataKind } from '../data/data.ts';
import { checkRevisionPages } from '../revisions/targets.ts';
import { checkReferences } from '../reading/check-references.ts';

export function readPages(): PageSource[] {
	const docsDir = join(projectRoot, 'content/docs');
	const files = readdirSync(docsDir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.mdx?$/.test(f) && !f.split('/').some((part) => part.startsWith('_')))
		.sort();
	return files.map((f) => {
		const path = join(docsDir, f);
		return { file: relative(projectRoot, path), source: readFileSync(path, 'utf8') };
	});
}

class ContentCheckError extends Error {
	constructor(errors: string[]) {
		super(
			`Content check failed (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n  - ${errors.join('\n  - ')}`,
		);
		this.name = 'ContentCheckError';
	}
}

function check(): CoverageResult {
	const pages = readPages();
	const result = checkCoverage(pages, loadArticle().paragraphs);
	// Every data file, read fresh each time (in `npm run dev` one may have just been edited): a file
	// that does not parse or fit its schema fails here, naming the file and entry, before any page.
	const read = <K extends DataKind>(kind: K) => {
		try {
			return readData(kind);
		} catch (error) {
			result.errors.push(...(error as Error).message.split('\n'));
		}
	};
	const [terms, figures, revisions] = [read('glossary'), read('figures'), read('revisions')];
	for (const kind of ['topics', 'synonyms', 'corrections'] as const) read(kind);
	const ids = (entries: { id: string }[]) => new Set(entries.map((e) => e.id));
	if (terms && figures) result.errors.push(...checkReferences(pages, ids(terms), ids(figures)));
	// Only a revision's page can be checked before rendering; its section is checked on /changes/.
	const paths = pages.map((p) => fileToPath(p.file));
	if (revisions) result.errors.push(...checkRevisionPages(revisions, paths));
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
export function runContentCheck(): CoverageResult {
	const state = contentCheckState();
	if (!state.result && !state.error) recheckContent();
	if (state.error) throw state.error;
	return state.result!;
}

/** Maps a content file to its public URL path (`content/docs/aws.mdx` -> `/aws/`). */
export const fileToPath = (file: string) =>
	pagePath(file.replace(/^content\/docs\//, '').replace(/(\/index)?\.mdx?$/, ''));
