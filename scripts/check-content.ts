/** `npm run check:content`: the article coverage and quote check, without a full build. */
import { fileToPath, readPages, runContentCheck } from '../src/article/check-content.ts';
import { loadCorrections } from '../src/article/corrections.ts';
import { loadFigures } from '../src/figures/figures.ts';
import { loadGlossary } from '../src/glossary/glossary.ts';
import { loadRevisions } from '../src/revisions/revisions.ts';
import { checkRevisionPages } from '../src/revisions/targets.ts';

try {
	loadCorrections();
	const terms = loadGlossary().length;
	const figures = loadFigures().length;
	const { reports } = runContentCheck();
	const quotes = reports.reduce((sum, r) => sum + r.quotes.length, 0);
	const revisions = loadRevisions();
	const revisionErrors = checkRevisionPages(
		revisions,
		readPages().map((p) => fileToPath(p.file)),
	);
	if (revisionErrors.length) throw new Error(`Revisions point at nothing:\n  - ${revisionErrors.join('\n  - ')}`);
	console.log(
		`content check: ${reports.length} pages, ${quotes} quotes, all paragraphs covered; ${terms} glossary terms, ${figures} figures, ${revisions.length} revisions`,
	);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
