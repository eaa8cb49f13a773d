import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuiltPages, checkOrder, type PostBuildStep } from './pipeline.ts';

const step = (name: string, after?: string[]): PostBuildStep => ({ name, after, run: () => {} });

describe('post-build pipeline order', () => {
	it('accepts steps listed after those they need', () => {
		expect(() => checkOrder([step('a'), step('b', ['a']), step('c', ['a', 'b'])])).not.toThrow();
	});

	it('names a step listed before one it needs, and says where to move it', () => {
		expect(() => checkOrder([step('csp', ['page-scripts']), step('page-scripts')])).toThrow(
			'Post-build step "csp" must run after "page-scripts", but is listed before it: move it below "page-scripts".',
		);
	});

	it('names a step that needs one missing from the pipeline', () => {
		expect(() => checkOrder([step('link-check', ['markdown-twins'])])).toThrow(
			'Post-build step "link-check" must run after "markdown-twins", which is not in the pipeline.',
		);
	});

	it('refuses a step listed twice', () => {
		expect(() => checkOrder([step('a'), step('a')])).toThrow('Post-build step "a" is listed twice.');
	});
});

describe('built pages', () => {
	const site = () => {
		const dir = mkdtempSync(join(tmpdir(), 'built-'));
		mkdirSync(join(dir, 'aws'));
		writeFileSync(join(dir, 'index.html'), '<p>home</p>');
		writeFileSync(join(dir, 'aws', 'index.html'), '<p>aws</p>');
		writeFileSync(join(dir, 'aws.md'), '# AWS');
		return dir;
	};

	it('lists the HTML pages and shows a step what the steps before it wrote', () => {
		const pages = new BuiltPages(site());
		expect(pages.files()).toEqual(['aws/index.html', 'index.html']);
		pages.write('aws/index.html', '<p>changed</p>');
		expect(pages.read('aws/index.html')).toBe('<p>changed</p>');
		expect(pages.readPath(join(pages.dir, 'aws', 'index.html'))).toBe('<p>changed</p>');
		// Other files come from disk.
		expect(pages.readPath(join(pages.dir, 'aws.md'))).toBe('# AWS');
	});

	it('writes nothing until flushed, then each changed page once', () => {
		const dir = site();
		const pages = new BuiltPages(dir);
		const before = statSync(join(dir, 'index.html')).mtimeMs;
		pages.write('aws/index.html', '<p>one</p>');
		pages.write('aws/index.html', '<p>two</p>');
		pages.write('index.html', '<p>home</p>');
		expect(readFileSync(join(dir, 'aws', 'index.html'), 'utf8')).toBe('<p>aws</p>');
		expect(pages.flush()).toBe(1);
		expect(readFileSync(join(dir, 'aws', 'index.html'), 'utf8')).toBe('<p>two</p>');
		expect(statSync(join(dir, 'index.html')).mtimeMs).toBe(before);
	});
});
