import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { sharedRenderer } from './renderer.ts';

let logger: AstroIntegrationLogger | undefined;

/** Progress line per diagram, e.g. "diagrams: 12 rendered, 6 cached (content/docs/aws.mdx)". */
export function reportDiagram(file: string): void {
	const { rendered, cached } = sharedRenderer().stats;
	logger?.info(`${rendered} rendered, ${cached} cached (${file})`);
}

/** Prints the diagram summary at the end of a build and closes the shared browser. */
export function diagramsIntegration(): AstroIntegration {
	return {
		name: 'diagrams',
		hooks: {
			'astro:config:setup': ({ logger: l }) => {
				logger = l;
			},
			'astro:build:done': async ({ logger: l }) => {
				const renderer = sharedRenderer();
				const { rendered, cached, ms } = renderer.stats;
				l.info(
					`diagrams: ${rendered} rendered, ${cached} cached, ${(ms / 1000).toFixed(1)} s${renderer.browserStarted ? '' : ' (no browser started)'}`,
				);
				await renderer.close();
			},
			'astro:server:done': async () => {
				await sharedRenderer().close();
			},
		},
	};
}
