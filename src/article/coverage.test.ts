import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle, parseArticle } from './article.ts';
import { checkCoverage } from './coverage.ts';
import { readData } from '../data/data.ts';
import { runContentCheck } from './check-content.ts';
import { quoteMatches } from './quotes.ts';

const fixturesDir = join(import.meta.dirname, 'fixtures');

describe('article parsing', () => {
	it('finds the six headings and fourteen paragraphs', () => {
		const article = loadArticle();
		expect(article.paragraphs).toHaveLength(14);
		expect(new Set(article.paragraphs.map((p) => p.heading).filter(Boolean)).size).toBe(6);
		expect(article.paragraphs[2]!.heading).toBe('The Role of AWS in Amazon’s AI Vision');
		expect(article.paragraphs[0]!.heading).toBeNull();
	});

	it('numbers paragraphs skipping headings', () => {
		const { paragraphs } = parseArticle('First paragraph.\nA Heading\nSecond paragraph.\n');
		expect(paragraphs.map((p) => [p.id, p.line])).toEqual([
			['p1', 1],
			['p2', 3],
		]);
	});
});

describe('quote matching', () => {
	const p3 = loadArticle().paragraphs[2]!.text;
	it('accepts an exact excerpt, ignoring line breaks', () => {
		expect(quoteMatches('AWS’s AI and machine learning services\n form the core', p3)).toBe(true);
	});
	it('rejects a changed word', () => {
		expect(quoteMatches('AWS’s AI and deep learning services form the core', p3)).toBe(false);
	});
	it('accepts a bracketed correction and an ellipsis', () => {
		expect(
			quoteMatches('[At the heart of Amazon’s investments lies] AWS, the world’s leading cloud platform', p3),
		).toBe(true);
		expect(quoteMatches('From intelligent chatbots … AWS enables companies', p3)).toBe(true);
	});
	it('rejects a quote that is only editorial marks', () => {
		expect(quoteMatches('[anything] …', p3)).toBe(false);
	});
	it('does not let a correction swallow a whole sentence', () => {
		expect(quoteMatches('At the heart [x] Rekognition for image and video analysis.', p3)).toBe(false);
	});
});

describe('coverage check fixtures', () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, () => {
			const docs = join(fixturesDir, name, 'docs');
			const pages = readdirSync(docs).map((f) => ({ file: `docs/${f}`, source: readFileSync(join(docs, f), 'utf8') }));
			const expected = readFileSync(join(fixturesDir, name, 'expected.txt'), 'utf8').trim();
			const { errors } = checkCoverage(pages, loadArticle().paragraphs);
			if (expected === 'ok') expect(errors).toEqual([]);
			else {
				expect(errors).toHaveLength(1);
				expect(errors[0]).toContain(expected);
			}
		});
	}
});

describe('the real content', () => {
	it('passes the coverage check and links every paragraph to an explainer', () => {
		const { coveredBy } = runContentCheck();
		expect([...coveredBy.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
	});
	it('lists corrections that exist verbatim in the article', () => {
		expect(readData('corrections').length).toBeGreaterThanOrEqual(5);
	});
});
