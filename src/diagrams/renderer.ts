/**
 * Renders Mermaid diagrams to SVG at build time with the real `mermaid` package in headless
 * Chromium (the project's browser resolver finds it; playwright-core drives it). One browser
 * serves the whole build; results are cached on disk by a hash of everything that affects them,
 * so a rebuild with unchanged diagrams starts no browser at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fromRoot } from '../article/paths.ts';
import { parseDiagramSource, type DiagramSource } from './source.ts';
import { diagramFont, mermaidConfig, type DiagramTheme } from './theme.ts';

const require = createRequire(import.meta.url);
const mermaidVersion: string = require('mermaid/package.json').version;
/** Bump when the post-processing changes, so cached SVGs are rendered again. */
const RENDERER_VERSION = 5;

export interface RenderedDiagram {
	/** SVG for each theme, ids not yet made page-unique (see svg.ts). */
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

export class DiagramSyntaxError extends Error {}

export interface RenderStats {
	rendered: number;
	cached: number;
	ms: number;
}

/** Rendered SVGs live here between builds (gitignored via .cache/). */
export const defaultCacheDir = () => fromRoot('.cache', 'diagrams');

export function diagramHash(source: string): string {
	return createHash('sha256')
		.update(
			JSON.stringify({
				source,
				mermaidVersion,
				RENDERER_VERSION,
				config: [mermaidConfig('light'), mermaidConfig('dark')],
				font: diagramFont.family,
			}),
		)
		.digest('hex')
		.slice(0, 16);
}

interface BrowserResult {
	svg: string;
	error?: string;
	labels: string;
	width: number;
}
type BrowserRender = (args: {
	source: string;
	id: string;
	title: string;
	description: string;
	config: Record<string, unknown>;
}) => Promise<BrowserResult>;

class MermaidBrowser {
	startMs?: number;
	#browser?: Promise<Browser>;
	#page?: Promise<Page>;
	#queue: Promise<unknown> = Promise.resolve();

	async #open(): Promise<Page> {
		const started = performance.now();
		const page = await this.#launch();
		this.startMs = performance.now() - started;
		return page;
	}

	async #launch(): Promise<Page> {
		const { chromium } = await import('playwright-core');
		// @ts-ignore -- plain JS module shared with the build scripts
		const { ensureBrowser, CHROMIUM_ARGS } = await import('../../scripts/find-browser.mjs');
		this.#browser = chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
		const browser = await this.#browser;
		const page = await browser.newPage();
		const fontUrl = `data:font/woff2;base64,${readFileSync(diagramFont.regular).toString('base64')}`;
		const fontBoldUrl = `data:font/woff2;base64,${readFileSync(diagramFont.bold).toString('base64')}`;
		await page.setContent(
			`<!doctype html><html><head><style>
			@font-face{font-family:'${diagramFont.family}';src:url(${fontUrl}) format('woff2');font-weight:400}
			@font-face{font-family:'${diagramFont.family}';src:url(${fontBoldUrl}) format('woff2');font-weight:600 700}
			body{font-family:'${diagramFont.family}';margin:0}
			</style></head><body><div id="stage" style="width:1200px"></div></body></html>`,
		);
		await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
		await page.addScriptTag({ path: fromRoot('src/diagrams/browser-postprocess.js') });
		// Labels are measured as the page will draw them: wait until the font is really loaded.
		await page.evaluate(async (family) => {
			await Promise.all([document.fonts.load(`400 16px '${family}'`), document.fonts.load(`600 16px '${family}'`)]);
		}, diagramFont.family);
		return page;
	}

	render(diagram: DiagramSource, id: string, theme: DiagramTheme): Promise<BrowserResult> {
		// One diagram at a time: Mermaid keeps global state while rendering.
		const task = this.#queue.then(async () => {
			this.#page ??= this.#open();
			const page = await this.#page;
			const fn: BrowserRender = async ({ source, id, title, description, config }) => {
				const w = window as any;
				w.mermaid.initialize({ startOnLoad: false, ...config });
				try {
					await w.mermaid.parse(source);
				} catch (error) {
					return { svg: '', error: String((error as Error)?.message ?? error), labels: '', width: 0 };
				}
				const stage = document.getElementById('stage')!;
				const { svg } = await w.mermaid.render(id, source, stage);
				stage.innerHTML = svg;
				const el = stage.querySelector('svg')!;
				w.postprocessDiagramSvg(el, title, description);
				// A wrapped label is one <text> with a <tspan> per line: join lines with spaces.
				const texts = [...el.querySelectorAll('text')]
					.map((t) => {
						const rows = [...t.querySelectorAll('tspan')].filter((r) => !r.querySelector('tspan'));
						const raw = rows.length ? rows.map((r) => r.textContent).join(' ') : (t.textContent ?? '');
						return raw.replace(/\s+/g, ' ').trim();
					})
					.filter(Boolean);
				const labels = [...new Set(texts)].join(' · ');
				const width = Math.ceil(el.getBoundingClientRect().width);
				// XML, not HTML: void elements such as <br/> must be self-closed to survive MDX's parser.
				const html = new XMLSerializer().serializeToString(el);
				stage.innerHTML = '';
				return { svg: html, labels, width };
			};
			return page.evaluate(fn, {
				source: diagram.body,
				id,
				title: diagram.title,
				description: diagram.description,
				config: mermaidConfig(theme),
			});
		});
		this.#queue = task.catch(() => undefined);
		return task;
	}

	/** Starts the browser and loads Mermaid now, so that work overlaps the rest of the build. */
	warmUp() {
		this.#page ??= this.#open();
		this.#page.catch(() => undefined); // a failure surfaces on the first render instead
	}

	get started() {
		return this.#browser !== undefined;
	}

	async close() {
		const browser = this.#browser;
		this.#browser = undefined;
		this.#page = undefined;
		if (browser) await (await browser).close();
	}
}

