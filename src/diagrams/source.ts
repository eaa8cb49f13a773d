/**
 * Reads what the site needs from a Mermaid fence before rendering: the diagram type and its
 * accessible title and description (`accTitle:` / `accDescr:` or `accDescr { … }`), which every
 * diagram must have. Mermaid supports these lines on most diagram types but not all (mindmaps
 * reject them), so they are taken out here and applied to every SVG the same way.
 *
 * It also refuses what would let a diagram run script or escape the site's Mermaid settings: a
 * `click` to a javascript: URL or a click callback, and a `%%{init}%%` or front-matter `config:`
 * that changes a safety setting such as htmlLabels or securityLevel.
 */
export interface DiagramSource {
	type: string;
	title: string;
	description: string;
	/** The source as handed to Mermaid: without the acc lines and comments. */
	body: string;
	/** For each line of `body`, the line of the source it came from (both 1-based). */
	sourceLines: number[];
}

/** The ```mermaid fences of a page's source, in order (what the diagram plugin draws). */
export function mermaidFences(source: string): string[] {
	return [...source.matchAll(/^```mermaid[^\n]*\n([\s\S]*?)\n```[ \t]*$/gm)].map((m) => m[1]!);
}

/** A problem the author must fix. `line` counts from the fence's first content line (1). */
export class DiagramProblem extends Error {
	readonly line?: number;
	constructor(message: string, line?: number) {
		super(message);
		this.name = 'DiagramProblem';
		this.line = line;
	}
}

/**
 * Settings that decide whether a diagram can carry HTML or script, and the limits that keep error
 * output out of the page. The site sets them once (theme.ts) and Mermaid's `secure` list makes
 * them fixed; a diagram that tries to change one is refused so the author knows it had no effect.
 */
export const SAFETY_SETTINGS = [
	'secure',
	'securityLevel',
	'htmlLabels',
	'dompurifyConfig',
	'startOnLoad',
	'maxTextSize',
	'maxEdges',
	'suppressErrorRendering',
	'arrowMarkerAbsolute',
	'legacyMathML',
	'forceLegacyMathML',
	'deterministicIds',
	'deterministicIDSeed',
] as const;

