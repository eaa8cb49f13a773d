/** `npm run check:content`: the article coverage and quote check, without a full build. */
import { fileToPath, readPages, runContentCheck } from '../src/article/check-content.ts';
import { readData } from '../src/data/data.ts';
import { checkRevisionPages } from '../src/revisions/targets.ts';

try {
	// The content check reads and checks every data file under content/ too.
	const { reports } = runContentCheck();
	const quotes = reports.reduce((sum, r) => sum + r.quotes.length, 0);
	const revisions = readData('revisions');
	const revisionErrors = checkRevisionPages(
		revisions,
		readPages().map((p) => fileToPath(p.file)),
	);
	if (revisionErrors.length) throw new Error(`Revisions point at nothing:\n  - ${revisionErrors.join('\n  - ')}`);
	console.log(
		`content check: ${reports.length} pages, ${quotes} quotes, all paragraphs covered; ${readData('glossary').length} glossary terms, ${readData('figures').length} figures, ${revisions.length} revisions`,
	);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
