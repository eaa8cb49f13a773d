/**
 * Reading time of an MDX page from its body (front matter excluded): the words a reader reads, at
 * 220 words a minute. An article paragraph the page shows in full (`<SourceParagraph p={3} />`)
 * counts as its words.
 */
import { getParagraph } from '../article/article.ts';

const WORDS_PER_MINUTE = 220;
const SHOWN_PARAGRAPH = /<SourceParagraph\s+p=\{(\d+)\}\s*\/>/g;

export function readableWords(body: string, paragraphText = (n: number) => getParagraph(n).text): number {
	const text = body
		.replace(SHOWN_PARAGRAPH, (_, n: string) => ` ${paragraphText(Number(n))} `)
		.replace(/^import .*$/gm, '')
		.replace(/```[\s\S]*?```/g, '') // diagrams are looked at, not read word by word
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[#*_`>|[\]-]/g, ' ');
	return text.split(/\s+/).filter((w) => /\w/.test(w)).length;
}

export function readingMinutes(body: string): number {
	return Math.max(1, Math.round(readableWords(body) / WORDS_PER_MINUTE));
}

/** "3–4" for consecutive paragraphs, "3, 5" otherwise. */
export function paragraphRange(paragraphs: number[]): string {
	const sorted = [...paragraphs].sort((a, b) => a - b);
	const consecutive = sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1);
	return consecutive && sorted.length > 1 ? `${sorted[0]}–${sorted.at(-1)}` : sorted.join(', ');
}
