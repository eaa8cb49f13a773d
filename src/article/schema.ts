import { reference } from 'astro:content';
import { z } from 'astro/zod';

/** Frontmatter this project adds to Starlight's: which article paragraphs a page explains. */
export const pageSchema = z.object({
	/** Article paragraphs (1..14) this page explains; each must be quoted or cited on the page. */
	paragraphs: z.array(z.number().int().min(1).max(14)).default([]),
	/** One-line summary, used on the overview's reading path and in link previews. */
	summary: z.string().min(20).max(200).optional(),
	/** Topics from content/topics.yaml: search can be narrowed by them, and /topics/ lists pages by them. */
	topics: z.array(reference('topics')).default([]),
	/**
	 * Whether the page's header gives a reading time. Pages that are looked up rather than read
	 * through (the glossary, figures, topics, changes) draw their text from data files, so a time
	 * counted from the page's own words would be wrong: they set `false`.
	 */
	readingTime: z.boolean().default(true),
	/**
	 * Words a reader uses for what the page is, not what it is about ("definitions" for the
	 * glossary, "full text" for the article): searchable page metadata (src/search/SearchMeta.astro),
	 * never shown. Each must be true of the page as a whole.
	 */
	searchKeywords: z.array(z.string().min(2).max(40)).max(12).default([]),
});
