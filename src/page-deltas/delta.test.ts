import { describe, expect, it } from 'vitest';
import { applyDelta, bestBase, encodeDelta, type DeltaOp } from './delta.ts';
import { encodePageDeltas, verifyPageDeltas } from './integration.ts';
import { pageHeaders } from './page-headers.ts';

const shell = (title: string, body: string) =>
	`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${'.header{display:flex;gap:1rem}'.repeat(20)}</style></head><body><header class="header">Amazon's $200B AI Bet, Explained</header><nav aria-label="Main"><ul>${['Investment', 'AWS', 'Business', 'Hybrid and edge', 'Partnerships', 'Risks', 'Outlook'].map((p) => `<li><a href="/${p.toLowerCase()}/">${p}</a></li>`).join('')}</ul></nav><main data-pagefind-body>${body}</main><footer>Built from one article</footer></body></html>`;

const aws = shell(
	'AWS',
	'<h1 id="_top">AWS</h1><p>AWS is the core of the strategy: chips, models and data centres.</p>',
);
const risks = shell('Risks', '<h1 id="_top">Risks</h1><p>Massive investments come with uncertainties.</p>');

const literalLength = (ops: DeltaOp[]) => ops.reduce((n, op) => n + (typeof op === 'string' ? op.length : 0), 0);

describe('encodeDelta / applyDelta', () => {
	it('rebuilds the page exactly and sends only what the base lacks', () => {
		const ops = encodeDelta(aws, risks);
		expect(applyDelta(aws, ops)).toBe(risks);
		// The shared shell is copied; what is sent is about the page's own text.
		expect(literalLength(ops)).toBeLessThan(120);
		expect(ops.some((op) => Array.isArray(op) && op[1] > 500)).toBe(true);
	});

	it('rebuilds the base from itself with one copy', () => {
		expect(encodeDelta(aws, aws)).toEqual([[0, aws.length]]);
	});

	it('sends everything as text when nothing is shared, and handles empty texts', () => {
		const other = 'x'.repeat(10) + 'completely different text with no run in common'.toUpperCase();
		expect(encodeDelta(aws, other)).toEqual([other]);
		expect(encodeDelta('', aws)).toEqual([aws]);
		expect(encodeDelta(aws, '')).toEqual([]);
		expect(applyDelta(aws, [])).toBe('');
	});

	it('never splits a surrogate pair between a copy and a text op', () => {
		const emoji = '🙂';
		const base = `${'a'.repeat(40)}${emoji}${'b'.repeat(40)}`;
		// 🙂 and 😀 share their first code unit: a copy of the a-run must not take it along.
		const target = `${'a'.repeat(40)}😀${'b'.repeat(40)}`;
		const ops = encodeDelta(base, target);
		expect(applyDelta(base, ops)).toBe(target);
		for (const op of ops) {
			if (typeof op !== 'string') continue;
			expect(op).toBe(op.toWellFormed());
		}
		// Non-BMP text only the target has is sent whole.
		const withEmoji = aws.replace('chips', 'chips 🚀');
		const emojiOps = encodeDelta(aws, withEmoji);
		expect(applyDelta(aws, emojiOps)).toBe(withEmoji);
		expect(emojiOps.filter((op): op is string => typeof op === 'string').every((s) => s === s.toWellFormed())).toBe(
			true,
		);
	});

	it('refuses a copy outside the base', () => {
		expect(() => applyDelta('short', [[2, 10]])).toThrow(/outside the base page/);
		expect(() => applyDelta('short', [[-1, 2]])).toThrow(/outside the base page/);
	});
});

describe('bestBase', () => {
	it('picks the text that shares the most with the others', () => {
		const stub = '<p>a page of its own, nothing like the others, with text no other page has at all</p>'.repeat(3);
		expect(bestBase([stub, aws, risks])).not.toBe(0);
		expect(bestBase([aws])).toBe(0);
	});
});

describe('page deltas of a site', () => {
	const pages = [
		{ path: '/aws/', html: aws },
		{ path: '/risks/', html: risks },
	];
	it('makes a delta per page against one base, with the hashes the service worker checks', () => {
		const deltas = encodePageDeltas(pages);
		expect(() => verifyPageDeltas(pages, deltas)).not.toThrow();
		const forRisks = deltas['/risks/']!;
		const base = forRisks.base === '/aws/' ? aws : risks;
		expect(applyDelta(base, forRisks.ops)).toBe(risks);
		expect(forRisks.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(forRisks.baseSha256).toBe(deltas[forRisks.base]!.sha256);
	});

	it('refuses deltas made for other pages (a stored result that no longer fits fails the build)', () => {
		const deltas = encodePageDeltas(pages);
		const changed = pages.map((p) => (p.path === '/risks/' ? { ...p, html: `${p.html}<!-- edited -->` } : p));
		expect(() => verifyPageDeltas(changed, deltas)).toThrow('the delta of /risks/ does not rebuild it');
		const { '/aws/': _gone, ...withoutAws } = deltas;
		expect(() => verifyPageDeltas(pages, withoutAws)).toThrow('the delta of /aws/ does not rebuild it');
	});
});

describe('pageHeaders', () => {
	it("keeps the host's policy headers and drops those of the delta's own bytes", () => {
		const headers = pageHeaders(
			new Headers({
				'Content-Type': 'application/json',
				'Content-Encoding': 'gzip',
				'Content-Length': '6713',
				ETag: 'W/"abc"',
				'Cache-Control': 'no-cache',
				'Content-Security-Policy': "frame-ancestors 'none'",
				'Referrer-Policy': 'strict-origin-when-cross-origin',
				'X-Content-Type-Options': 'nosniff',
			}),
		);
		expect(Object.fromEntries(headers)).toEqual({
			'content-type': 'text/html; charset=utf-8',
			'content-security-policy': "frame-ancestors 'none'",
			'referrer-policy': 'strict-origin-when-cross-origin',
			'x-content-type-options': 'nosniff',
		});
	});
});
