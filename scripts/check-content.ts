/** `npm run check:content`: the content check (article coverage and quotes, every data file), without a full build. */
import { runContentCheck } from '../src/article/check-content.ts';
import { readData } from '../src/data/data.ts';

try {
	const { reports } = runContentCheck();
	const quotes = reports.reduce((sum, r) => sum + r.quotes.length, 0);
	const count = (kind: 'glossary' | 'figures' | 'revisions') => readData(kind).length;
	console.log(
		`content check: ${reports.length} pages, ${quotes} quotes, all paragraphs covered; ${count('glossary')} glossary terms, ${count('figures')} figures, ${count('revisions')} revisions`,
	);
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
