/**
 * The Content-Security-Policy allows only scripts the site ships:
 *
 * - Astro's `security.csp` hashes the scripts it bundles (component `<script>` tags).
 * - `shippedInlineScriptHashes()` hashes the `<script is:inline>` blocks of the components the site
 *   renders (Starlight's theme and sidebar scripts, and any of ours), read from their source files
 *   when the config loads, minified: Astro writes them as they are in the source, comments and
 *   indentation included, into every page, and `contentSecurityStep()` swaps in the minified text.
 *   Nothing is harvested from the built pages, so a script that reaches a page through content is
 *   never allowed.
 *
 * After the build, `contentSecurityStep()` moves each page's policy `<meta>` to the top of `<head>`
 * (Astro writes it last, after the title, JSON-LD and the theme script; a policy only governs what
 * comes after it), then checks every page as a browser would parse it: each executable inline
 * script must be allowed by the page's policy, every script `src` must be on this site, and no
 * element may carry an event handler or a javascript: URL. Anything else fails the build, naming
 * the page.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { transformSync } from 'esbuild';
import { htmlToHast } from 'satteri';
import { fromRoot } from '../site/paths.ts';
import { isScriptUrl } from './content-html.ts';
import { speculationRulesText } from '../linking/speculation-rules.ts';
import { Cache } from '../build/cache.ts';
import { editHtml, htmlElements, type HastNode, type HtmlEdit, type HtmlElement } from '../build/html.ts';
import type { PostBuildStep } from '../build/pipeline.ts';

const require = createRequire(import.meta.url);

/** A CSP hash source without its quotes, as Astro's config takes it: sha256-<base64>. */
export const sha256 = (text: string): `sha256-${string}` =>
	`sha256-${createHash('sha256').update(text).digest('base64')}`;

/** Folders of components whose inline scripts the site may render. */
function componentDirs(): string[] {
	const starlightComponents = dirname(require.resolve('@astrojs/starlight/components/Page.astro'));
	return [starlightComponents, join(starlightComponents, '..', 'user-components'), fromRoot('src')];
}

/** The text of every `<script is:inline>` in an .astro file, exactly as Astro writes it to the page. */
export function inlineScriptsInComponent(source: string): string[] {
	return [...source.matchAll(/<script\b[^>]*\bis:inline\b[^>]*>([\s\S]*?)<\/script>/g)]
		.filter((m) => !/\bdefine:vars\b/.test(m[0].slice(0, m[0].indexOf('>'))))
		.map((m) => m[1]!);
}

/**
 * Each component inline script as Astro writes it, with its minified form (a classic script:
 * esbuild renames nothing at its top level, which other scripts may read).
 */
function shippedInlineScripts(dirs = componentDirs()): Map<string, string> {
	const scripts = new Set<string>();
	for (const dir of dirs) {
		for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
			if (file.endsWith('.astro'))
				for (const script of inlineScriptsInComponent(readFileSync(join(dir, file), 'utf8'))) scripts.add(script);
		}
	}
	// Read when the config loads and again by the step: minified once, then from the build cache.
	const minified = new Cache<string[]>({
		name: 'inline-scripts',
		code: ['src/security/csp.ts'],
		check: (value) => (value.length === scripts.size ? undefined : 'not one minified script per script'),
	}).memoSync([...scripts], () =>
		[...scripts].map((script) => transformSync(script, { loader: 'js', minify: true }).code.trim()),
	);
	return new Map([...scripts].map((script, i) => [script, minified[i]!]));
}

export function shippedInlineScriptHashes(dirs = componentDirs()): `sha256-${string}`[] {
	return [...new Set([...shippedInlineScripts(dirs).values()].map(sha256))].sort();
}

const isPolicy = (e: HtmlElement) =>
	e.name === 'meta' && e.attrs['http-equiv']?.toLowerCase() === 'content-security-policy';
const inlineScripts = (elements: HtmlElement[]) => elements.filter((e) => e.name === 'script' && !('src' in e.attrs));

/**
 * The page as it ships, in one edit of the parsed page: each shipped inline script (found by its
 * exact text) in its minified form; the policy `<meta>` first in `<head>` (after `<meta charset>`,
 * which must lead); and in the policy only the script hashes that page uses, those of its own
 * inline scripts and `runtime` ones (scripts its code adds, such as the speculation rules). The
 * site's list holds every component's inline scripts, most of which a given page does not have; the
 * shorter list is a tighter policy and about 400 bytes less on every page. Only hashes already in
 * the policy are kept, never added, so checkPage still fails a script the site does not ship.
 */
