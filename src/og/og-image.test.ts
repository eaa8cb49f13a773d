import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkOgPng, renderOgImage } from './og-image.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'og-cache-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const input = { title: 'A title', summary: 'A summary line.', eyebrow: 'Explainer', siteName: 'Site' };

describe('link-preview image cache', { timeout: 60_000 }, () => {
	it('writes whole PNGs by rename (no temporary files left)', async () => {
		const png = await renderOgImage(input, cacheDir);
		expect(checkOgPng(png)).toBeUndefined();
		expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{16}\.png$/)]);
	});

	it('draws a truncated cache entry again instead of shipping it, and says so', async () => {
		const good = await renderOgImage(input, cacheDir);
		const [file] = readdirSync(cacheDir);
		writeFileSync(join(cacheDir, file!), good.subarray(0, good.length / 2));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			expect((await renderOgImage(input, cacheDir)).equals(good)).toBe(true);
			expect(warn.mock.calls[0]?.[0]).toContain('og: ignoring a damaged cache entry');
			expect(readFileSync(join(cacheDir, file!)).equals(good)).toBe(true);
		} finally {
			warn.mockRestore();
		}
	});

	it('names what is wrong with a cached file', () => {
		expect(checkOgPng(Buffer.from('hello'))).toBe('not a PNG');
	});
});
