/**
 * Sätteri mdast plugin: page content cannot carry code. A `<script>` (or an element that loads or
 * runs code: iframe, object, embed, base, meta, link, form), an `on…=` handler, `set:html`,
 * or a javascript: link written in Markdown/MDX fails the build naming the file and line. The
 * Content-Security-Policy would block most of these in the browser anyway; failing the build tells
 * the author now, instead of shipping something that silently does nothing. Interactive features
 * belong in components under src/, whose scripts the policy knows.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin, htmlToHast } from 'satteri';
import { SiteError } from '../site/errors.ts';
import { projectRoot } from '../site/paths.ts';
import type { HastNode } from '../build/html.ts';

const CODE_ELEMENTS = /^(script|iframe|frame|frameset|object|embed|applet|base|meta|link|form|portal)$/i;
/** Attributes that take a URL a browser may navigate to or load. */
const URL_ATTRIBUTES = /^(href|src|action|formaction|xlink:href|data|poster|srcdoc)$/i;

/** True for javascript:, vbscript: and data:text/html URLs, however spaced or cased. */
export function isScriptUrl(url: string): boolean {
	const compact = url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
	return /^(javascript|vbscript):/.test(compact) || /^data:(text\/html|image\/svg|application\/xhtml)/.test(compact);
}

/** What is unsafe about one element (name and attributes), or undefined. */
function unsafeElement(name: string, attributes: Record<string, unknown>): string | undefined {
	if (CODE_ELEMENTS.test(name)) return `<${name.toLowerCase()}>`;
	for (const [attr, value] of Object.entries(attributes)) {
		if (/^on/i.test(attr)) return `an ${attr.toLowerCase()}= event handler on <${name}>`;
		if (/^(set:html|dangerouslySetInnerHTML|is:raw)$/i.test(attr)) return `${attr} on <${name}>`;
		if (URL_ATTRIBUTES.test(attr) && typeof value === 'string' && isScriptUrl(value))
			return `a ${attr}="${value}" script link on <${name}>`;
	}
	return undefined;
}

/** The first unsafe element in raw HTML (Markdown's html nodes), parsed as a browser would. */
function unsafeInHtml(html: string): string | undefined {
	const walk = (node: HastNode): string | undefined =>
		(node.type === 'element' ? unsafeElement(node.tagName!, node.properties ?? {}) : undefined) ??
		(node.children ?? []).map(walk).find(Boolean);
	return walk(htmlToHast(html, { fragment: true }) as HastNode);
}

const ADVICE =
	'Page content cannot run scripts: the Content-Security-Policy allows only the scripts the site ships. Remove it; an interactive feature belongs in a component under src/.';

export function contentHtmlPlugin() {
	return defineMdastPlugin({
		name: 'no-code-in-content',
		options: { position: true },
		...Object.fromEntries(
			(['mdxJsxFlowElement', 'mdxJsxTextElement'] as const).map((type) => [
				type,
				(
					node: {
						name: string | null;
						attributes: { type: string; name?: string; value?: unknown }[];
						position?: { start: { line: number } };
					},
					ctx: { fileURL?: URL },
				) => {
					const attributes = Object.fromEntries(
						node.attributes.filter((a) => a.type === 'mdxJsxAttribute').map((a) => [a.name!, a.value ?? '']),
					);
					const found = node.name ? unsafeElement(node.name, attributes) : undefined;
					if (found) fail(found, node.position?.start.line, ctx.fileURL);
				},
			]),
		),
		html(node, ctx) {
			const found = unsafeInHtml(node.value);
			if (found) fail(found, node.position?.start.line, ctx.fileURL);
		},
		link(node, ctx) {
			if (isScriptUrl(node.url)) fail(`a link to "${node.url}"`, node.position?.start.line, ctx.fileURL);
		},
		image(node, ctx) {
			if (isScriptUrl(node.url)) fail(`an image from "${node.url}"`, node.position?.start.line, ctx.fileURL);
		},
		definition(node, ctx) {
			if (isScriptUrl(node.url)) fail(`a link to "${node.url}"`, node.position?.start.line, ctx.fileURL);
		},
	});
}

function fail(what: string, line = 0, fileURL?: URL): never {
	const file = fileURL ? relative(projectRoot, fileURLToPath(fileURL)) : '(unknown file)';
	throw new SiteError(`${what} in page content.`, { file, line, hint: ADVICE });
}
