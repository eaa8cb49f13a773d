/** How diagrams look: the font they are measured and drawn with, and Mermaid's settings per theme. */
import { createRequire } from 'node:module';
import { SAFETY_SETTINGS } from './source.ts';

const require = createRequire(import.meta.url);

export type DiagramTheme = 'light' | 'dark';

/** Self-hosted (no Google Fonts): the same files are served to readers by diagrams.css. */
export const diagramFont = {
	family: 'Inter',
	regular: require.resolve('@fontsource/inter/files/inter-latin-400-normal.woff2'),
	bold: require.resolve('@fontsource/inter/files/inter-latin-600-normal.woff2'),
};

/** Mermaid's own limits, stated here so the build can explain them to authors before Mermaid hits them. */
export const MERMAID_LIMITS = { maxTextSize: 50_000, maxEdges: 500 };

export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
	return {
		theme: theme === 'dark' ? 'dark' : 'default',
		// 'antiscript' keeps `click … href` links but strips scripts from labels.
		securityLevel: 'antiscript',
		// No diagram may change these (Mermaid drops them from %%{init}%% and front matter at any
		// depth, e.g. flowchart.htmlLabels); source.ts refuses diagrams that try.
		secure: [...SAFETY_SETTINGS],
		// A diagram Mermaid cannot draw must throw, not become an error picture in the page.
		suppressErrorRendering: true,
		...MERMAID_LIMITS,
		deterministicIds: true,
		deterministicIDSeed: 'explainer',
		fontFamily: `${diagramFont.family}, sans-serif`,
		themeVariables: { fontFamily: `${diagramFont.family}, sans-serif`, fontSize: '16px' },
		// SVG text labels, not HTML in foreignObject: they print, scale and serialise cleanly.
		htmlLabels: false,
		flowchart: { htmlLabels: false, useMaxWidth: true, wrappingWidth: 240 },
		sequence: { useMaxWidth: true },
	};
}
