import { describe, expect, it } from 'vitest';
import { sourceHeadings } from './headings.ts';

describe('a heading’s lead (the preview text of its section)', () => {
	it('keeps the words of glossary terms, at the start of a sentence or inside it', () => {
		const body = [
			'## Money',
			'',
			'<KeyFigure id="ai-investment-2026" />',
			'',
			'<Term id="ai">Artificial intelligence</Term> (AI) means systems that learn; see [the figures](/figures/).',
			'',
			'## Places',
			'',
			'Hubs are places where <Term id="ai-startups">AI startups</Term> grow.',
		].join('\n');
		expect(sourceHeadings(body).map((h) => h.lead)).toEqual([
			'Artificial intelligence (AI) means systems that learn; see the figures.',
			'Hubs are places where AI startups grow.',
		]);
	});
	it('skips what is not prose: quotes, figures, lists', () => {
		const body = '## A\n\n<Quote p={3}>exact words</Quote>\n\n- a list\n\nThe prose.\n';
		expect(sourceHeadings(body)[0]!.lead).toBe('The prose.');
	});
});
