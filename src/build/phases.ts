/**
 * Where a build's time goes, printed as one line per phase at the end of every build (and written
 * to .cache/build-phases.json for `npm run bench`):
 *
 *   astro (content, bundling, pages): 5.1 s
 *   diagrams: 2.0 s (browser start 0.8 s; 8 rendered, 0 cached)
 *   ...
 *
 * The post-build pipeline times each of its steps (pipeline.ts); work that runs inside page
 * rendering (diagrams, preview images) reports its own time with `recordPhase`. One registry per
 * process, on globalThis, because page rendering runs from bundled chunks that have their own copy
 * of this module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AstroIntegrationLogger } from 'astro';
import { fromRoot } from '../site/paths.ts';
import { sharedRenderer } from '../diagrams/renderer.ts';
import { sharedBrowser } from './browser.ts';

interface Phase {
	ms: number;
	detail?: string;
}

const registry = ((globalThis as { __explainerBuildPhases?: Map<string, Phase> }).__explainerBuildPhases ??= new Map());

/** Adds `ms` to a phase (phases that run in pieces accumulate); `detail` replaces the previous one. */
export function recordPhase(name: string, ms: number, detail?: string): void {
	const phase = registry.get(name) ?? { ms: 0 };
	phase.ms += ms;
	if (detail !== undefined) phase.detail = detail;
	registry.set(name, phase);
}

let astroDone = 0;

/** Marks the end of Astro's own work (content, bundling, pages): the post-build pipeline's start. */
export function startAstroPhase(): void {
	astroDone = performance.now();
}

/** Prints one line per phase and writes them to .cache/build-phases.json; closes the diagram browser. */
export async function printPhases(logger: AstroIntegrationLogger): Promise<void> {
	// Normally closed once the diagrams are drawn; this covers builds where that did not run.
	await sharedBrowser().close();
	// From the start of the process: Astro's own start-up counts too.
	const end = performance.now();
	const phases: [string, Phase][] = [
		[
			'astro (content, bundling, pages)',
			{ ms: astroDone || end, detail: 'diagrams and preview images are drawn in here' },
		],
	];
	const diagrams = sharedRenderer();
	const { rendered, cached, ms } = diagrams.stats;
	const { startMs } = sharedBrowser();
	const browser = startMs === undefined ? 'no browser started' : `browser start ${(startMs / 1000).toFixed(1)} s`;
	const mermaid =
		diagrams.mermaidStartMs === undefined
			? ''
			: `; Mermaid ready ${(diagrams.mermaidStartMs / 1000).toFixed(1)} s after it was asked for`;
	phases.push(['diagrams', { ms, detail: `${browser}${mermaid}; ${rendered} rendered, ${cached} cached` }]);
	for (const [name, phase] of registry) phases.push([name, phase]);
	phases.push(['total', { ms: end }]);
	for (const [name, { ms, detail }] of phases) {
		logger.info(`${name}: ${(ms / 1000).toFixed(1)} s${detail ? ` (${detail})` : ''}`);
	}
	mkdirSync(fromRoot('.cache'), { recursive: true });
	writeFileSync(
		fromRoot('.cache', 'build-phases.json'),
		`${JSON.stringify(Object.fromEntries(phases.map(([n, p]) => [n, { ms: Math.round(p.ms), detail: p.detail }])), null, '\t')}\n`,
	);
}
