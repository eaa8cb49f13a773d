import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { fromRoot } from '../site/paths.ts';
import { sharedBrowser } from '../build/browser.ts';
import type { PostBuildStep } from '../build/pipeline.ts';
import { writeDiagramFonts } from './font-subset.ts';
import { sharedRenderer } from './renderer.ts';
import { mermaidFences } from './source.ts';

/** Mermaid fences in the content, read straight from the MDX files (the build has not parsed them yet). */
function diagramSources(): string[] {
	const dir = fromRoot('content', 'docs');
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((f) => /\.mdx?$/.test(f))
		.flatMap((f) => mermaidFences(readFileSync(join(dir, f), 'utf8')));
}

let logger: AstroIntegrationLogger | undefined;

/** Progress line per diagram, e.g. "diagrams: 12 rendered, 6 cached (content/docs/aws.mdx)". */
export function reportDiagram(file: string): void {
	const { rendered, cached } = sharedRenderer().stats;
	logger?.info(`${rendered} rendered, ${cached} cached (${file})`);
}

/** Starts drawing the diagrams as the build starts; the dev server gets the whole font files. */
export function diagramsIntegration(): AstroIntegration {
	return {
		name: 'diagrams',
		hooks: {
			'astro:config:setup': ({ logger: l, command, injectScript }) => {
				logger = l;
				// The browser and Mermaid take seconds to start: begin drawing now, while Astro syncs the
				// content and Vite bundles, instead of when the first page asks for its diagram.
				if (command === 'build') {
					const missing = sharedRenderer().prerender(diagramSources());
					if (missing) l.info(`${missing} diagram(s) to render: drawing them while the build goes on`);
				}
				// The built site gets the font cut down to what its diagrams show (font-subset.ts); while
				// authoring, diagrams change all the time, so the dev server serves the whole files.
				if (command === 'dev')
					injectScript(
						'page-ssr',
						`import '@fontsource/inter/latin-400.css';import '@fontsource/inter/latin-600.css';`,
					);
			},
			'astro:server:done': async () => {
				await sharedRenderer().close();
				await sharedBrowser().close();
			},
		},
	};
}

/** Prints the diagram summary, closes the browser (nothing after the diagrams needs it) and adds the font. */
export const diagramFontStep: PostBuildStep = {
	name: 'diagram-font',
	run: async ({ logger: l, base, pages }) => {
		const renderer = sharedRenderer();
		const { rendered, cached, damaged, ms } = renderer.stats;
		l.info(
			`diagrams: ${rendered} rendered, ${cached} cached${damaged ? ` (${damaged} damaged cache entr${damaged === 1 ? 'y' : 'ies'} redrawn)` : ''}, ${(ms / 1000).toFixed(1)} s${renderer.browserStarted ? '' : ' (no browser started)'}`,
		);
		await renderer.close();
		await sharedBrowser().close();
		const fonts = await writeDiagramFonts(pages, base);
		if (fonts.pages)
			l.info(
				`diagram font: ${fonts.characters} characters, ${fonts.bytes.map((b) => `${(b / 1024).toFixed(1)} KB`).join(' + ')} (regular + semibold), on ${fonts.pages} page(s)`,
			);
	},
};
