import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorsInDist, checkAnchors, parseRedirects, updateRegistry, type AnchorRegistry } from './anchors.ts';

// One folder per case: site/ (a built dist/ in miniature), anchors.json (what was published),
// optional redirects.yaml, and expected.txt ('ok' or the start of the one expected error).
const fixturesDir = join(import.meta.dirname, 'anchor-fixtures');

function loadFixture(name: string) {
	const dir = join(fixturesDir, name);
	const redirectsFile = join(dir, 'redirects.yaml');
	return {
		redirects: parseRedirects(existsSync(redirectsFile) ? readFileSync(redirectsFile, 'utf8') : ''),
		published: JSON.parse(readFileSync(join(dir, 'anchors.json'), 'utf8')) as AnchorRegistry,
		current: anchorsInDist(join(dir, 'site')),
		expected: readFileSync(join(dir, 'expected.txt'), 'utf8').trim(),
	};
}

describe('published anchors check', () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, () => {
			const { redirects, published, current, expected } = loadFixture(name);
			const { broken } = checkAnchors(published, current, redirects);
			if (expected === 'ok') expect(broken).toEqual([]);
			else {
				expect(broken).toHaveLength(1);
				expect(broken[0]).toContain(expected);
			}
		});
	}

	it('rejects a redirect to an anchor that does not exist either', () => {
		const { broken } = checkAnchors(
			{ '/aws/': ['old'] },
			{ '/aws/': ['new'] },
			parseRedirects('anchors:\n  /aws/#old: /aws/#typo\n'),
		);
		expect(broken[0]).toContain('redirects to /aws/#typo, which does not exist');
	});

	it('reports anchors not yet published', () => {
		expect(checkAnchors({}, { '/aws/': ['new'] }, parseRedirects('')).unpublished).toEqual(['/aws/#new']);
	});
});

// The same cases through `npm run anchors:update`: it must refuse exactly what the build refuses.
describe('anchors:update', () => {
	for (const name of readdirSync(fixturesDir)) {
		it(name, () => {
			const { redirects, published, current, expected } = loadFixture(name);
			if (expected !== 'ok') {
				expect(() => updateRegistry(published, current, redirects)).toThrow(expected);
				return;
			}
			const next = updateRegistry(published, current, redirects);
			// Everything on the site is recorded, and nothing published is forgotten.
			for (const [page, anchors] of Object.entries(current))
				expect(next[page]).toEqual(expect.arrayContaining(anchors));
			for (const [page, anchors] of Object.entries(published))
				expect(next[page]).toEqual(expect.arrayContaining(anchors));
		});
	}
});

describe('the real registry', () => {
	it('is valid JSON listing the section pages', () => {
		const registry = JSON.parse(readFileSync('content/anchors.json', 'utf8'));
		expect(Object.keys(registry)).toEqual(expect.arrayContaining(['/aws/', '/source/', '/glossary/']));
		expect(registry['/source/']).toEqual(expect.arrayContaining(['p1', 'p14']));
	});
});
