/**
 * Renders Mermaid diagrams to SVG at build time with the real `mermaid` package in headless
 * Chromium (the project's browser resolver finds it; playwright-core drives it). One browser
 * serves the whole build; results are kept in the build cache (src/build/cache.ts), so a rebuild
 * with unchanged diagrams starts no browser at all.
 *
 * What Mermaid returns is checked before it is used or cached (checkRenderedSvg): an error picture
 * or anything that could run script fails the build. Cached entries get the same checks when read
 * (checkCachedDiagram), so a damaged entry is drawn again, never shipped.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { htmlToHast } from 'satteri';
import { fromRoot } from '../site/paths.ts';
import { BuildBrowser, sharedBrowser } from '../build/browser.ts';
import { Cache, cacheRoot } from '../build/cache.ts';
import { DiagramProblem, locateMermaidError, parseDiagramSource, type DiagramSource } from './source.ts';
import { diagramFont, MERMAID_LIMITS, mermaidConfig, type DiagramTheme } from './theme.ts';
import { startMermaidServer, type MermaidServer } from './mermaid-server.ts';
import type { HastNode } from '../build/html.ts';

const require = createRequire(import.meta.url);
/** What draws a diagram (Mermaid itself is pinned by the lockfile): a change draws every diagram again. */
const CODE = [
	'src/diagrams/renderer.ts',
	'src/diagrams/browser-postprocess.js',
	'src/diagrams/theme.ts',
	'src/diagrams/source.ts',
	'src/diagrams/mermaid-server.ts',
];

export interface RenderedDiagram {
	/** SVG for each theme; every id in it starts with the diagram's own (diagramId) and theme. */
	light: string;
	dark: string;
	/** accTitle / accDescr from the source. */
	title: string;
	description: string;
	type: string;
	/** Visible text of the diagram, for the search index. */
	labels: string;
	/** Natural width in CSS pixels, so small screens can scroll instead of shrinking text. */
	width: number;
}

/**
 * Why a rendered SVG must not ship, or undefined. Mermaid marks its error pictures; raw HTML
 * (foreignObject, img) only appears when a setting was overridden; links must stay ordinary. The
 * SVG is parsed as a browser would, so label text that merely looks like markup is not mistaken
 * for it.
 */
