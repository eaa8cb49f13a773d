import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { baseLinksPlugin } from './base-links.ts';

// One folder per case: input.md (frontmatter `base:` sets the site base) and output.html.
// UPDATE_FIXTURES=1 rewrites the outputs; review the diff before committing.
const fixturesDir = join(import.meta.dirname, 'fixtures');

describe('base-links Sätteri plugin', () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, () => {
			const input = readFileSync(join(fixturesDir, name, 'input.md'), 'utf8');
			const base = /^base:\s*(\S+)/m.exec(input)?.[1] ?? '/';
			const markdown = input.replace(/^---[\s\S]*?---\n/, '');
			const { html } = markdownToHtml(markdown, { hastPlugins: [baseLinksPlugin(base)] });
			const expectedFile = join(fixturesDir, name, 'output.html');
			if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, html);
			expect(existsSync(expectedFile), `${expectedFile} is missing; run with UPDATE_FIXTURES=1`).toBe(true);
			expect(html).toBe(readFileSync(expectedFile, 'utf8'));
		});
	}
});