/** One renderer per process (one build, or one dev server). */
export class DiagramRenderer {
	#browser = new MermaidBrowser();
	#cacheDir: string;
	stats: RenderStats = { rendered: 0, cached: 0, ms: 0 };
	#firstStart?: number;

	constructor({ cacheDir = defaultCacheDir() }: { cacheDir?: string } = {}) {
		this.#cacheDir = cacheDir;
	}

	/** Throws DiagramAccessibilityError or DiagramSyntaxError with a message for the author. */
	async render(source: string): Promise<RenderedDiagram> {
		const started = performance.now();
		const diagram = parseDiagramSource(source);
		const hash = diagramHash(source);
		const file = join(this.#cacheDir, `${hash}.json`);
		if (existsSync(file)) {
			this.stats.cached++;
			return JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
		}
		const light = await this.#browser.render(diagram, `d${hash}l`, 'light');
		if (light.error !== undefined) throw new DiagramSyntaxError(light.error);
		const dark = await this.#browser.render(diagram, `d${hash}d`, 'dark');
		if (dark.error !== undefined) throw new DiagramSyntaxError(dark.error);
		const result: RenderedDiagram = {
			light: light.svg,
			dark: dark.svg,
			title: diagram.title,
			description: diagram.description,
			type: diagram.type,
			labels: light.labels,
			width: light.width,
		};
		mkdirSync(this.#cacheDir, { recursive: true });
		writeFileSync(file, JSON.stringify(result));
		this.stats.rendered++;
		// Renders overlap in time (pages compile concurrently), so report wall time, not a sum.
		this.#firstStart ??= started;
		this.stats.ms = performance.now() - this.#firstStart;
		return result;
	}

	get browserStarted() {
		return this.#browser.started;
	}

	/** Launching the browser and loading Mermaid into it, if it was started (build phase summary). */
	get browserStartMs() {
		return this.#browser.startMs;
	}

	/** True when rendering `source` would need the browser (it is not in the cache). */
	needsRender(source: string): boolean {
		return !existsSync(join(this.#cacheDir, `${diagramHash(source)}.json`));
	}

	/** Starts the browser early if any of these diagrams is not cached yet; returns how many are not. */
	warmUpFor(sources: string[]): number {
		const missing = sources.filter((s) => this.needsRender(s)).length;
		if (missing) this.#browser.warmUp();
		return missing;
	}

	async close() {
		await this.#browser.close();
	}
}

let shared: DiagramRenderer | undefined;
export const sharedRenderer = () => (shared ??= new DiagramRenderer());
