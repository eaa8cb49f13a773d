import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../glossary/glossary.ts';
import { parseYamlList } from './yaml-data.ts';

describe('content data files', () => {
	const schema = z.object({ id: z.string(), label: z.string().min(3) });
	it('names the file and the entry that is wrong', () => {
		expect(() => parseYamlList('- id: a\n  label: no', schema, 'content/x.yaml')).toThrow(
			/^content\/x\.yaml: entry 0\.label: /,
		);
	});
	it('rejects an id used twice', () => {
		expect(() => parseYamlList('- id: a\n  label: one\n- id: a\n  label: two', schema, 'content/x.yaml')).toThrow(
			'content/x.yaml: id "a" is used twice.',
		);
	});
	it('applies to the glossary', () => {
		expect(() => parseGlossary('- id: Bad Id\n  term: X\n  definition: too short', 'content/glossary.yaml')).toThrow(
			/content\/glossary\.yaml: entry 0\.id: use lowercase words joined by hyphens/,
		);
	});
});
