/**
 * Reading a reader's query: question words left out, amounts read as the site writes them, the
 * subject words the sections are ranked by. Pure functions, unit-tested in query.test.ts.
 */

/** Words that ask for a whole set ("all the figures", "list of pages"), not a subject. */
const SET_WORDS = new Set(['all', 'every', 'list']);

/** Words that shape a question but say nothing about its subject ("how much is …", "what are the …"). */
export const STOP_WORDS = new Set(
	(
		'a an and are as at be by can could did do does for from has have how i in into is it its me my of on or ' +
		'should so tell than that the their them there these they this to was we were what when where which who why ' +
		'will with would you your about much many more going get got doing done tell know use uses used ' +
		// "What's", "how's": the apostrophe goes when words are compared.
		'whats hows wheres whos whys thats ' +
		// Where on the site, not what about: "the AWS page", "the risks section".
		'page section ' +
		`${[...SET_WORDS].join(' ')} ` +
		// The "what is X" words: they mark a definition query (DEFINITION) and are not its subject.
		'define definition meaning mean means'
	).split(' '),
);

/** A "what is X" / "define X" query: the glossary entry may come first. */
const DEFINITION =
	/^(what(\s+is|\s+are|\s+does|['’]?s\b)|define|definition\s+of|meaning\s+of|who\s+is)\b|\bmean(s|ing)?\s*\??$/i;

export interface QueryPlan {
	/** What goes to Pagefind: the query without question words (unless that would leave nothing). */
	search: string;
	/** Normalized subject words, for ranking. */
	terms: string[];
	/** Every normalized word as typed, question words included: a heading that reads the same wins. */
	words: string[];
	/** How many left-out words stand before each term in the query as typed (at most 2 are bridged). */
	gaps: number[];
	definition: boolean;
	/** A "how much" / "how many" query: the answer is a number. */
	quantity: boolean;
}

/** Control characters and invisible direction marks do nothing useful in a query; cap the length. */
export function cleanQuery(raw: string): string {
	return raw
		.replace(/[\p{Cc}\p{Cf}]/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 200);
}

/** Lowercase letters and digits only, as words are compared (not as they are shown). */
export const normalize = (word: string) =>
	word
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^\p{L}\p{N}]/gu, '');

/** "What is … about", "what's … about": the reader asks for a summary of something. */
const ABOUT = /^(what(['’]?s|\s+is|\s+are)|tell\s+me)\b.*\sabout\s*\??$/i;
/** Words that name the whole work rather than a subject in it ("the article", "this site"). */
const WHOLE_WORK = new Set(['article', 'site', 'website', 'explainer', 'guide', 'piece', 'story']);

/** Amounts as readers shorten them ("$130B", "200bn", "5m"); the site writes the scale out. */
const SHORT_AMOUNT = /^\$?(\d+(?:[.,]\d+)?)(k|m|mn|b|bn|t|tn)$/i;
const SCALES: Record<string, string> = {
	k: 'thousand',
	m: 'million',
	mn: 'million',
	b: 'billion',
	bn: 'billion',
	t: 'trillion',
	tn: 'trillion',
};
const UNITS =
	'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(
		' ',
	);
const TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
/** Words a spelled-out number is followed by; a bare "one" or "two" is usually not a number. */
const SCALE_WORDS = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'percent', 'per']);

/** A spelled-out number up to 999 ("seventy", "seventy-five", "two hundred"), or undefined. */
function spelledNumber(words: string[], i: number): { value: number; next: number } | undefined {
	let j = i;
	const part = () => {
		const [first, second] = (words[j] ?? '').toLowerCase().split('-');
		const tens = TENS.indexOf(first ?? '');
		if (tens >= 0) {
			const unit = second ? UNITS.indexOf(second) : 0;
			if (unit < 0 || unit > 9) return undefined;
			j++;
			return (tens + 2) * 10 + unit;
		}
		const unit = second === undefined ? UNITS.indexOf(first ?? '') : -1;
		if (unit < 0) return undefined;
		j++;
		return unit;
	};
	const head = part();
	if (head === undefined) return undefined;
	let value = head;
	// A tens word ("seventy") is always a number; a unit word only before a scale ("two hundred").
	let any = TENS.some((t) => (words[i] ?? '').toLowerCase().startsWith(t));
	if ((words[j] ?? '').toLowerCase() === 'hundred') {
		j++;
		value *= 100;
		any = true;
		if ((words[j] ?? '').toLowerCase() === 'and') j++;
		const rest = part();
		if (rest !== undefined) value += rest;
	}
	if (!any && !SCALE_WORDS.has((words[j] ?? '').toLowerCase())) return undefined;
	return { value, next: j };
}

/**
 * Amounts as the index holds them: "$130B" is "130 billion", "seventy percent" is "70" (Pagefind
 * indexes "70%" as 70, so "percent" and "per cent" are the sign, which it leaves out).
 */
function readAmounts(words: string[]): string[] {
	const out: string[] = [];
	for (let i = 0; i < words.length;) {
		const word = words[i]!;
		const lower = word.toLowerCase();
		const short = SHORT_AMOUNT.exec(word);
		const spelled = spelledNumber(words, i);
		if (short) {
			out.push(short[1]!, SCALES[short[2]!.toLowerCase()]!);
			i++;
		} else if (spelled) {
			out.push(String(spelled.value));
			i = spelled.next;
		} else if (lower === 'percent' || lower === 'pct' || (lower === 'per' && words[i + 1]?.toLowerCase() === 'cent')) {
			i += lower === 'per' ? 2 : 1;
		} else {
			out.push(word);
			i++;
		}
	}
	return out;
}

export function planQuery(query: string): QueryPlan {
	const words = readAmounts(query.split(' ')).filter((w) => normalize(w));
	let subject = words.filter((w) => !STOP_WORDS.has(normalize(w)));
	// "What is the article about?" names no subject: it asks what "summary of the article" asks,
	// and is searched as that (the overview's `searchKeywords` say it is the summary). About a
	// subject ("what is the AWS page about") it stays a search for the subject.
	const about = ABOUT.test(query.trim());
	const summary = about && subject.every((w) => WHOLE_WORK.has(normalize(w)));
	if (summary) subject = ['summary', ...subject];
	const kept = subject.length ? subject : words;
	const terms = [...new Set(kept.map(normalize))];
	const between: string[][] = terms.map(() => []);
	let dropped: string[] = [];
	for (const w of words.map(normalize)) {
		const k = terms.indexOf(w);
		if (k < 0) dropped.push(w);
		else [between[k], dropped] = [dropped, []];
	}
	const gaps = between.map((b) => Math.min(b.length, 2));
	return {
		// Pagefind indexes "$130" and "70%" as 130 and 70; it finds "self-driving" as selfdriving too.
		search: kept.map(normalize).join(' '),
		terms,
		words: words.map(normalize),
		gaps,
		// "What is X about" asks for a summary of X, not for its definition.
		definition: !about && DEFINITION.test(query.trim()),
		quantity: /\bhow\s+(much|many)\b/i.test(query),
	};
}

/**
 * "paragraph 7", "para 7", "p7": the reader wants that paragraph of the article (its permanent
 * link on /source/, as the explainer cites it), when the article has it.
 */
export function paragraphAsked(query: string, paragraphs: number): number | undefined {
	const match = /^\s*(?:paragraph|para|p)\s*#?\s*(\d{1,3})\s*$/i.exec(query);
	const n = match ? Number(match[1]) : NaN;
	return n >= 1 && n <= paragraphs ? n : undefined;
}
