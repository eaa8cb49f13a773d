/**
 * The article as data: its six headings and fourteen paragraphs (p1..p14), read from
 * `content/source/article.txt`. Everything that shows or checks the article goes through here.
 */
import { parsedFile } from '../site/files.ts';
import { fromRoot } from '../site/paths.ts';

export interface ArticleParagraph {
	/** 1-based paragraph number, skipping heading lines: p1..p14. */
	n: number;
	/** Permanent anchor on /source/. */
	id: string;
	text: string;
	/** The article heading this paragraph sits under, or null for the untitled introduction. */
	heading: string | null;
	/** 1-based line in article.txt, for error messages. */
	line: number;
}

export interface Article {
	paragraphs: ArticleParagraph[];
}

const articlePath = fromRoot('content/source/article.txt');

/**
 * The article has no markup, so a heading is told apart from a paragraph by shape: a short line
 * with no sentence-ending punctuation. The file is fixed; the test pins 6 headings and 14 paragraphs.
 */
function isHeadingLine(line: string): boolean {
	return line.length <= 80 && !/[.!?:;]$/.test(line);
}

export function parseArticle(text: string): Article {
	const paragraphs: ArticleParagraph[] = [];
	let heading: string | null = null;
	text.split(/\r?\n/).forEach((raw, index) => {
		const line = raw.trim();
		if (!line) return;
		if (isHeadingLine(line)) heading = line;
		else {
			const n = paragraphs.length + 1;
			paragraphs.push({ n, id: `p${n}`, text: line, heading, line: index + 1 });
		}
	});
	return { paragraphs };
}

/** The article, read again when the file has changed. */
export const loadArticle = (): Article => parsedFile(articlePath, parseArticle);

export function getParagraph(n: number): ArticleParagraph {
	const paragraph = loadArticle().paragraphs[n - 1];
	if (!paragraph) {
		throw new Error(`The article has no paragraph p${n}: it has p1..p${loadArticle().paragraphs.length}.`);
	}
	return paragraph;
}
