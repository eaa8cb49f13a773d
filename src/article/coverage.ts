/**
 * The "nothing from the article is lost" check. Reads explainer pages as MDX source (so errors
 * can name file and line) and checks that:
 * - every `<Quote p={N}>…</Quote>` reproduces paragraph pN exactly (editorial marks allowed, see quotes.ts);
 * - every paragraph a page declares in its `paragraphs` frontmatter is quoted or cited on that page;
 * - every paragraph p1..p14 is quoted or cited by at least one explainer page.
 * A citation is any link to `/source/#pN`.
 */
import { load as loadYaml } from 'js-yaml';
import type { ArticleParagraph } from './article.ts';
import { sourceHeadings } from '../site/headings.ts';
import { normalizeSpace, quoteMatches } from './quotes.ts';

export interface PageSource {
	/** Path shown in errors, relative to the project root. */
	file: string;
	source: string;
}

export interface FoundQuote {
	file: string;
	line: number;
	paragraph: number;
	text: string;
	/**
	 * Which h2/h3 of the page (0-based, in order) the quote sits under, or -1 for the page top.
	 * /source/ links back to that heading by the id the rendered page gives it (page-headings.ts).
	 */
	sectionIndex: number;
	/** Text of that heading, or '' for the page top. */
	sectionTitle: string;
}

export interface PageReport {
	file: string;
	title: string;
	declared: number[];
	quotes: FoundQuote[];
	citations: number[];
}

const QUOTE = /<Quote\b([^>]*)>([\s\S]*?)<\/Quote>/g;
const CITATION = /\/source\/#p(\d+)\b/g;

const lineAt = (source: string, index: number) => source.slice(0, index).split('\n').length;

/** Removes Markdown/MDX markup an author might leave inside a quote, keeping the words. */
function quoteText(raw: string): string {
	return normalizeSpace(
		raw
			.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
			.replace(/<[^>]+>/g, '')
			.replace(/[*_`]/g, ''),
	);
}

/** An MDX page's front matter (parsed) and body; `offset` is where the body starts. */
export function splitFrontmatter(source: string): { data: Record<string, unknown>; body: string; offset: number } {
	const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
	if (!match) return { data: {}, body: source, offset: 0 };
	const data = (loadYaml(match[1]!) ?? {}) as Record<string, unknown>;
	return { data, body: source.slice(match[0].length), offset: match[0].length };
}

export function scanPage(page: PageSource): PageReport {
	const { data, body, offset } = splitFrontmatter(page.source);
	const declared = Array.isArray(data.paragraphs)
		? data.paragraphs.filter((n): n is number => typeof n === 'number')
		: [];
	const headings = sourceHeadings(body);
	const quotes: FoundQuote[] = [];
	for (const match of body.matchAll(QUOTE)) {
		const attrs = match[1]!;
		const p = /\bp=(?:\{\s*(\d+)\s*\}|"(\d+)")/.exec(attrs);
		const sectionIndex = headings.findLastIndex((h) => h.index < match.index);
		const heading = headings[sectionIndex];
		quotes.push({
			file: page.file,
			line: lineAt(page.source, offset + match.index),
			paragraph: p ? Number(p[1] ?? p[2]) : NaN,
			text: quoteText(match[2]!),
			sectionIndex,
			sectionTitle: heading?.text ?? '',
		});
	}
	const citations = [...body.matchAll(CITATION)].map((m) => Number(m[1]));
	const title = typeof data.title === 'string' ? data.title : page.file;
	return { file: page.file, title, declared, quotes, citations };
}

export interface ExplainerLink {
	file: string;
	pageTitle: string;
	/** h2/h3 index on that page (see FoundQuote.sectionIndex), -1 for the page top. */
	sectionIndex: number;
	sectionTitle: string;
}

export interface CoverageResult {
	errors: string[];
	reports: PageReport[];
	/** For each paragraph number, where /source/ should link: the first quote of it. */
	coveredBy: Map<number, ExplainerLink>;
}

export function checkCoverage(pages: PageSource[], paragraphs: ArticleParagraph[]): CoverageResult {
	const errors: string[] = [];
	const reports = pages.map(scanPage);
	const byNumber = new Map(paragraphs.map((p) => [p.n, p]));
	const coveredBy = new Map<number, ExplainerLink>();
	const cited = new Set<number>();

	for (const report of reports) {
		const onPage = new Set<number>();
		for (const quote of report.quotes) {
			const paragraph = byNumber.get(quote.paragraph);
			if (!paragraph) {
				errors.push(
					`${quote.file}:${quote.line}: <Quote> needs p={N} with N from 1 to ${paragraphs.length} (got ${Number.isNaN(quote.paragraph) ? 'none' : quote.paragraph}).`,
				);
				continue;
			}
			// A misquote is reported once, as a misquote, not again as a missing quote.
			onPage.add(paragraph.n);
			if (!quoteMatches(quote.text, paragraph.text)) {
				errors.push(
					`${quote.file}:${quote.line}: quote does not match the article's paragraph p${paragraph.n} (content/source/article.txt line ${paragraph.line}): "${quote.text}". Copy the words exactly; mark a correction as [word] and a cut as "…".`,
				);
			}
		}
		for (const n of report.citations) {
			if (!byNumber.has(n))
				errors.push(`${report.file}: links to /source/#p${n}, but the article has only p1..p${paragraphs.length}.`);
			onPage.add(n);
		}
		for (const n of report.declared) {
			if (!onPage.has(n)) {
				errors.push(
					`${report.file}: frontmatter lists paragraph ${n} but the page never quotes (<Quote p={${n}}>) or cites (/source/#p${n}) it.`,
				);
			}
		}
		// Only pages that declare paragraphs are explainers; a passing mention elsewhere is not coverage.
		if (report.declared.length > 0) onPage.forEach((n) => cited.add(n));
		for (const n of report.declared) {
			if (coveredBy.has(n)) continue;
			const quote = report.quotes.find((q) => q.paragraph === n);
			coveredBy.set(n, {
				file: report.file,
				pageTitle: report.title,
				sectionIndex: quote?.sectionIndex ?? -1,
				sectionTitle: quote?.sectionTitle ?? '',
			});
		}
	}
	for (const paragraph of paragraphs) {
		if (!cited.has(paragraph.n)) {
			errors.push(
				`Paragraph p${paragraph.n} (content/source/article.txt line ${paragraph.line}, "${paragraph.text.slice(0, 60)}…") is not quoted or cited by any explainer page.`,
			);
		}
	}
	return { errors, reports, coveredBy };
}
