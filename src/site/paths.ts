import { join } from 'node:path';

/**
 * The project root. Build-time code runs from bundled chunks under dist/, so paths relative to
 * `import.meta.url` break; every npm script and Astro command runs from the project root instead.
 */
export const projectRoot = process.env.EXPLAINER_ROOT ?? process.cwd();
export const fromRoot = (...parts: string[]) => join(projectRoot, ...parts);