export function securePage(
	html: string,
	scripts: Map<string, string>,
	runtime: readonly string[] = [],
	elements = htmlElements(html),
): string {
	const edits: HtmlEdit[] = [];
	const used = new Set(runtime.map((h) => `'${h}'`));
	for (const { innerStart: start, innerEnd: end } of inlineScripts(elements)) {
		const text = html.slice(start, end);
		const minified = scripts.get(text);
		if (minified !== undefined) edits.push({ start, end, text: minified });
		used.add(`'${sha256(minified ?? text)}'`);
	}
	const metas = elements.filter(isPolicy);
	const head = elements.find((e) => e.name === 'head');
	if (metas.length !== 1 || !head) return editHtml(html, edits);
	const meta = metas[0]!;
	const narrowed = html.slice(meta.start, meta.end).replace(
		/(script-src\s)([^;"]*)/,
		(_, name: string, sources: string) =>
			name +
			sources
				.split(' ')
				.filter((source) => !/^'sha(256|384|512)-/.test(source) || used.has(source))
				.join(' '),
	);
	const first = elements[elements.indexOf(head) + 1];
	const charsetFirst = first && first.start < head.innerEnd && first.name === 'meta' && 'charset' in first.attrs;
	const at = charsetFirst ? first.end : head.innerStart;
	edits.push({ start: meta.start, end: meta.end, text: '' }, { start: at, end: at, text: narrowed });
	return editHtml(html, edits);
}

const DATA_SCRIPT = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;

/** What in this page could run script the site does not ship. */
export function checkPage(html: string): string[] {
	const problems: string[] = [];
	const root = htmlToHast(html) as HastNode;
	const head = root.children?.find((n) => n.tagName === 'html')?.children?.find((n) => n.tagName === 'head');
	const headElements = (head?.children ?? []).filter((n) => n.type === 'element');
	const policyIndex = headElements.findIndex(
		(n) => String(n.properties?.httpEquiv ?? '').toLowerCase() === 'content-security-policy',
	);
	const policy = policyIndex === -1 ? '' : String(headElements[policyIndex]!.properties?.content ?? '');
	const scriptSrc = /(?:^|;)\s*script-src\s([^;]*)/.exec(policy)?.[1]?.split(/\s+/) ?? [];
	if (policyIndex === -1) problems.push('no Content-Security-Policy <meta> in <head>');
	else if (headElements.slice(0, policyIndex).some((n) => !('charSet' in (n.properties ?? {}))))
		problems.push(`the policy <meta> comes after <${headElements[0]!.tagName}>, so it does not govern it`);
	const walk = (node: HastNode) => {
		if (node.type === 'element') {
			const props = node.properties ?? {};
			if (node.tagName === 'script') {
				const type = String(props.type ?? '');
				const text = (node.children ?? []).map((c) => c.value ?? '').join('');
				if (props.src !== undefined) {
					const src = String(props.src);
					if (!/^\/(?!\/)/.test(src)) problems.push(`a script from outside the site: ${src}`);
				} else if (!DATA_SCRIPT.test(type) && !scriptSrc.includes(`'${sha256(text)}'`)) {
					problems.push(`an inline script the site does not ship: ${JSON.stringify(text.trim().slice(0, 80))}`);
				}
			}
			for (const [name, value] of Object.entries(props)) {
				if (/^on/i.test(name)) problems.push(`an ${name.toLowerCase()}= handler on <${node.tagName}>`);
				else if (
					typeof value === 'string' &&
					/^(href|src|action|formAction|xLinkHref)$/.test(name) &&
					isScriptUrl(value)
				)
					problems.push(`a ${value} link on <${node.tagName}>`);
			}
		}
		node.children?.forEach(walk);
	};
	walk(root);
	return problems;
}

/**
 * Minifies each page's inline scripts, puts its policy first and checks it. After every step that
 * changes pages: it must see the final HTML.
 */
export const contentSecurityStep: PostBuildStep = {
	name: 'content-security',
	phase: 'checks (content, links, anchors, CSP hashes)',
	after: ['page-scripts', 'diagram-font'],
	run: async ({ dir, root, base, logger, pages: built }) => {
		// A page checked before, unchanged since, needs no second parse (src/build/cache.ts).
		const checks = new Cache<string[]>({
			name: 'csp-check',
			code: ['src/security/csp.ts', 'src/security/content-html.ts'],
		});
		const scripts = shippedInlineScripts();
		// The one script the site's code adds as pages run (src/linking/prerender-on-intent.ts).
		const runtime = [sha256(speculationRulesText(base))];
		const failures: string[] = [];
		let pages = 0;
		for (const file of built.files()) {
			// Astro's redirect pages are a bare meta refresh, without a head of Astro's.
			if (!built.elements(file).some((e) => isPolicy(e) || e.name === 'script')) continue;
			const html = securePage(built.read(file), scripts, runtime, built.elements(file));
			built.write(file, html);
			pages++;
			for (const problem of await checks.memo([html], () => checkPage(html))) failures.push(`/${file}: ${problem}`);
		}
		if (failures.length) {
			throw new Error(
				`Content-Security-Policy check failed (${failures.length}): pages would run script the site does not ship. If content put it there, remove it from the page's source; if a component changed, its script must be bundled or is:inline.\n  - ${failures.join('\n  - ')}`,
			);
		}
		logger.info(
			`csp: policy first in <head> and only shipped scripts on ${pages} pages (${relative(root, dir) || '.'})`,
		);
	},
};
