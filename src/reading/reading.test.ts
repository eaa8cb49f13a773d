import { describe, expect, it } from 'vitest';
import { checkReferences } from './check-references.ts';
import { paragraphRange, readableWords, readingMinutes } from './reading-time.ts';

describe('term and figure references', () => {
	const terms = new Set(['edge-computing']);
	const figures = new Set(['ai-spend-2025']);
	it('accepts known ids', () => {
		const source = 'Text <Term id="edge-computing">edge</Term> and <KeyFigure id="ai-spend-2025" />.';
		expect(checkReferences([{ file: 'a.mdx', source }], terms, figures)).toEqual([]);
	});
	it('names file and line of an unknown id', () => {
		const source = '---\ntitle: x\n---\n\nSee <Term id="edge-computnig">edge</Term>.\n<KeyFigure id={"nope"} />';
		expect(checkReferences([{ file: 'content/docs/a.mdx', source }], terms, figures)).toEqual([
			'content/docs/a.mdx:5: <Term id="edge-computnig">: no such id in content/glossary.yaml.',
			'content/docs/a.mdx:6: <KeyFigure id="nope">: no such id in content/figures.yaml.',
		]);
	});
});

describe('reading time', () => {
	it('counts prose, not markup, imports or diagrams', () => {
		const body =
			"import X from 'y';\n\n## A heading\n\nOne two [three](/x/).\n\n```mermaid\nflowchart LR\n a --> b\n```\n";
		expect(readableWords(body)).toBe(5);
		expect(readingMinutes(body)).toBe(1);
		expect(readingMinutes('word '.repeat(880))).toBe(4);
	});
	it('counts an article paragraph the page shows in full as its words', () => {
		const body = 'Intro words here.\n\n<SourceParagraph p={2} />\n<SourceParagraph  p={3}/>\n';
		expect(readableWords(body, (n) => 'word '.repeat(n * 10))).toBe(3 + 20 + 30);
		// The real article: its paragraphs' words, not the tag's.
		expect(readableWords('<SourceParagraph p={1} />')).toBeGreaterThan(20);
	});
	it('writes paragraph ranges', () => {
		expect(paragraphRange([4, 3])).toBe('3–4');
		expect(paragraphRange([3, 5])).toBe('3, 5');
		expect(paragraphRange([7])).toBe('7');
	});
});
