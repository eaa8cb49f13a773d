import { describe, expect, it } from 'vitest';
import { diagramFigureHtml, mergeThemes } from './figure.ts';
import { checkRenderedSvg } from './renderer.ts';

/** A two-node diagram as Mermaid serialises it, in one theme's colours. */
const svg = (id: string, { fill, text, attrFill = '#333', extra = '', important = '' }: Record<string, string>) =>
	`<svg id="${id}" width="100%" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" role="group">` +
	`<style>#${id}{font-family:Inter;fill:${text};}#${id} .node rect,#${id} .node polygon{fill:${fill}${important};stroke:#999;}#${id} .edge &gt; path{stroke:${text};}</style>` +
	`<g class="node" id="${id}-a"><rect width="40" height="20" fill="${attrFill}"/><text>Chips</text></g>${extra}</svg>`;

const light = svg('d1l', { fill: 'rgb(236, 236, 255)', text: '#333' });
const dark = svg('d1d', {
	fill: '#1f2020',
	text: '#ccc',
	extra: '<linearGradient id="d1d-n"><stop offset="0%"/></linearGradient>',
});

describe('mergeThemes', () => {
	const merged = mergeThemes(light, dark)!;

	it('keeps the drawing once, with the light rules first and the dark ones for screens not in light mode', () => {
		expect(merged.match(/<rect /g)).toHaveLength(1);
		expect(merged.match(/<style>/g)).toHaveLength(1);
		expect(merged).toContain(
			"<style>#d1l{font-family:Inter;fill:#333;}#d1l .node rect,#d1l .node polygon{fill:rgb(236, 236, 255);stroke:#999;}#d1l .edge &gt; path{stroke:#333;}@media screen{:root:not([data-theme='light']) #d1l{font-family:Inter;fill:#ccc;}:root:not([data-theme='light']) #d1l .node rect,:root:not([data-theme='light']) #d1l .node polygon{fill:#1f2020;stroke:#999;}:root:not([data-theme='light']) #d1l .edge &gt; path{stroke:#ccc;}}</style>",
		);
	});

	it('leaves out a dark rule that would change nothing, unless a dark rule that differs sets one of its properties', () => {
		const withCursor = (s: string, id: string, text: string) =>
			s.replace(
				'</style>',
				`#${id} .node{cursor:pointer;}#${id} .label{stroke:#999;}#${id} .label{stroke:${text};}</style>`,
			);
		const style = mergeThemes(withCursor(light, 'd1l', '#333'), withCursor(dark, 'd1d', '#ccc'))!;
		const darkPart = style.slice(style.indexOf('@media screen'));
		// Same in both themes and no other dark rule sets cursor: left out.
		expect(darkPart).not.toContain('cursor');
		// The same too, but a later dark rule sets stroke: kept, or the lifted later rule would beat
		// its light twin where this one should.
		expect(darkPart).toContain(":root:not([data-theme='light']) #d1l .label{stroke:#999;}");
		expect(darkPart).toContain(":root:not([data-theme='light']) #d1l .label{stroke:#ccc;}");
	});

	it('adds no dark block when the themes draw alike', () => {
		expect(mergeThemes(light, light.split('d1l').join('d1d'))).not.toContain('@media');
	});

	it('carries the gradients only the dark theme defines, under the light id', () => {
		expect(merged).toMatch(/<linearGradient id="d1l-n"><stop offset="0%"\/><\/linearGradient><\/svg>$/);
		expect(merged).not.toContain('d1d');
	});

	it('gives an SVG that passes the checks every rendered diagram passes', () => {
		expect(checkRenderedSvg(merged)).toBeUndefined();
	});

	it('leaves the two renderings apart when a colour is written into an attribute', () => {
		expect(mergeThemes(light, svg('d1d', { fill: '#1f2020', text: '#ccc', attrFill: '#eee' }))).toBeUndefined();
	});

	it('leaves them apart when the rules differ in more than their values', () => {
		expect(mergeThemes(light, svg('d1d', { fill: '#1f2020', text: '#ccc', important: ' !important' }))).toBeUndefined();
		const extraRule = dark.replace('</style>', '#d1d .cluster{fill:#000;}</style>');
		expect(mergeThemes(light, extraRule)).toBeUndefined();
	});

	it('leaves them apart when a rule would reach outside the diagram or the stylesheet has at-rules', () => {
		expect(
			mergeThemes(light.replace('#d1l .edge', 'body .edge'), dark.replace('#d1d .edge', 'body .edge')),
		).toBeUndefined();
		const atRule = (s: string, id: string) =>
			s.replace('</style>', `@keyframes ${id}-dash{to{stroke-dashoffset:0}}</style>`);
		expect(mergeThemes(atRule(light, 'd1l'), atRule(dark, 'd1d'))).toBeUndefined();
	});
});

describe('diagramFigureHtml', () => {
	const diagram = { light, dark, title: 'T', description: 'D', type: 'flowchart', labels: 'Chips', width: 100 };

	it('puts one SVG in the figure when the themes merge', () => {
		const html = diagramFigureHtml(diagram, '/');
		expect(html.match(/<svg /g)).toHaveLength(1);
		expect(html).toContain('class="diagram__theme diagram__theme--both"');
	});

	it('puts both renderings in the figure when they do not', () => {
		const html = diagramFigureHtml({ ...diagram, dark: dark.replace('fill="#333"', 'fill="#eee"') }, '/');
		expect(html.match(/<svg /g)).toHaveLength(2);
		expect(html).toContain('diagram__theme--light');
		expect(html).toContain('diagram__theme--dark');
	});
});
