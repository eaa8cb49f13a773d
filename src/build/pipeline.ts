/**
 * The work done over the built site, as one pipeline: after Astro (and Starlight's Pagefind) have
 * written it, the steps run in the order they are listed, each declaring the steps it must follow,
 * and the order is checked when the configuration loads. Pages are read once, passed from step to
 * step in memory (`BuiltPages`) with their elements parsed once per version (html.ts: steps edit
 * at parsed places, not by pattern), and each changed page is written once, after the last step: a step
 * that fails leaves no page half-rewritten (and scripts/build.mjs keeps the previous site).
 *
 * Each step is timed into its own phase of the build summary (phases.ts).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { htmlElements, type HtmlElement } from './html.ts';
import { printPhases, recordPhase, startAstroPhase } from './phases.ts';

/** The built site's HTML pages, read once; a step's change is seen by the steps after it. */
export class BuiltPages {
	readonly dir: string;
	#files: string[];
	#html = new Map<string, string>();
	#changed = new Set<string>();
	#parsed = new Map<string, { html: string; elements: HtmlElement[] }>();

	constructor(dir: string) {
		this.dir = dir;
		this.#files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((f) => f.endsWith('.html'))
			.map((f) => f.split('\\').join('/'))
			.sort();
	}

	/** Paths of the pages relative to the site's folder (`aws/index.html`), sorted. */
	files(): string[] {
		return this.#files;
	}

	read(file: string): string {
		let html = this.#html.get(file);
		if (html === undefined) this.#html.set(file, (html = readFileSync(join(this.dir, file), 'utf8')));
		return html;
	}

	/** The page's elements with their places (html.ts), parsed once for each version of the page. */
	elements(file: string): HtmlElement[] {
		const html = this.read(file);
		let parsed = this.#parsed.get(file);
		if (parsed?.html !== html) this.#parsed.set(file, (parsed = { html, elements: htmlElements(html) }));
		return parsed.elements;
	}

	/** Reads a file by its absolute path: a page from memory, anything else from disk. */
	readPath = (path: string): string => {
		const file = path.startsWith(`${this.dir}/`) ? path.slice(this.dir.length + 1) : undefined;
		return file !== undefined && this.#files.includes(file) ? this.read(file) : readFileSync(path, 'utf8');
	};

	write(file: string, html: string): void {
		if (this.read(file) === html) return;
		this.#html.set(file, html);
		this.#changed.add(file);
	}

	/** Writes every changed page; returns how many. */
	flush(): number {
		for (const file of this.#changed) writeFileSync(join(this.dir, file), this.#html.get(file)!);
		const count = this.#changed.size;
		this.#changed.clear();
		return count;
	}
}

export interface BuiltSite {
	/** The folder the site was built into. */
	dir: string;
	/** The base path, with a trailing slash: '/' or '/explainer/'. */
	base: string;
	/** The configured origin, when there is one. */
	site: URL | undefined;
	/** The project's folder. */
	root: string;
	logger: AstroIntegrationLogger;
	pages: BuiltPages;
}

export interface PostBuildStep {
	name: string;
	/** The phase of the build summary its time counts in (default: its name). */
	phase?: string;
	/** Steps that must have run before this one. */
	after?: string[];
	run(site: BuiltSite): void | Promise<void>;
}

/** Throws, naming the step, when a step's `after` names a step that is missing or listed later. */
export function checkOrder(steps: PostBuildStep[]): void {
	const seen = new Set<string>();
	const names = new Set(steps.map((s) => s.name));
	for (const step of steps) {
		if (seen.has(step.name)) throw new Error(`Post-build step "${step.name}" is listed twice.`);
		for (const before of step.after ?? []) {
			if (!names.has(before))
				throw new Error(`Post-build step "${step.name}" must run after "${before}", which is not in the pipeline.`);
			if (!seen.has(before))
				throw new Error(
					`Post-build step "${step.name}" must run after "${before}", but is listed before it: move it below "${before}".`,
				);
		}
		seen.add(step.name);
	}
}

/**
 * The integration that runs `steps` after the build. It must come after Starlight's, whose own
 * `astro:build:done` writes the Pagefind index the search steps read; that is checked too.
 */
export function postBuildPipeline(steps: PostBuildStep[]): AstroIntegration {
	checkOrder(steps);
	let root = process.cwd();
	let base = '/';
	let site: URL | undefined;
	return {
		name: 'post-build-pipeline',
		hooks: {
			'astro:config:done': ({ config }) => {
				const names = config.integrations.map((i) => i.name);
				const starlight = names.indexOf('@astrojs/starlight');
				if (starlight < 0 || names.indexOf('post-build-pipeline') < starlight)
					throw new Error('The post-build pipeline must come after Starlight, which writes the search index it reads.');
				root = fileURLToPath(config.root);
				base = config.base.replace(/\/?$/, '/');
				site = config.site ? new URL(config.site) : undefined;
			},
			'astro:build:generated': () => startAstroPhase(),
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir).replace(/\/$/, '');
				const built: BuiltSite = { dir: out, base, site, root, logger, pages: new BuiltPages(out) };
				for (const step of steps) {
					const started = performance.now();
					try {
						await step.run(built);
					} finally {
						recordPhase(step.phase ?? step.name, performance.now() - started);
					}
				}
				built.pages.flush();
				await printPhases(logger);
			},
		},
	};
}
