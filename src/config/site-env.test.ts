import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_URL, siteEnv } from './site-env.ts';

const error = (env: Record<string, string>) => {
	try {
		siteEnv(env);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('SITE_URL and BASE_PATH', () => {
	it('defaults to the example origin at the root', () => {
		expect(siteEnv({})).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
	});

	it('normalises what is unambiguous: missing slashes, a trailing slash on the origin', () => {
		expect(siteEnv({ SITE_URL: 'https://example.org/', BASE_PATH: 'explainer' })).toEqual({
			site: 'https://example.org',
			base: '/explainer/',
		});
		expect(siteEnv({ BASE_PATH: '/a/b' }).base).toBe('/a/b/');
		expect(siteEnv({ BASE_PATH: '' }).base).toBe('/');
	});

	it.each([
		['//evil.example/', 'BASE_PATH="//evil.example/" points at another host'],
		['https://evil.example/', 'BASE_PATH="https://evil.example/" points at another host'],
		['/\\evil.example/', 'points at another host'],
		['/a//b/', 'has an empty segment'],
		['/../up/', 'has a segment ".."'],
		['/a b/', 'has a segment "a b"'],
		['/%2F/', 'has a segment "%2F"'],
	])('refuses BASE_PATH=%s', (value, message) => {
		const text = error({ BASE_PATH: value });
		expect(text).toContain(message);
		expect(text).toContain('e.g. BASE_PATH=/explainer/');
	});

	it.each([
		['not a url', 'SITE_URL="not a url" is not an absolute URL'],
		['', 'SITE_URL="" is empty'],
		['ftp://example.org', 'uses ftp:'],
		['https://user:pw@example.org', 'user name or password'],
		['https://example.org/?x=1', '?query or #fragment'],
		['javascript:alert(1)', 'uses javascript:'],
	])('refuses SITE_URL=%s', (value, message) => {
		const text = error({ SITE_URL: value });
		expect(text).toContain(message);
		expect(text).toContain('e.g. SITE_URL=https://explainer.example.org');
	});

	it('refuses a SITE_URL with a path, saying how to split it', () => {
		expect(error({ SITE_URL: 'https://example.org/sub/path/' })).toContain(
			'SITE_URL="https://example.org/sub/path/" has a path (/sub/path/). Put the origin in SITE_URL and the path in BASE_PATH, e.g. SITE_URL=https://example.org BASE_PATH=/sub/path/',
		);
	});

	it('names every bad variable at once', () => {
		const text = error({ SITE_URL: 'nope', BASE_PATH: '//x/' });
		expect(text).toMatch(/SITE_URL="nope"[\s\S]*BASE_PATH="\/\/x\/"/);
	});
});
