/** Glossary terms, written once in content/glossary.yaml and read by the glossary page (and term links). */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { fromRoot } from '../site/paths.ts';
import { parseYamlList } from '../article/yaml-data.ts';

const publicSource = z.object({ name: z.string().min(2), url: z.url() });

const termSchema = z.object({
	/** Anchor on /glossary/ (#id); lowercase words joined by hyphens. */
	id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens'),
	term: z.string().min(1),
	/** Plain-language definition, as it is used in the article. */
	definition: z.string().min(20),
	/** Article paragraphs that use the term. */
	paragraphs: z.array(z.number().int().min(1).max(14)).default([]),
	/**
	 * Other names for the same thing (shown as "Also called …"): search finds the term, and every
	 * section that marks it with <Term>, by these words too. Only true synonyms and spellings.
	 */
	aliases: z.array(z.string().min(2)).default([]),
	/**
	 * Narrower or broader words readers search with that are not names for the term (shown as
	 * "Related: …"), e.g. GPU for hardware acceleration; indexed like aliases.
	 */
	related: z.array(z.string().min(2)).default([]),
	/** Background that the article itself does not give, with the public source it comes from. */
	context: z.object({ text: z.string().min(10), source: publicSource }).optional(),
});
export type GlossaryTerm = z.infer<typeof termSchema>;

export const glossaryFile = 'content/glossary.yaml';

export function parseGlossary(text: string, file = glossaryFile): GlossaryTerm[] {
	return parseYamlList(text, termSchema, file);
}

let cached: GlossaryTerm[] | undefined;
export function loadGlossary(): GlossaryTerm[] {
	cached ??= parseGlossary(readFileSync(fromRoot(glossaryFile), 'utf8'));
	return cached;
}
