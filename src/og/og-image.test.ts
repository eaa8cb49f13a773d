import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkOgPng, renderOgImage } from './og-image.ts';

const root = mkdtempSync(join(tmpdir(), 'og-cache-'));
const dir = join(root, 'og');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const input = { title: 'A title', summary: 'A summary line.', eyebrow: 'Explainer' };

describe('link-preview image cache', { timeout: 60_000 }, () => {
	it('keeps one whole PNG per image in the build cache', async () => {
		const png = await renderOgImage(input, root);
		expect(checkOgPng(png)).toBeUndefined();
		expect(readdirSync(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{32}\.entry$/)]);
		expect(
			readFileSync(join(dir, readdirSync(dir)[0]!))
				.subarray(-png.length)
				.equals(png),
		).toBe(true);
	});

	it('draws a cached file that is not a whole PNG again instead of shipping it, and says so', async () => {
		const good = await renderOgImage(input, root);
		const [file] = readdirSync(dir);
		const entry = readFileSync(join(dir, file!));
		// A header that matches the damaged value: only the PNG check can tell.
		const half = good.subarray(0, good.length / 2);
		const { createHash } = await import('node:crypto');
		const header = entry.subarray(0, entry.indexOf(10)).toString().split(' ')[0];
		const sum = createHash('sha256').update(half).digest('hex');
		writeFileSync(join(dir, file!), Buffer.concat([Buffer.from(`${header} ${sum}\n`), half]));
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			expect((await renderOgImage(input, root)).equals(good)).toBe(true);
			expect(warn.mock.calls[0]?.[0]).toMatch(/og: ignoring a damaged cache entry .*truncated/);
			expect(readFileSync(join(dir, file!)).equals(entry)).toBe(true);
		} finally {
			warn.mockRestore();
		}
	});

	it('names what is wrong with a cached file', () => {
		expect(checkOgPng(Buffer.from('hello'))).toBe('not a PNG');
	});
});
