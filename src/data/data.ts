/**
 * The site's YAML data under content/, one zod schema per kind. content.config.ts makes each file a
 * content collection (`file()` loader with `parseEntries`), which pages read with getEntry or `dataOf`
 * (collections.ts), so `astro dev` shows an edit on the next load. Code that runs outside Astro's
 * runtime (the config-time content check, scripts, unit tests) reads a file with `readData`: the same
 * parser and schemas.
 */
import { readFileSync } from 'node:fs';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { loadArticle } from '../article/article.ts';
import { fromRoot } from '../site/paths.ts';
import { quoteMatches } from '../article/quotes.ts';
import { SiteError } from '../site/errors.ts';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens');
/** Line of the entry in its file, added when the file is read: file order (the collection store does
 *  not keep it) and error messages. */
const line = z.number();
const paragraphText = (n: number) => loadArticle().paragraphs[n - 1]?.text ?? '';

const term = z.object({
	/** Anchor on /glossary/ (#id). */
	id: slug,
	line,
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
	context: z
		.object({ text: z.string().min(10), source: z.object({ name: z.string().min(2), url: z.url() }) })
		.optional(),
});

const figure = z
	.object({
		id: slug,
		line,
		/** The figure as the article writes it, e.g. "$200 billion". */
		value: z.string().min(1),
		/** What the number is, in a few words. */
		label: z.string().min(3),
		paragraph: z.number().int().min(1).max(14),
		/** The article's words around the figure, exact (checked against the paragraph). */
		quote: z.string().min(10),
		/** What the figure measures, as far as the article says. */
		covers: z.string().min(10),
		/** What the figure does not tell a reader: limits, missing definitions, unknowns. */
		doesNotCover: z.string().min(10),
	})
	.superRefine((f, ctx) => {
		if (!quoteMatches(f.quote, paragraphText(f.paragraph)))
			ctx.addIssue({ code: 'custom', path: ['quote'], message: `does not match paragraph p${f.paragraph}` });
		else if (!f.quote.includes(f.value.replace(/^about |^over |^approximately /, '')))
			ctx.addIssue({ code: 'custom', path: ['quote'], message: `does not contain the value "${f.value}"` });
	});

/** Search topics; pages pick theirs in frontmatter (`reference('topics')`). */
const topic = z.object({ id: slug, line, label: z.string().min(2), description: z.string().min(10) });

