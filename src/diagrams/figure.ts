/** Turns a rendered diagram into the HTML readers get: one figure, both themes, a caption. */
import type { RenderedDiagram } from './renderer.ts';

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Root-relative links from Mermaid `click` lines get the site's base path, like Markdown links do. */
export function withBaseInSvg(svg: string, base: string): string {
	const prefix = base.replace(/\/+$/, '');
	if (!prefix) return svg;
	return svg.replace(/((?:xlink:)?href)="\/(?!\/)/g, `$1="${prefix}/`);
}

/** Below this scale labels would drop under ~12 px (Mermaid draws them at 16 px), so scroll instead. */
const MIN_SCALE = 0.75;

export function diagramFigureHtml(diagram: RenderedDiagram, base: string): string {
	const minWidth = Math.round(diagram.width * MIN_SCALE);
	return [
		`<figure class="diagram" data-diagram-type="${escapeAttr(diagram.type)}" data-diagram-labels="${escapeAttr(diagram.labels)}" data-pagefind-index-attrs="data-diagram-labels">`,
		`<div class="diagram__scroll" style="--diagram-min-width:${minWidth}px" tabindex="0" role="group" aria-label="${escapeAttr(`Diagram: ${diagram.title}`)}">`,
		`<div class="diagram__theme diagram__theme--light">${withBaseInSvg(diagram.light, base)}</div>`,
		`<div class="diagram__theme diagram__theme--dark">${withBaseInSvg(diagram.dark, base)}</div>`,
		`</div>`,
		`<figcaption>${escapeText(diagram.title)}</figcaption>`,
		`</figure>`,
	].join('');
}