export function checkRenderedSvg(svg: string): string | undefined {
	if (!/^<svg[\s>]/.test(svg) || !svg.endsWith('</svg>')) return 'it is not a complete SVG';
	const problems: string[] = [];
	const walk = (node: HastNode) => {
		if (node.type === 'text' && /Syntax error in text|Maximum text size in diagram exceeded/.test(node.value ?? ''))
			problems.push('Mermaid drew an error message instead of the diagram');
		if (node.type === 'element') {
			const props = node.properties ?? {};
			const classes = ([] as unknown[]).concat(props.className ?? []).map(String);
			if (String(props.ariaRoleDescription ?? '') === 'error' || classes.some((c) => /^error-(icon|text)$/.test(c)))
				problems.push('Mermaid drew an error message instead of the diagram');
			if (/^(foreignobject|script|iframe|object|embed|img|image|use|animate|set|handler)$/i.test(node.tagName!))
				problems.push(`it contains a <${node.tagName}> element, which the site's diagrams never use`);
			for (const [name, value] of Object.entries(props)) {
				if (/^on/i.test(name)) problems.push(`it contains an event-handler attribute (${name.toLowerCase()})`);
				if (/^(href|xLinkHref|src)$/.test(name) && !/^(#|\/(?!\/)|https?:\/\/|mailto:)/i.test(String(value)))
					problems.push(`it links to "${String(value)}", which is not a site page or web address`);
			}
		}
		node.children?.forEach(walk);
	};
	walk(htmlToHast(svg, { fragment: true }) as HastNode);
	return problems[0];
}

/** Author-facing advice for Mermaid's limits (its own messages talk about mermaid.initialize). */
function explainMermaidError(message: string, body: string): string {
	if (/Edge limit exceeded\./.test(message)) {
		return `the diagram has more connections than Mermaid can draw (limit ${MERMAID_LIMITS.maxEdges}). Split it into smaller diagrams, e.g. one per section of the page.`;
	}
	// Mermaid's own line numbers skip lines the site removed (acc lines, comments); the build names the real one.
	return (
		message
			.replace(/\s*Initialize mermaid[\s\S]*$/, '')
			.replace(/ on line \d+(, column \d+)?/gi, '')
			.trim() || `Mermaid could not draw it (${body.length} characters)`
	);
}

/** Why a cached diagram must not be used: the checks a fresh drawing gets, and its fields' types. */
function checkCachedDiagram(entry: RenderedDiagram): string | undefined {
	const fields = entry as unknown as Record<string, unknown>;
	const shapeOk =
		typeof entry === 'object' &&
		entry !== null &&
		['light', 'dark', 'title', 'description', 'type', 'labels'].every((k) => typeof fields[k] === 'string') &&
		Number.isFinite(entry.width) &&
		entry.width > 0;
	if (!shapeOk) return 'fields are missing or of the wrong type';
	return checkRenderedSvg(entry.light) ?? checkRenderedSvg(entry.dark);
}

/** The diagram's id in its SVGs, from its source only (browser-postprocess.js prefixes every id inside with it). */
const diagramId = (source: string) => `d${createHash('sha256').update(source).digest('hex').slice(0, 16)}`;

interface BrowserResult {
	svg: string;
	error?: string;
	labels: string;
	width: number;
}

class MermaidBrowser {
	/** Getting the browser (shared, possibly already started) and loading Mermaid into a page. */
	startMs?: number;
	#browser: BuildBrowser;
	#page?: Promise<Page>;
	#server?: Promise<MermaidServer>;
	#queue: Promise<unknown> = Promise.resolve();

	constructor(browser: BuildBrowser) {
		this.#browser = browser;
	}

	async #open(): Promise<Page> {
		const started = performance.now();
		const fontUrl = `data:font/woff2;base64,${readFileSync(diagramFont.regular).toString('base64')}`;
		const fontBoldUrl = `data:font/woff2;base64,${readFileSync(diagramFont.bold).toString('base64')}`;
		const stage = `<!doctype html><html><head><style>
			@font-face{font-family:'${diagramFont.family}';src:url(${fontUrl}) format('woff2');font-weight:400}
			@font-face{font-family:'${diagramFont.family}';src:url(${fontBoldUrl}) format('woff2');font-weight:600 700}
			body{font-family:'${diagramFont.family}';margin:0}
			</style><script type="module">
			import('./mermaid.esm.min.mjs').then((m) => (window.mermaid = m.default), (e) => (window.mermaidError = String(e)));
			</script></head><body><div id="stage" style="width:1200px"></div></body></html>`;
		// Mermaid's ES module build, served from node_modules: the browser fetches only the chunks
		// of the diagram types the site uses, a fraction of the 5.5 MB single-file build.
		const mermaidDist = join(dirname(require.resolve('mermaid/package.json')), 'dist');
		this.#server ??= startMermaidServer(mermaidDist, stage);
		const browser = await this.#browser.launch();
		const page = await browser.newPage();
		await page.goto(`${(await this.#server).origin}/`);
		const loaded = await page.waitForFunction(() => (window as any).mermaid || (window as any).mermaidError);
		const error = await loaded.evaluate((result) => (typeof result === 'string' ? result : undefined));
		if (error) throw new Error(`Mermaid did not load in the diagram browser: ${error}`);
		await page.addScriptTag({ path: fromRoot('src/diagrams/browser-postprocess.js') });
		// Labels are measured as the page will draw them: wait until the font is really loaded.
		await page.evaluate(async (family) => {
			await Promise.all([document.fonts.load(`400 16px '${family}'`), document.fonts.load(`600 16px '${family}'`)]);
		}, diagramFont.family);
		this.startMs = performance.now() - started;
		return page;
	}

	/** Draws `diagram` once per theme, each with its own SVG id. */
	render(diagram: DiagramSource, drawings: { id: string; theme: DiagramTheme }[]): Promise<BrowserResult[]> {
		// One diagram at a time: Mermaid keeps global state while rendering.
		const task = this.#queue.then(async () => {
			this.#page ??= this.#open();
			const page = await this.#page;
			const args = {
				source: diagram.body,
				title: diagram.title,
				description: diagram.description,
				// One drawing per theme, in one call: each call waits for the build's busy thread.
				drawings: drawings.map(({ id, theme }) => ({ id, config: mermaidConfig(theme) })),
			};
			return page.evaluate(async ({ source, title, description, drawings }) => {
				const w = window as any;
				const results: BrowserResult[] = [];
				for (const { id, config } of drawings) {
					w.mermaid.initialize({ startOnLoad: false, ...config });
					const stage = document.getElementById('stage')!;
					let svg: string;
					try {
						await w.mermaid.parse(source);
						({ svg } = await w.mermaid.render(id, source, stage));
					} catch (error) {
						stage.innerHTML = '';
						results.push({ svg: '', error: String((error as Error)?.message ?? error), labels: '', width: 0 });
						break;
					}
					stage.innerHTML = svg;
					const el = stage.querySelector('svg')!;
					w.postprocessDiagramSvg(el, title, description);
					const texts = [...el.querySelectorAll('text')].map((t) => w.labelText(t)).filter(Boolean);
					const labels = [...new Set(texts)].join(' · ');
					const width = Math.ceil(el.getBoundingClientRect().width);
					// XML, not HTML: void elements such as <br/> must be self-closed to survive MDX's parser.
					const html = new XMLSerializer().serializeToString(el);
					stage.innerHTML = '';
					results.push({ svg: html, labels, width });
				}
				return results;
			}, args);
		});
		this.#queue = task.catch(() => undefined);
		return task;
	}

	get started() {
		return this.#page !== undefined;
	}

	/** Closes Mermaid's page and its file server; the browser itself belongs to whoever made it. */
	async close() {
		const [page, server] = [this.#page, this.#server];
		this.#page = undefined;
		this.#server = undefined;
		if (page) await (await page.catch(() => undefined))?.close();
		if (server) await (await server.catch(() => undefined))?.close();
	}
}

