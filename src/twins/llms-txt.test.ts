import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { frontMatter, llmsFullTxt, llmsTxt } from './llms-txt.ts';

const pages = [
	{
		title: 'Overview',
		description: 'The bet\nin short.',
		twinUrl: 'https://e.org/x/index.md',
		twin: '# Overview\n\nText.\n',
	},
	{ title: 'AWS [core]', description: 'AWS.', twinUrl: 'https://e.org/x/aws.md', twin: '# AWS\n\nMore.\n' },
];

describe('llms.txt', () => {
	it('has the llmstxt.org shape: H1 name, blockquote summary, then a list of pages linking their twins', () => {
		const text = llmsTxt({ name: 'Site', description: 'What it is.', fullUrl: 'https://e.org/x/llms-full.txt' }, pages);
		const doc = new Parser().parse(text);
		const blocks: string[] = [];
		for (let n = doc.firstChild; n; n = n.next) blocks.push(n.type === 'heading' ? `h${n.level}` : n.type);
		expect(blocks).toEqual(['h1', 'block_quote', 'paragraph', 'h2', 'list']);
		expect(text).toContain('- [Overview](https://e.org/x/index.md): The bet in short.\n');
		expect(text).toContain('- [AWS \\[core\\]](https://e.org/x/aws.md): AWS.\n');
	});

	it('keeps a title or description that looks like markup as text', () => {
		const text = llmsTxt(
			{ name: 'S </title><script>x</script>', description: '<img src=x onerror=alert(1)>', fullUrl: 'https://e.org/f' },
			[{ ...pages[0]!, title: '<b>T</b>', description: '<script>alert(1)</script>' }],
		);
		expect(new HtmlRenderer().render(new Parser().parse(text))).not.toMatch(/<(script|img|b)\b/);
	});

	it('llms-full.txt is every twin in order', () => {
		expect(llmsFullTxt(pages)).toBe('# Overview\n\nText.\n\n# AWS\n\nMore.\n');
	});

	it('names the file whose front matter lacks a description', () => {
		expect(() => frontMatter('---\ntitle: A\n---\n', 'content/docs/a.mdx')).toThrow(/content\/docs\/a\.mdx:1: /);
		expect(frontMatter('---\ntitle: A\ndescription: B\nsidebar:\n  order: 3\n---\n', 'f')).toEqual({
			title: 'A',
			description: 'B',
			order: 3,
		});
	});
});