/** A real calendar day as YYYY-MM-DD (the files are read without YAML timestamps, so it stays text). */
const isCalendarDay = (value: string) => {
	const time = Date.parse(`${value}T00:00:00Z`);
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

/** One change to a published section (content/revisions.yaml). */
const revision = z.object({
	/** Anchor of the entry on /changes/, made by `parseEntries` from date, page and section. */
	id: z.string(),
	line,
	/** The day the edit was made (never the build's date, so rebuilding changes nothing). */
	date: z.string().refine(isCalendarDay, { message: 'use the date of the edit as YYYY-MM-DD' }),
	/** Site path of the page, as readers see it: '/risks/', '/glossary/', '/' for the overview. */
	page: z.string().regex(/^\/([a-z0-9-]+\/)?$/, 'use the page path, such as /risks/'),
	/** The anchor of the changed section on that page, without "#": an h2 id, an entry id on /glossary/,
	 *  /figures/ or /topics/, or `_top` for the page's opening paragraph (the "In short"). */
	section: z.string().regex(/^(_top|[a-z0-9]+(-[a-z0-9]+)*)$/, 'use the section anchor without "#"'),
	/** What changed, in a sentence a reader who linked the section can follow. */
	change: z.string().min(10),
	/** Why it changed. */
	why: z.string().min(10),
});

/** Words that mean the same thing wherever the site uses them (content/synonyms.yaml), for search. */
const synonyms = z.object({ line, words: z.array(z.string().regex(/^[a-z][a-z -]*[a-z]$/, 'lowercase words')).min(2) });

/** A garbled passage of the article and the reading chosen for it (content/source/corrections.yaml). */
const correction = z
	.object({
		line,
		paragraph: z.number().int().min(1),
		original: z.string().min(1),
		/** The reading this site uses (and quotes in [brackets]); equal to `original` when it mends nothing. */
		reading: z.string().min(1),
		/** Why the site uses this reading, when others are as plausible. */
		why: z.string().min(1),
		/** Other readings as plausible as the one used: a reading is a guess, not the author's known intent. */
		alternatives: z.array(z.object({ reading: z.string().min(1), why: z.string().min(1) })).default([]),
	})
	.superRefine((c, ctx) => {
		if (!paragraphText(c.paragraph).includes(c.original))
			ctx.addIssue({
				code: 'custom',
				path: ['original'],
				message: `not in paragraph p${c.paragraph}; copy it exactly`,
			});
	});

export const schemas = {
	glossary: term,
	figures: figure,
	topics: topic,
	revisions: revision,
	synonyms,
	corrections: correction,
};
export type DataKind = keyof typeof schemas;
export type Data<K extends DataKind> = z.infer<(typeof schemas)[K]>;
export type Revision = Data<'revisions'>;

export const dataFiles: Record<DataKind, string> = {
	glossary: 'content/glossary.yaml',
	figures: 'content/figures.yaml',
	topics: 'content/topics.yaml',
	revisions: 'content/revisions.yaml',
	synonyms: 'content/synonyms.yaml',
	corrections: 'content/source/corrections.yaml',
};

type Raw = Record<string, unknown> & { line: number };

/**
 * A data file's list, each entry with its `line` and an `id` (the file loader's key): written in the
 * file, or, for kinds without one, made here. YAML without timestamps, so a date stays as written.
 */
export function parseEntries(kind: DataKind, text: string): Raw[] {
	const list: unknown = loadYaml(text, { schema: CORE_SCHEMA });
	// An empty file is also what a file looks like for a moment while it is saved: refused, so the
	// file loader keeps the entries it has (in `astro dev`) until the whole file is there.
	if (!Array.isArray(list) || list.length === 0)
		throw new Error('the file must be a YAML list of entries ("- " lines)');
	const lines = text.split('\n').flatMap((l, i) => (/^-(\s|$)/.test(l) ? [i + 1] : []));
	const seen = new Map<string, number>();
	return list.map((value: unknown, index) => {
		const line = lines[index] ?? 1;
		if (kind === 'synonyms') return { id: String(index + 1), words: value, line };
		const entry: Raw = { ...(value as Record<string, unknown>), line };
		if (kind === 'corrections') return { id: String(index + 1), ...entry };
		if (kind !== 'revisions') return entry;
		// Anchor on /changes/: date, page and section, numbered when one section changed twice on a day.
		const { date, page, section } = entry;
		const base = `${date}-${String(page).replace(/\//g, '') || 'overview'}-${section}`;
		const n = (seen.get(base) ?? 0) + 1;
		seen.set(base, n);
		return { ...entry, id: n === 1 ? base : `${base}-${n}` };
	});
}

/** Parses a data file's text through its schema; errors name the file, the entry's line and the field. */
export function parseData<K extends DataKind>(kind: K, text: string, file = dataFiles[kind]): Data<K>[] {
	let entries: Raw[];
	try {
		entries = parseEntries(kind, text);
	} catch (error) {
		throw new SiteError((error as Error).message, { file });
	}
	const problems: string[] = [];
	const ids = new Set<string>();
	const data = entries.map((entry, index) => {
		const where = `${file}:${entry.line}: entry ${index + 1}`;
		const parsed = schemas[kind].safeParse(entry);
		for (const i of parsed.error?.issues ?? [])
			problems.push(`${where}${i.path.length ? ` (${i.path.join('.')})` : ''}: ${i.message}`);
		if (typeof entry.id === 'string' && ids.has(entry.id)) problems.push(`${where}: id "${entry.id}" is used twice`);
		ids.add(String(entry.id));
		return parsed.data as Data<K>;
	});
	if (problems.length) throw new Error(problems.join('\n'));
	return data;
}

/** A data file read now, for code outside Astro's runtime; pages use getCollection instead. */
export const readData = <K extends DataKind>(kind: K): Data<K>[] =>
	parseData(kind, readFileSync(fromRoot(dataFiles[kind]), 'utf8'));
