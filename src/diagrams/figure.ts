/** Turns a rendered diagram into the HTML readers get: one figure, both themes, a caption. */
import type { RenderedDiagram } from './renderer.ts';
import { escapeHtml } from '../site/escape.ts';

/** Root-relative links from Mermaid `click` lines get the site's base path, like Markdown links do. */
function withBaseInSvg(svg: string, base: string): string {
	const prefix = base.replace(/\/+$/, '');
	if (!prefix) return svg;
	return svg.replace(/((?:xlink:)?href)="\/(?!\/)/g, `$1="${prefix}/`);
}

/** Below this scale labels would drop under ~12 px (Mermaid draws them at 16 px), so scroll instead. */
const MIN_SCALE = 0.75;

/** Starlight's default, and the no-JS state, is dark; its toggle sets data-theme on <html>. */
const DARK_SCREEN = ":root:not([data-theme='light'])";

const STYLE = /<style>([^<]*)<\/style>/g;
const GRADIENT = /<linearGradient\b[^>]*>[\s\S]*?<\/linearGradient>/g;
const rootId = (svg: string) => /^<svg\b[^>]*?\sid="([^"]+)"/.exec(svg)?.[1];

interface Rule {
	selectors: string[];
	declarations: string;
	/** Property names and !important flags in order: what must match between the two themes. */
	shape: string;
}

/** Commas that separate selectors, not those inside :is(…) or [attr="a,b"]. */
function splitSelectors(list: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let start = 0;
	for (let i = 0; i < list.length; i++) {
		const c = list[i];
		if (c === '(' || c === '[') depth++;
		else if (c === ')' || c === ']') depth--;
		else if (c === ',' && depth === 0) {
			out.push(list.slice(start, i).trim());
			start = i + 1;
		}
	}
	out.push(list.slice(start).trim());
	return out;
}

/** Mermaid's stylesheet as flat rules, or undefined if it holds anything else (at-rules, nesting). */
function parseRules(css: string): Rule[] | undefined {
	const rules: Rule[] = [];
	let consumed = 0;
	for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
		if (css.slice(consumed, m.index).trim()) return undefined;
		consumed = m.index + m[0].length;
		const selectorText = m[1]!.trim();
		if (selectorText.startsWith('@')) return undefined;
		const names = m[2]!
			.split(';')
			.map((d) => d.trim())
			.filter(Boolean)
			.map((d) => `${d.slice(0, d.indexOf(':')).trim()}${/!important\s*$/.test(d) ? '!' : ''}`);
		rules.push({ selectors: splitSelectors(selectorText), declarations: m[2]!, shape: names.join(';') });
	}
	return css.slice(consumed).trim() ? undefined : rules;
}

/**
 * The two renderings as one SVG, when Mermaid drew the same picture in different colours (most
 * diagrams): the light one, with the dark theme's rules (those that would change nothing left out)
 * added for screens not in light mode, so the shapes and labels are in the page once instead of
 * twice. Print keeps the light colours.
 * Undefined when the renderings differ in anything but their stylesheet and colour gradients (a
 * theme colour written into an attribute, as xychart does; ids numbered differently); the page
 * then carries both renderings.
 */
export function mergeThemes(light: string, dark: string): string | undefined {
	const lightId = rootId(light);
	const darkId = rootId(dark);
	if (!lightId || !darkId || !light.endsWith('</svg>')) return undefined;
	// One id for both, so the dark rules (written for #<dark id>) select the light rendering.
	const darkAsLight = dark.split(darkId).join(lightId);
	const lightStyles = [...light.matchAll(STYLE)];
	const darkStyles = [...darkAsLight.matchAll(STYLE)];
	if (lightStyles.length !== 1 || darkStyles.length !== 1) return undefined;
	const shapes = (svg: string) => svg.replace(STYLE, '').replace(GRADIENT, '');
	if (shapes(light) !== shapes(darkAsLight)) return undefined;

	const lightRules = parseRules(lightStyles[0]![1]!);
	const darkRules = parseRules(darkStyles[0]![1]!);
	if (!lightRules || !darkRules || lightRules.length !== darkRules.length) return undefined;
	const ownSelector = new RegExp(`^#${lightId}(?![\\w-])`);
	const properties = (rule: Rule) => rule.shape.split(';').map((name) => name.replace(/!$/, ''));
	// A dark rule the same as its light twin can be left out only when no dark rule that differs sets
	// any of its properties: lifted above every light rule, that one would otherwise win where the
	// left-out rule used to.
	const changed = new Set(
		darkRules.filter((rule, i) => rule.declarations !== lightRules[i]?.declarations).flatMap(properties),
	);
	const overrides: string[] = [];
	for (const [i, rule] of darkRules.entries()) {
		const twin = lightRules[i]!;
		if (rule.shape !== twin.shape || rule.selectors.join(',') !== twin.selectors.join(',')) return undefined;
		// Every rule stays inside this diagram; the prefix only lifts it above its light twin.
		if (!rule.selectors.every((s) => ownSelector.test(s))) return undefined;
		if (rule.declarations === twin.declarations && !properties(rule).some((name) => changed.has(name))) continue;
		overrides.push(`${rule.selectors.map((s) => `${DARK_SCREEN} ${s}`).join(',')}{${rule.declarations}}`);
	}

	// Gradients only the dark theme defines (paint servers: where they sit in the SVG does not matter).
	const lightGradients = new Set(light.match(GRADIENT) ?? []);
	const extraGradients = (darkAsLight.match(GRADIENT) ?? []).filter((g) => !lightGradients.has(g));
	const gradientId = (g: string) => /\sid="([^"]+)"/.exec(g)?.[1];
	const lightGradientIds = new Set([...lightGradients].map(gradientId));
	if (extraGradients.some((g) => lightGradientIds.has(gradientId(g)))) return undefined;

	const darkRulesCss = overrides.length ? `@media screen{${overrides.join('')}}` : '';
	const style = `<style>${lightStyles[0]![1]}${darkRulesCss}</style>`;
	const merged = light.replace(lightStyles[0]![0], () => style);
	return `${merged.slice(0, -'</svg>'.length)}${extraGradients.join('')}</svg>`;
}

export function diagramFigureHtml(diagram: RenderedDiagram, base: string): string {
	const minWidth = Math.round(diagram.width * MIN_SCALE);
	const merged = mergeThemes(diagram.light, diagram.dark);
	return [
		`<figure class="diagram" data-diagram-type="${escapeHtml(diagram.type)}" data-diagram-labels="${escapeHtml(diagram.labels)}" data-pagefind-index-attrs="data-diagram-labels">`,
		`<div class="diagram__scroll" style="--diagram-min-width:${minWidth}px" tabindex="0" role="group" aria-label="${escapeHtml(`Diagram: ${diagram.title}`)}">`,
		...(merged
			? [`<div class="diagram__theme diagram__theme--both">${withBaseInSvg(merged, base)}</div>`]
			: [
					`<div class="diagram__theme diagram__theme--light">${withBaseInSvg(diagram.light, base)}</div>`,
					`<div class="diagram__theme diagram__theme--dark">${withBaseInSvg(diagram.dark, base)}</div>`,
				]),
		`</div>`,
		`<figcaption>${escapeHtml(diagram.title)}</figcaption>`,
		`</figure>`,
	].join('');
}
