/**
 * A page as a delta against another page of the site: copies of runs of the base page's text
 * (header, sidebar, inline CSS, scripts, the markup of diagrams and quotes) and, in between, the
 * text only this page has. Every page repeats most of its neighbours' markup, so a delta is about
 * a third of the page it rebuilds, after compression; the service worker (service-worker.ts)
 * rebuilds the exact page from it and a base page it already holds.
 *
 * Offsets and lengths count UTF-16 code units, as JavaScript strings do on both sides.
 */

/** Text to insert, or [start, length] of the base page's text to copy. */
export type DeltaOp = string | [start: number, length: number];

/** `<page>/index.delta.json`: written by integration.ts, read by service-worker.ts. */
export interface PageDelta {
	/** Path of the base page (with the base path). */
	base: string;
	baseSha256: string;
	/** SHA-256 of the page the ops rebuild. */
	sha256: string;
	ops: DeltaOp[];
}

/** Shorter shared runs cost more as a copy ("[12345,67],") than as text, once compressed. */
const MIN_COPY = 32;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Every STEP-th window of the base page is indexed: a shared run of MIN_COPY + STEP chars always holds one. */
const STEP = MIN_COPY / 2;
/** The polynomial hash of a MIN_COPY-long window, kept as it slides one char at a time (mod 2^32). */
const B = 0x01000193;
let DROP = 1; // B^(MIN_COPY-1): the weight of the char that leaves the window
for (let i = 1; i < MIN_COPY; i++) DROP = Math.imul(DROP, B);
const hashAt = (text: string, at: number) => {
	let h = 0;
	for (let i = at; i < at + MIN_COPY; i++) h = (Math.imul(h, B) + text.charCodeAt(i)) | 0;
	return h;
};
const roll = (hash: number, out: number, inn: number) => (Math.imul(hash - Math.imul(out, DROP), B) + inn) | 0;

/** The ops that rebuild `target` from `base`. Deterministic: the same inputs give the same ops. */
export function encodeDelta(base: string, target: string): DeltaOp[] {
	// Every STEP-th window of the base, by hash (the first one wins).
	const index = new Map<number, number>();
	for (let i = 0; i + MIN_COPY <= base.length; i += STEP) {
		const h = hashAt(base, i);
		if (!index.has(h)) index.set(h, i);
	}
	const ops: DeltaOp[] = [];
	let literalFrom = 0; // start of the text not yet covered by an op
	let nextCopyAt = -1; // where the last copy ended in base: the likeliest place for the next one
	const matchAt = (at: number, from: number) => {
		let n = 0;
		while (at + n < target.length && from + n < base.length && target.charCodeAt(at + n) === base.charCodeAt(from + n))
			n++;
		return n;
	};
	let i = 0;
	let h = target.length >= MIN_COPY ? hashAt(target, 0) : 0;
	while (i + MIN_COPY <= target.length) {
		let from = -1;
		let length = 0;
		if (nextCopyAt >= 0 && target.charCodeAt(i) === base.charCodeAt(nextCopyAt)) {
			length = matchAt(i, nextCopyAt);
			if (length >= MIN_COPY) from = nextCopyAt;
		}
		if (from < 0) {
			const candidate = index.get(h);
			if (candidate !== undefined && target.charCodeAt(i) === base.charCodeAt(candidate)) {
				length = matchAt(i, candidate);
				if (length >= MIN_COPY) from = candidate;
			}
		}
		if (from < 0) {
			if (i + MIN_COPY < target.length) h = roll(h, target.charCodeAt(i), target.charCodeAt(i + MIN_COPY));
			i++;
			continue;
		}
		// Grow the copy back over text that is still waiting to be inserted (the index only holds
		// every STEP-th window, so a match is usually found a little after it starts).
		let start = i;
		while (start > literalFrom && from > 0 && target.charCodeAt(start - 1) === base.charCodeAt(from - 1)) {
			start--;
			from--;
			length++;
		}
		// Never split a surrogate pair between a copy and a text op.
		if (isLowSurrogate(target.charCodeAt(start))) {
			start++;
			from++;
			length--;
		}
		if (isHighSurrogate(target.charCodeAt(start + length - 1))) length--;
		if (start > literalFrom) ops.push(target.slice(literalFrom, start));
		ops.push([from, length]);
		literalFrom = start + length;
		nextCopyAt = from + length;
		i = literalFrom;
		if (i + MIN_COPY <= target.length) h = hashAt(target, i);
	}
	if (literalFrom < target.length) ops.push(target.slice(literalFrom));
	return ops;
}

/** The text the ops rebuild from `base`; throws when an op points outside it. */
export function applyDelta(base: string, ops: DeltaOp[]): string {
	const parts: string[] = [];
	for (const op of ops) {
		if (typeof op === 'string') parts.push(op);
		else {
			const [start, length] = op;
			if (!(start >= 0 && length > 0 && start + length <= base.length))
				throw new Error(`copy [${start}, ${length}] is outside the base page`);
			parts.push(base.slice(start, start + length));
		}
	}
	return parts.join('');
}

/**
 * The text that serves best as the base of the others' deltas: the one that holds the most of
 * their MIN_COPY-long runs, which is what a delta copies instead of sending. Runs are sampled by
 * content (those whose hash ends in four zero bits), so the same run is sampled wherever it sits in
 * each text. Cheap next to encoding every pair; ties go to the first.
 */
export function bestBase(texts: string[]): number {
	const samples = texts.map((text) => {
		const set = new Set<number>();
		if (text.length < MIN_COPY) return set;
		let h = hashAt(text, 0);
		for (let i = 0; ; i++) {
			if ((h & 15) === 0) set.add(h);
			if (i + MIN_COPY >= text.length) break;
			h = roll(h, text.charCodeAt(i), text.charCodeAt(i + MIN_COPY));
		}
		return set;
	});
	let best = 0;
	let bestShared = -1;
	samples.forEach((candidate, c) => {
		let shared = 0;
		samples.forEach((other, t) => {
			if (t !== c) for (const h of other) if (candidate.has(h)) shared++;
		});
		if (shared > bestShared) [best, bestShared] = [c, shared];
	});
	return best;
}
