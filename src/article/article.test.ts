import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

describe('loadArticle', () => {
	const root = mkdtempSync(join(tmpdir(), 'article-'));
	afterAll(() => {
		vi.unstubAllEnvs();
		rmSync(root, { recursive: true, force: true });
	});

	it('reads the article again once the file has changed, as after an edit in npm run dev', async () => {
		const file = join(root, 'content/source/article.txt');
		mkdirSync(join(root, 'content/source'), { recursive: true });
		writeFileSync(file, 'First paragraph.\n');
		vi.stubEnv('EXPLAINER_ROOT', root);
		vi.resetModules();
		const { loadArticle } = await import('./article.ts');
		expect(loadArticle().paragraphs.map((p) => p.text)).toEqual(['First paragraph.']);
		writeFileSync(file, 'First paragraph.\n\nA second one.\n');
		utimesSync(file, new Date(), new Date(Date.now() + 10_000));
		expect(loadArticle().paragraphs.map((p) => p.text)).toEqual(['First paragraph.', 'A second one.']);
	});
});
