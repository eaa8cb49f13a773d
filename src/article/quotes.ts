/**
 * Quote matching. A quote on an explainer page must reproduce the article exactly, with two
 * editorial marks allowed: `[words]` replaces a stretch of the original (used to mend the
 * article's garbled words) and `…` or `...` leaves words out.
 */
import { escapeRegExp } from '../site/escape.ts';

/** Whitespace differences are layout, not wording. */
export function normalizeSpace(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

/** A bracketed correction stands for at most this many characters of the original. */
const MAX_REPLACED = 60;

function quotePattern(quote: string): RegExp {
	const parts = normalizeSpace(quote).split(/(\[[^\]]*\]|…|\.\.\.)/);
	const source = parts
		.map((part) => {
			if (part === '…' || part === '...') return '[\\s\\S]*?';
			if (/^\[[^\]]*\]$/.test(part)) return `[\\s\\S]{0,${MAX_REPLACED}}?`;
			return escapeRegExp(part);
		})
		.join('');
	return new RegExp(source);
}

/** True when the quote (with its editorial marks) is a faithful excerpt of the paragraph. */
export function quoteMatches(quote: string, paragraph: string): boolean {
	const trimmed = normalizeSpace(quote);
	if (!trimmed.replace(/\[[^\]]*\]|…|\.\.\./g, '').trim()) return false;
	return quotePattern(trimmed).test(normalizeSpace(paragraph));
}
