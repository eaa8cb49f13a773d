import { describe, expect, it } from 'vitest';
import { inOrder, moduleScripts, unusedInputs, useBundle } from './page-scripts.ts';

const page = (base: string) =>
	`<head><script type="module" src="${base}_astro/page.A.js"></script></head><body>` +
	`<script type="module" src="${base}_astro/Search.astro_astro_type_script_index_0_lang.B.js"></script>` +
	`<script type="module">inline()</script><script type="module" src="https://cdn.example/x.js"></script>` +
	`<script type="module" src="${base}_astro/Page.C.js"></script></body>`;

describe('moduleScripts', () => {
	it("lists the page's own _astro modules in page order, not inline or outside ones", () => {
		expect(moduleScripts(page('/'), '/')).toEqual([
			'page.A.js',
			'Search.astro_astro_type_script_index_0_lang.B.js',
			'Page.C.js',
		]);
	});

	it('reads them under a base path', () => {
		expect(moduleScripts(page('/explainer/'), '/explainer/')).toHaveLength(3);
		expect(moduleScripts(page('/explainer/'), '/')).toEqual([]);
	});
});

describe('inOrder', () => {
	const order = ['a', 'b', 'c', 'd'];
	it('accepts a list whose items all appear in the order, in that order', () => {
		expect(inOrder(['a', 'c', 'd'], order)).toBe(true);
		expect(inOrder(order, order)).toBe(true);
	});
	it('refuses one that runs a module before one it came after, or one the order lacks', () => {
		expect(inOrder(['c', 'a'], order)).toBe(false);
		expect(inOrder(['a', 'e'], order)).toBe(false);
	});
});

describe('useBundle', () => {
	const ownPage =
		'<head><script type="module" src="/explainer/_astro/page.A.js"></script></head><body><main></main>' +
		'<script type="module" src="/explainer/_astro/Search.astro_astro_type_script_index_0_lang.B.js"></script></body>';
	it("puts search's chunk at the end of the head, async, the bundle and its other chunks at the end of the body, and drops the modules", () => {
		const html = useBundle(
			ownPage,
			'/explainer/',
			'page-scripts.X.js',
			['page-scripts-chunk.Z.js', 'page-scripts-chunk.Y.js'],
			'page-scripts-chunk.Y.js',
		);
		expect(html).toBe(
			'<head><script type="module" async src="/explainer/_astro/page-scripts-chunk.Y.js"></script></head><body><main></main>' +
				'<link rel="modulepreload" href="/explainer/_astro/page-scripts-chunk.Z.js"><script type="module" src="/explainer/_astro/page-scripts.X.js"></script></body>',
		);
	});
	it('refuses a page with another module script, which would now run before the bundle', () => {
		expect(() => useBundle(page('/'), '/', 'page-scripts.X.js', ['c.Y.js'], 'c.Y.js')).toThrow(
			'a module script not from _astro/ (inline) would run before the bundle moved after it',
		);
	});
	it('refuses a page without a body', () => {
		expect(() => useBundle('<head></head>', '/', 'page-scripts.X.js', ['c.Y.js'], 'c.Y.js')).toThrow(
			'the page has no <body>',
		);
	});
});

describe('unusedInputs', () => {
	const inputs = {
		'<stdin>': { imports: [{ path: 'page.A.js' }, { path: 'Search.B.js' }] },
		'page.A.js': { imports: [{ path: 'shared.C.js' }] },
		'Search.B.js': { imports: [{ path: 'shared.C.js' }, { path: 'search-ui.D.js' }] },
		'shared.C.js': { imports: [] },
		'search-ui.D.js': { imports: [] },
	};
	it('drops every bundled module no page loads', () => {
		expect(unusedInputs(inputs, new Set()).sort()).toEqual([
			'Search.B.js',
			'page.A.js',
			'search-ui.D.js',
			'shared.C.js',
		]);
	});
	it('keeps a module a page still loads, and what it imports', () => {
		expect(unusedInputs(inputs, new Set(['page.A.js'])).sort()).toEqual(['Search.B.js', 'search-ui.D.js']);
	});
});
