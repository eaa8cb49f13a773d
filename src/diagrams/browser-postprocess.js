// @ts-check
/**
 * Loaded as a plain script into the page that renders diagrams (not bundled, so nothing a bundler
 * adds can break it). Makes every id inside an SVG unique to its diagram and theme (Mermaid reuses
 * ids across diagrams, e.g. sequence actors and edge ids, and repeats some within one SVG), and gives
 * every diagram type the same accessible name and description.
 * @param {SVGSVGElement} svg
 * @param {string} title
 * @param {string} description
 */
function postprocessDiagramSvg(svg, title, description) {
	const prefix = svg.id;
	/** @type {Map<string, string>} */
	const renamed = new Map();
	let n = 0;
	for (const el of svg.querySelectorAll('[id]')) {
		const fresh = `${prefix}-${(n++).toString(36)}`;
		if (!renamed.has(el.id)) renamed.set(el.id, fresh);
		el.id = fresh;
	}
	if (renamed.size) {
		/** @param {string} s */
		const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const olds = [...renamed.keys()].sort((a, b) => b.length - a.length).map(escape);
		const ref = new RegExp(`#(${olds.join('|')})(?![\\w-])`, 'g');
		/** @param {string} text */
		const swap = (text) => text.replace(ref, (_, old) => `#${renamed.get(old)}`);
		for (const el of [svg, ...svg.querySelectorAll('*')]) {
			for (const attr of [...el.attributes]) {
				if (attr.value.includes('#')) el.setAttribute(attr.name, swap(attr.value));
			}
		}
		for (const style of svg.querySelectorAll('style')) style.textContent = swap(style.textContent ?? '');
	}
	slimDiagramSvg(svg);
	// Mermaid writes links as xlink:href only, which Chromium does not expose as links to assistive
	// technology; SVG 2's plain href it does. A link's name is its label's text, whose lines are
	// separate elements: without the label a reader would hear "The $200billion bet".
	for (const link of svg.querySelectorAll('a')) {
		const target = link.getAttribute('xlink:href');
		if (target !== null && !link.hasAttribute('href')) {
			link.setAttribute('href', target);
			link.removeAttribute('xlink:href');
		}
		const name = labelText(link);
		if (name) link.setAttribute('aria-label', name);
	}
	svg.querySelectorAll(':scope > title, :scope > desc').forEach((el) => el.remove());
	const ns = 'http://www.w3.org/2000/svg';
	const titleEl = document.createElementNS(ns, 'title');
	titleEl.id = `${prefix}-title`;
	titleEl.textContent = title;
	const descEl = document.createElementNS(ns, 'desc');
	descEl.id = `${prefix}-desc`;
	descEl.textContent = description;
	svg.prepend(titleEl, descEl);
	// An image role hides its children from assistive technology, so diagrams with links stay a group.
	svg.setAttribute('role', svg.querySelector('a') ? 'group' : 'img');
	svg.setAttribute('aria-labelledby', titleEl.id);
	svg.setAttribute('aria-describedby', descEl.id);
	svg.removeAttribute('aria-roledescription');
}
/**
 * The words of a label (or of everything in `el`), spaced as drawn: a wrapped label is one <text>
 * with a <tspan> per line and per word, so its text content runs lines together.
 * @param {Element} el
 */
function labelText(el) {
	const words = [...el.querySelectorAll('tspan')].filter((t) => !t.querySelector('tspan'));
	const raw = words.length ? words.map((t) => t.textContent).join(' ') : (el.textContent ?? '');
	return raw.replace(/\s+/g, ' ').trim();
}
/**
 * Mermaid ships every diagram with its whole theme stylesheet, marker and symbol library and
 * 15-digit coordinates. Keep what this SVG uses: CSS rules that match something, definitions that
 * something references, attributes a rule selects on, and coordinates to 1/100 px (far below what a
 * screen can show).
 * @param {SVGSVGElement} svg
 */
function slimDiagramSvg(svg) {
	for (const style of svg.querySelectorAll('style')) {
		const sheet = style.sheet;
		if (!sheet) continue;
		/** @type {string[]} */
		const kept = [];
		const animations = new Set();
		for (const rule of sheet.cssRules) {
			if (rule instanceof CSSStyleRule) {
				let used = false;
				try {
					used = svg.matches(rule.selectorText) || svg.querySelector(rule.selectorText) !== null;
				} catch {
					used = true; // a selector this browser cannot test: keep it rather than guess
				}
				if (!used) continue;
				const name = rule.style.getPropertyValue('animation-name') || rule.style.getPropertyValue('animation');
				name.split(/[\s,]+/).forEach((n) => animations.add(n));
				kept.push(rule.cssText);
			} else kept.push(rule.cssText);
		}
		style.textContent = kept
			.filter((text) => {
				const keyframes = /^@keyframes\s+([\w-]+)/.exec(text);
				return !keyframes || animations.has(keyframes[1]);
			})
			.join('');
	}
	// Mermaid's data attributes (edge points as base64, ids, kinds) serve its own scripts, which
	// readers never run; keep those a kept rule selects on.
	const css = [...svg.querySelectorAll('style')].map((style) => style.textContent ?? '').join('');
	for (const el of svg.querySelectorAll('*')) {
		for (const { name } of [...el.attributes]) {
			if (name.startsWith('data-') && !css.includes(`[${name}`)) el.removeAttribute(name);
		}
	}
	for (const def of svg.querySelectorAll('defs > [id], marker[id], symbol[id]')) {
		if (!svg.outerHTML.includes(`#${def.id}`)) def.remove();
	}
	svg.querySelectorAll('defs').forEach((d) => d.childElementCount === 0 && d.remove());
	// Attributes that hold coordinates or lengths.
	const numeric = /^(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry|width|height|points|viewBox|style|refX|refY|dx|dy)$/;
	for (const el of [svg, ...svg.querySelectorAll('*')]) {
		for (const { name, value } of [...el.attributes]) {
			if (numeric.test(name) && /\d\.\d{3}/.test(value)) {
				el.setAttribute(
					name,
					value.replace(/(\d+\.\d\d)\d+/g, (_, kept) => String(Number(kept))),
				);
			}
		}
	}
}

// @ts-ignore -- exposed for page.evaluate
window.postprocessDiagramSvg = postprocessDiagramSvg;