/** Link targets a diagram may use: pages of this site, fragments and ordinary web or mail links. */
function isSafeLink(url: string): boolean {
	const value = url.trim();
	// Browsers ignore tabs and newlines inside a scheme (java\tscript:), so compare without them.
	const compact = value.replace(/[\s\u0000-\u001f]/g, '');
	const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase();
	if (scheme === undefined) {
		// Relative: not protocol-relative (another host), and no character before the first / ? #
		// that a browser could decode into a scheme (java&#115;cript:, %6Aavascript:).
		return !/^[/\\]{2}/.test(compact) && !/[:&%\\]/.test(compact.split(/[/?#]/)[0]!);
	}
	return scheme === 'https' || scheme === 'http' || scheme === 'mailto';
}

const quoted = (text: string) => [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);

/** Lines that would run script or override a safety setting, with the author's fix. */
function checkDiagramSafety(lines: string[]): void {
	const fail = (index: number, message: string): never => {
		throw new DiagramProblem(message, index + 1);
	};
	const settingIn = (text: string) =>
		SAFETY_SETTINGS.find((key) => new RegExp(`(^|[^A-Za-z0-9_])${key}([^A-Za-z0-9_]|$)`, 'i').test(text));
	// Front matter (`---` … `---` before the diagram) can carry `config:` too.
	let i = 0;
	if (lines[0]?.trim() === '---') {
		for (i = 1; i < lines.length && lines[i]!.trim() !== '---'; i++) {
			const key = settingIn(lines[i]!);
			if (key) fail(i, settingMessage(key, 'front matter'));
		}
		i++;
	}
	for (; i < lines.length; i++) {
		const line = lines[i]!;
		if (/^\s*%%\{/.test(line)) {
			// A directive may span lines until its closing }%%.
			let end = i;
			while (!lines[end]!.includes('}%%') && end + 1 < lines.length) end++;
			for (let j = i; j <= end; j++) {
				const key = settingIn(lines[j]!);
				if (key) fail(j, settingMessage(key, '%%{init}%% directive'));
			}
			i = end;
			continue;
		}
		if (/^\s*%%/.test(line)) continue;
		const click = /^\s*click\s+\S+\s+(.*)$/.exec(line);
		const classLink = /^\s*link\s+\S+\s+(.*)$/.exec(line);
		if (/^\s*callback\s+\S+/.test(line) || (click && !/^(href\s+)?"/.test(click[1]!.trim()))) {
			fail(
				i,
				`a click callback ("${line.trim()}") would run JavaScript, which the site never ships. Link the node to a page instead, e.g.\n    click services "/glossary/#sagemaker" "SageMaker in the glossary"`,
			);
		}
		const urls = click || classLink ? quoted((click ?? classLink)![1]!).slice(0, 1) : [];
		// Sequence diagrams: `link A: Label @ url` and `links A: {"Label": "url"}`.
		const seq = /^\s*links?\s+[^:]+:\s*(.*)$/.exec(line);
		if (seq)
			urls.push(...(seq[1]!.includes('@') ? [seq[1]!.split('@').pop()!] : quoted(seq[1]!).filter((_, n) => n % 2)));
		const bad = urls.find((url) => !isSafeLink(url));
		if (bad !== undefined || /(java|vb)\s*script\s*:/i.test(line)) {
			fail(
				i,
				`the link ${JSON.stringify(bad ?? line.trim())} is not a web address or a page of this site. Diagram links may go to site pages ("/aws/"), #anchors, or http(s) addresses; a javascript: link would run script.`,
			);
		}
	}
}

function settingMessage(key: string, where: string): string {
	return `the diagram's ${where} sets ${key}, which the site fixes for every diagram because it decides whether a diagram can carry HTML or script (or how errors are shown). Remove ${key} from it; other settings (theme variables, curve, direction) are fine.`;
}

export function parseDiagramSource(source: string): DiagramSource {
	const lines = source.replace(/\r\n?/g, '\n').split('\n');
	checkDiagramSafety(lines);
	let title = '';
	let description = '';
	const kept: string[] = [];
	const sourceLines: number[] = [];
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		const single = /^\s*(accTitle|accDescr)\s*:\s*(.*?)\s*$/.exec(line);
		if (single) {
			if (single[1] === 'accTitle') title = single[2]!;
			else description = single[2]!;
			continue;
		}
		if (/^\s*accDescr\s*\{/.test(line)) {
			const block: string[] = [line.replace(/^\s*accDescr\s*\{/, '')];
			while (!block.at(-1)!.includes('}') && i + 1 < lines.length) block.push(lines[++i]!);
			description = block.join(' ').replace(/\}.*$/, '').replace(/\s+/g, ' ').trim();
			continue;
		}
		// Comments change nothing in the drawing, and Mermaid counts them differently per diagram
		// type; without them its line numbers map back through sourceLines.
		if (/^\s*%%(?!\{)/.test(line)) continue;
		kept.push(line);
		sourceLines.push(i + 1);
	}
	const type =
		kept
			.find((l) => l.trim() && !l.trim().startsWith('%%'))
			?.trim()
			.split(/\s+/)[0] ?? '';
	const missing = [!title && 'accTitle', !description && 'accDescr'].filter(Boolean);
	if (missing.length) {
		throw new DiagramProblem(
			`the diagram has no ${missing.join(' and no ')}. Every diagram needs a title and a description for screen readers, e.g.\n    accTitle: The AWS AI stack\n    accDescr: Custom chips power AWS services, which customers use to build AI.`,
		);
	}
	return { type, title, description, body: kept.join('\n'), sourceLines };
}

/**
 * The line (1-based, in `body`) a Mermaid parse error is about. Mermaid's own "line N" is not
 * reliable (some diagram types drop blank or comment lines before counting), so for its parsers'
 * "…text before the error\n-----^" excerpt the excerpt is found in the source, and Mermaid's
 * number only breaks ties; other messages ("line N, column C") are taken as they are.
 */
export function locateMermaidError(message: string, body: string): number | undefined {
	const lines = body.split('\n');
	const reported = Number(/line (\d+)/i.exec(message)?.[1]) || undefined;
	const excerpt = /\n(.*)\n(-*)\^/.exec(message);
	if (excerpt) {
		const past = excerpt[1]!.slice(0, excerpt[2]!.length).replace(/^\.\.\./, '');
		// The parser's input with line breaks removed, as the excerpt shows it, and each char's line.
		let flat = '';
		const lineOf: number[] = [];
		lines.forEach((line, n) => {
			flat += line;
			for (let k = 0; k < line.length; k++) lineOf.push(n + 1);
		});
		const candidates: number[] = [];
		for (let at = flat.indexOf(past); at !== -1 && past; at = flat.indexOf(past, at + 1)) {
			const end = at + past.length;
			// The error is at the next token: skip to the next non-space character.
			let next = end;
			while (next < flat.length && /\s/.test(flat[next]!)) next++;
			candidates.push(lineOf[Math.min(next, flat.length - 1)] ?? lines.length);
		}
		if (candidates.length) {
			return candidates.reduce((best, c) =>
				Math.abs(c - (reported ?? c)) < Math.abs(best - (reported ?? best)) ? c : best,
			);
		}
	}
	return reported && reported <= lines.length ? reported : undefined;
}
