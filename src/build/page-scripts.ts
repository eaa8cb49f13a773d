/**
 * One script file per page instead of nine. Astro emits each component's <script> (Starlight's
 * theme and language selects, table of contents, search button, prefetch; ours) as a module of its
 * own, and two of them import a further chunk, so a page fetched nine files in two round trips
 * before its controls worked. After the build, this bundles the modules every article page lists,
 * in their page order, into one file (esbuild, with code splitting so the search dialog stays a
 * separate file loaded on intent), and points every page at it: the bundle after the text, the
 * chunk it shares with that dialog in the head (useBundle). Pages that list a subset (no table of
 * contents) get the same file: the modules they lack only define custom elements those pages do not
 * use. Fewer requests, and no chain of them.
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, sep } from 'node:path';
import { build } from 'esbuild';
import { editHtml, htmlElements, type HtmlElement } from './html.ts';
import type { PostBuildStep } from './pipeline.ts';

/** The page's own `_astro/` module script elements, in page order. */
function moduleScriptElements(elements: HtmlElement[], base: string): HtmlElement[] {
	const prefix = `${base}_astro/`;
	return elements.filter((e) => {
		const file = e.attrs.src?.startsWith(prefix) ? e.attrs.src.slice(prefix.length) : '';
		return e.name === 'script' && e.attrs.type === 'module' && /^[^/]+\.js$/.test(file);
	});
}

/** The `_astro/` module files a page loads, in page order. */
export function moduleScripts(html: string, base: string, elements = htmlElements(html)): string[] {
	return moduleScriptElements(elements, base).map((e) => e.attrs.src!.slice(`${base}_astro/`.length));
}

/** True when every item of `list` appears in `order`, in the same relative order. */
export function inOrder(list: string[], order: string[]): boolean {
	let at = 0;
	for (const item of list) {
		at = order.indexOf(item, at);
		if (at < 0) return false;
		at++;
	}
	return true;
}

/**
 * The page without its module scripts; instead, at the end of its `<head>` the chunk that starts
 * search, run as soon as it arrives (`async`), and at the end of its `<body>` the bundle and the
 * other chunks it imports (preloaded). The bundle is deferred either way, so it runs no sooner from
 * the head; found there, it is fetched beside the stylesheet and, on a slow line, delays the first
 * paint by the time its bytes take. Module scripts run in document order, so the bundle would now
 * run after any other module script on the page: a page with one is refused.
 */
export function useBundle(
	html: string,
	base: string,
	bundle: string,
	chunks: string[],
	early: string,
	elements = htmlElements(html),
): string {
	const tag = (c: string) => `<script type="module"${c === early ? ' async' : ''} src="${base}_astro/${c}"></script>`;
	const preloads = chunks.filter((c) => c !== early).map((c) => `<link rel="modulepreload" href="${base}_astro/${c}">`);
	const head = elements.find((e) => e.name === 'head');
	const body = elements.find((e) => e.name === 'body');
	if (!head || !body) throw new Error(`page scripts: the page has no <${head ? 'body' : 'head'}>.`);
	const ours = moduleScriptElements(elements, base);
	const other = elements.find((e) => e.name === 'script' && e.attrs.type === 'module' && !ours.includes(e));
	if (other)
		throw new Error(
			`page scripts: a module script not from _astro/ (${other.attrs.src ?? 'inline'}) would run before the bundle moved after it.`,
		);
	return editHtml(html, [
		...ours.map(({ start, end }) => ({ start, end, text: '' })),
		{ start: head.innerEnd, end: head.innerEnd, text: tag(early) },
		{ start: body.innerEnd, end: body.innerEnd, text: `${preloads.join('')}${tag(bundle)}` },
	]);
}

/** Astro names a component's script after the component: this is src/search/Search.astro's. */
const SEARCH_MODULE = /^Search\.astro_astro_type_script_index_0_lang\.[^/]+\.js$/;

/**
 * The bundle's inputs (esbuild's metafile, paths relative to _astro/) that no page needs any more:
 * not loaded by a page itself nor imported through one.
 */
