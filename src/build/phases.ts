/**
 * Where a build's time goes, printed as one line per phase at the end of every build (and written
 * to .cache/build-phases.json for `npm run bench`):
 *
 *   phases: astro (content, bundling, pages) 5.1 s
 *   phases: diagrams 2.0 s (browser start 0.8 s; 8 rendered, 0 cached)
 *   ...
 *
 * Integrations are timed from the outside (`timedIntegrations` wraps their hooks), so no
 * integration needs to know about this; work that runs inside page rendering (diagrams, preview
 * images) reports its own time with `recordPhase`. One registry per process, on globalThis,
 * because page rendering runs from bundled chunks that have their own copy of this module.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { fromRoot } from '../article/paths.ts';
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

/** Which phase an integration's hook belongs to; hooks not named here count as Astro's own work. */
const PHASE_OF: Record<string, string> = {
	'article-coverage': 'checks (content, links, anchors, CSP hashes)',
	'link-check': 'checks (content, links, anchors, CSP hashes)',
	'content-security': 'checks (content, links, anchors, CSP hashes)',
	'search-vocabulary': 'pagefind',
	'search-meaning': 'search meaning index',
	'critical-css': 'critical CSS',
	'page-scripts': 'page scripts (one file per page)',
	'@astrojs/starlight astro:build:done': 'pagefind',
};

const ASTRO = 'astro (content, bundling, pages)';

/** Times every hook of `integrations` into its phase. */
export function timedIntegrations(integrations: AstroIntegration[]): AstroIntegration[] {
	return integrations.map((integration) => {
		const hooks = Object.fromEntries(
			Object.entries(integration.hooks).map(([hook, fn]) => [
				hook,
				async (...args: unknown[]) => {
					const started = performance.now();
					try {
						return await (fn as (...a: unknown[]) => unknown)(...args);
					} finally {
						const phase = PHASE_OF[`${integration.name} ${hook}`] ?? PHASE_OF[integration.name];
						if (phase) recordPhase(phase, performance.now() - started);
						else hooksInAstroTime += performance.now() - started;
					}
				},
			]),
		);
		return { ...integration, hooks } as AstroIntegration;
	});
}

let hooksInAstroTime = 0;

/** Goes last in the integrations: prints the summary when everything else is done. */
export function buildPhases(): AstroIntegration {
	// From the start of the process: Astro's own start-up counts too.
	const started = 0;
	let buildDone = 0;
	return {
		name: 'build-phases',
		hooks: {
			'astro:build:generated': () => {
				buildDone = performance.now();
			},
			'astro:build:done': async ({ logger }) => {
				// Normally closed once the diagrams are drawn; this covers builds where that did not run.
				await sharedBrowser().close();
				const end = performance.now();
				const astroMs = (buildDone || end) - started - (registry.get(PHASE_OF['article-coverage']!)?.ms ?? 0);
				const phases: [string, Phase][] = [
					[ASTRO, { ms: astroMs, detail: 'diagrams and preview images are drawn in here' }],
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
				phases.push(['total', { ms: end - started }]);
				for (const [name, { ms, detail }] of phases) {
					logger.info(`${name}: ${(ms / 1000).toFixed(1)} s${detail ? ` (${detail})` : ''}`);
				}
				mkdirSync(fromRoot('.cache'), { recursive: true });
				writeFileSync(
					fromRoot('.cache', 'build-phases.json'),
					`${JSON.stringify(Object.fromEntries(phases.map(([n, p]) => [n, { ms: Math.round(p.ms), detail: p.detail }])), null, '\t')}\n`,
				);
			},
		},
	};
}