/** One renderer per process (one build, or one dev server). */
export class DiagramRenderer {
	#browser: MermaidBrowser;
	#ownBrowser?: BuildBrowser;
	#cache: Cache<RenderedDiagram>;
	#stats = { rendered: 0, cached: 0, ms: 0 };
	#firstStart?: number;

	/**
	 * Without `browser`, the renderer starts (and closes) a browser of its own, as tests want.
	 * `root`: the build cache's folder (tests give their own).
	 */
	constructor({ root = cacheRoot(), browser }: { root?: string; browser?: BuildBrowser } = {}) {
		this.#cache = new Cache({ name: 'diagrams', code: CODE, root, check: checkCachedDiagram });
		if (!browser) this.#ownBrowser = browser = new BuildBrowser();
		this.#browser = new MermaidBrowser(browser);
	}

	/** Diagrams drawn and taken from the cache, damaged cache entries drawn again, wall time drawing (ms). */
	get stats() {
		return { ...this.#stats, damaged: this.#cache.stats.damaged };
	}

	/** The cache file for `source` (tests). */
	cacheFile(source: string): string {
		return this.#cache.file(this.#cache.key([source]));
	}

	/** Drawings `prerender` started, by source, until a page takes them. */
	#prerendered = new Map<string, Promise<RenderedDiagram>>();

	/** Throws a DiagramProblem (accessibility, safety, syntax, output) with a message for the author. */
	render(source: string): Promise<RenderedDiagram> {
		const early = this.#prerendered.get(source);
		if (!early) return this.#render(source);
		this.#prerendered.delete(source);
		return early;
	}

	/**
	 * Starts drawing every diagram of `sources` that is not cached, one after another, without
	 * waiting: a build calls this before Astro reads the content, so the drawings are under way (or
	 * done) when the pages ask for them. A failure is left for the page's own request to report,
	 * with its file and line. Returns how many need drawing.
	 */
	prerender(sources: string[]): number {
		// Only what is not validly in the cache needs the browser.
		const missing = [...new Set(sources)].filter((s) => this.#cache.get(this.#cache.key([s])) === undefined);
		for (const source of missing) {
			const drawing = this.#render(source);
			drawing.catch(() => undefined);
			this.#prerendered.set(source, drawing);
		}
		return missing.length;
	}

	async #render(source: string): Promise<RenderedDiagram> {
		const started = performance.now();
		const diagram = parseDiagramSource(source);
		if (diagram.body.length > MERMAID_LIMITS.maxTextSize) {
			throw new DiagramProblem(
				`the diagram is ${diagram.body.length.toLocaleString('en')} characters long, over Mermaid's limit of ${MERMAID_LIMITS.maxTextSize.toLocaleString('en')} (it would show "Maximum text size in diagram exceeded"). Split it into two or more smaller diagrams, or shorten its labels.`,
			);
		}
		const key = this.#cache.key([source]);
		const cached = this.#cache.get(key);
		if (cached) {
			this.#stats.cached++;
			return cached;
		}
		const id = diagramId(source);
		const themes = ['light', 'dark'] as const;
		const results = await this.#browser.render(
			diagram,
			themes.map((theme) => ({ id: `${id}${theme[0]}`, theme })),
		);
		for (const [i, theme] of themes.entries()) {
			const result = results[i]!;
			if (result.error !== undefined) {
				const line = locateMermaidError(result.error, diagram.body);
				throw new DiagramProblem(
					explainMermaidError(result.error, diagram.body),
					line && diagram.sourceLines[line - 1],
				);
			}
			const problem = checkRenderedSvg(result.svg);
			if (problem) {
				throw new DiagramProblem(
					`Mermaid's ${theme} drawing cannot be shipped: ${problem}. Check the diagram's syntax and labels, and remove any %%{init}%% settings.`,
				);
			}
		}
		const [light, dark] = results as [BrowserResult, BrowserResult];
		const result: RenderedDiagram = {
			light: light.svg,
			dark: dark.svg,
			title: diagram.title,
			description: diagram.description,
			type: diagram.type,
			labels: light.labels,
			width: light.width,
		};
		this.#cache.set(key, result);
		this.#stats.rendered++;
		// Renders overlap in time (pages compile concurrently), so report wall time, not a sum.
		this.#firstStart ??= started;
		this.#stats.ms = performance.now() - this.#firstStart;
		return result;
	}

	get browserStarted() {
		return this.#browser.started;
	}

	/** Getting the browser and loading Mermaid into it, if it was started (build phase summary). */
	get mermaidStartMs() {
		return this.#browser.startMs;
	}

	/** Closes Mermaid's page, and the browser if this renderer started its own. */
	async close() {
		await this.#browser.close();
		await this.#ownBrowser?.close();
	}
}

let shared: DiagramRenderer | undefined;
/** The build's renderer, drawing in the browser the whole build shares. */
export const sharedRenderer = () => (shared ??= new DiagramRenderer({ browser: sharedBrowser() }));