export function unusedInputs(
	inputs: Record<string, { imports: { path: string }[] }>,
	stillLoaded: Set<string>,
): string[] {
	const keep = new Set<string>();
	const visit = (path: string) => {
		if (keep.has(path)) return;
		keep.add(path);
		for (const i of inputs[path]?.imports ?? []) visit(i.path);
	};
	for (const path of Object.keys(inputs)) if (stillLoaded.has(path)) visit(path);
	// Only the files of _astro/ itself; stdin's entry has no file.
	return Object.keys(inputs).filter((p) => !keep.has(p) && !p.includes('/') && !p.startsWith('<'));
}

export const pageScriptsStep: PostBuildStep = {
	name: 'page-scripts',
	phase: 'page scripts (one file per page)',
	run: async ({ dir, base, logger, pages: built }) => {
		const assets = join(dir, '_astro');
		const pages = built.files().map((file) => {
			const html = built.read(file);
			return { file, html, modules: moduleScripts(html, base, built.elements(file)) };
		});
		// The longest list is the order; only pages whose modules all appear in it, in that order, change.
		const order = pages.reduce<string[]>((a, p) => (p.modules.length > a.length ? p.modules : a), []);
		const targets = pages.filter((p) => p.modules.length > 1 && inOrder(p.modules, order));
		if (!targets.length) return;

		// From stdin, with paths relative to _astro/: the output (names included) depends only on
		// the modules, not on where the site is built, so two builds stay byte-identical.
		const result = await build({
			stdin: {
				contents: order.map((m) => `import ${JSON.stringify(`./${m}`)};\n`).join(''),
				resolveDir: assets,
				sourcefile: 'page-scripts.js',
			},
			absWorkingDir: assets,
			bundle: true,
			splitting: true,
			format: 'esm',
			// Astro's output is already built for its browser targets: nothing to lower again.
			target: 'esnext',
			minify: true,
			charset: 'utf8',
			legalComments: 'none',
			outdir: assets,
			entryNames: 'page-scripts.[hash]',
			chunkNames: 'page-scripts-chunk.[hash]',
			metafile: true,
			logLevel: 'silent',
		});
		const outputs = Object.entries(result.metafile.outputs);
		// Metafile paths are relative to absWorkingDir (_astro/).
		const name = (path: string) => path.split(sep).join('/').replace(/^\.\//, '');
		const [bundlePath, bundleMeta] = outputs.find(([, o]) => o.entryPoint)!;
		const chunks = bundleMeta.imports.filter((i) => i.kind === 'import-statement').map((i) => name(i.path));
		// Module scripts wait for the whole page to be parsed, which on a slow phone comes long after
		// the first paint. The search button's module goes in the chunk the page shares with the
		// search dialog (search-ui.ts imports from it), so that chunk can run as soon as it arrives
		// and the bundle, run later, finds it already evaluated. That only works if the chunk waits
		// for nothing else: checked here, so a change in how the modules split fails loudly.
		const early = outputs.find(([, o]) => Object.keys(o.inputs).some((i) => SEARCH_MODULE.test(name(i))));
		if (!early || !chunks.includes(name(early[0])) || early[1].imports.some((i) => i.kind === 'import-statement'))
			throw new Error(
				`page scripts: the search button's module (src/search/Search.astro) is not in a chunk of its own that imports nothing, so it cannot run before the page is parsed (outputs: ${outputs.map(([p]) => name(p)).join(', ')}).`,
			);
		const earlyChunk = name(early[0]);
		for (const page of targets) {
			try {
				const html = useBundle(page.html, base, name(bundlePath), chunks, earlyChunk, built.elements(page.file));
				built.write(page.file, html);
			} catch (error) {
				throw new Error(`${page.file}: ${(error as Error).message}`);
			}
		}
		const bundled = unusedInputs(
			result.metafile.inputs,
			new Set(pages.flatMap((p) => moduleScripts(built.read(p.file), base, built.elements(p.file)))),
		);
		for (const file of bundled) rmSync(join(assets, file), { force: true });
		// A removed module named in a shipped script (a preload list, say) would be fetched and 404.
		for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
			const text = readFileSync(join(assets, file), 'utf8');
			const named = bundled.filter((gone) => text.includes(gone));
			if (named.length)
				throw new Error(`page scripts: _astro/${file} still names ${named.join(', ')}, bundled and removed.`);
		}
		logger.info(
			`page scripts: ${order.length} modules in one file (${(bundleMeta.bytes / 1024).toFixed(1)} KB) + ${chunks.length} chunk(s), search's run early (${(early[1].bytes / 1024).toFixed(1)} KB), on ${targets.length} pages`,
		);
	},
};
