import { describe, expect, it } from 'vitest';
import { dataFiles, parseData, readData, type DataKind } from './data.ts';

describe('content data files', () => {
	it('name the file, the line and the entry that is wrong', () => {
		const text =
			'- id: a\n  label: One\n  description: The first topic.\n- id: b\n  label: x\n  description: Too short\n';
		expect(() => parseData('topics', text)).toThrow(/^content\/topics\.yaml:4: entry 2 \(label\): /);
		expect(() => parseData('glossary', '- id: Bad Id\n  term: X\n  definition: too short')).toThrow(
			/content\/glossary\.yaml:1: entry 1 \(id\): use lowercase words joined by hyphens/,
		);
	});
	it('reject an id used twice', () => {
		const topic = '- id: a\n  label: One\n  description: The first topic.\n';
		expect(() => parseData('topics', topic + topic)).toThrow('content/topics.yaml:4: entry 2: id "a" is used twice');
	});
	it('name the file when the YAML does not parse', () => {
		expect(() => parseData('glossary', '- id: a\n  term: [unclosed')).toThrow(/^content\/glossary\.yaml: /);
	});
	it('check figures and corrections against the article', () => {
		const figure = `- id: x\n  value: $9\n  label: A figure\n  paragraph: 1\n  quote: words the article never says\n  covers: Something or other.\n  doesNotCover: Something else.\n`;
		expect(() => parseData('figures', figure)).toThrow(
			/figures\.yaml:1: entry 1 \(quote\): does not match paragraph p1/,
		);
		const correction = `- paragraph: 2\n  original: not in the article at all\n  reading: x\n  why: y\n`;
		expect(() => parseData('corrections', correction)).toThrow(/entry 1 \(original\): not in paragraph p2/);
	});
	it('pass for the real content', () => {
		for (const kind of Object.keys(dataFiles) as DataKind[]) expect(readData(kind).length).toBeGreaterThan(0);
	});
});
