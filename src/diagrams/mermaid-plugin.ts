/**
 * Sätteri (Astro 7's Markdown processor) mdast plugin: replaces every ```mermaid fence with the
 * finished diagram (both themes, inline SVG), rendered at build time. A fence with invalid syntax,
 * without accTitle/accDescr, with an unsafe link or setting, or that Mermaid can only draw as an
 * error fails the build naming the file and the line in it.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { SiteError } from '../site/errors.ts';
import { projectRoot } from '../site/paths.ts';
import { diagramFigureHtml } from './figure.ts';
import { DiagramProblem } from './source.ts';
import { sharedRenderer, type DiagramRenderer } from './renderer.ts';

/**
 * MDX turns raw HTML into JSX, which would HTML-escape the CSS inside <style> (quotes, `>`) and read
 * `{` in labels as code. So the CSS goes in as one JS string expression, which Astro writes verbatim,
 * and braces elsewhere become character references. Plain Markdown takes the HTML as it is.
 */
export function toMdxSafeHtml(html: string): string {
	const parts = html.split(/(<style>[\s\S]*?<\/style>)/);
	return parts
		.map((part) => {
			const style = /^<style>([\s\S]*)<\/style>$/.exec(part);
			if (style) return `<style>{${JSON.stringify(style[1])}}</style>`;
			return part.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');
		})
		.join('');
}

interface MermaidPluginOptions {
	base: string;
	renderer?: DiagramRenderer;
	/** Called per diagram so long builds can show progress. */
	onDiagram?: (file: string) => void;
}

export function mermaidPlugin({ base, renderer = sharedRenderer(), onDiagram }: MermaidPluginOptions) {
	return defineMdastPlugin({
		name: 'mermaid-diagrams',
		options: { position: true },
		async code(node, ctx) {
			if (node.lang !== 'mermaid') return;
			const file = ctx.fileURL ? relative(projectRoot, fileURLToPath(ctx.fileURL)) : '(unknown file)';
			const fence = node.position?.start.line ?? 0;
			let html: string;
			try {
				html = diagramFigureHtml(await renderer.render(node.value), base);
			} catch (error) {
				if (error instanceof DiagramProblem) {
					// Line 1 of the diagram is the line after the ```mermaid fence.
					const line = error.line ? fence + error.line : fence;
					const where = error.line ? ` (diagram line ${error.line}; the fence starts on line ${fence})` : '';
					throw new SiteError(`Mermaid diagram${where}: ${error.message}`, { file, line });
				}
				throw error;
			}
			onDiagram?.(file);
			return ctx.sourceFormat === 'mdx' ? { raw: toMdxSafeHtml(html), mdxExpressions: true } : { raw: html };
		},
	});
}
