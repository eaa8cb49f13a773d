import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { markdownTwin } from './markdown-twin.ts';
import { mermaidFences } from '../diagrams/source.ts';

const page = (content: string) =>
	`<!doctype html><html><head><title>t</title><style>p{}</style></head><body><nav><a href="/x/">Nav</a></nav><main><h1 id="_top">AWS <em>plan</em></h1><p class="page-meta">6 min read</p><div class="sl-markdown-content">${content}</div></main><footer>foot</footer></body></html>`;
const twin = (content: string, mermaidSources: string[] = []) =>
	markdownTwin({
		html: page(content),
		pageUrl: 'https://example.org/explainer/aws/',
		mermaidSources,
		file: 'content/docs/aws.mdx',
	});
const html = (markdown: string) => new HtmlRenderer().render(new Parser().parse(markdown));

describe('markdownTwin', () => {
	it('keeps the title and each heading with its anchor, and leaves out the heading link and hidden words', () => {
		const md = twin(
			'<div class="sl-heading-wrapper level-h2"><h2 id="the-core">The core</h2><a class="sl-anchor-link" href="#the-core"><span class="sr-only">Section titled</span></a><button class="copy-link">Copy</button></div><p>Text<span hidden data-search-synonyms> ⟦also: x⟧</span></p>',
		);
		expect(md).toMatch(/^# AWS _plan_\n/);
		expect(md).toContain('## The core {#the-core}\n');
		expect(md).not.toMatch(/Section titled|Copy|⟦|6 min read|Nav|foot/);
		expect(html(md)).toContain('<h2>The core {#the-core}</h2>');
	});

	it('makes every link absolute under the base path and glossary terms plain words', () => {
		const md = twin(
			'<p>See <a href="/explainer/source/#p3">paragraph 3</a> and <a class="term" href="/explainer/glossary/#aws">AWS</a>.</p>',
		);
		expect(md).toContain('See [paragraph 3](https://example.org/explainer/source/#p3) and AWS.');
	});

	it('keeps a quote verbatim with its paragraph link', () => {
		const md = twin(
			'<figure class="article-quote"><blockquote cite="/explainer/source/#p3"><p>AWS, the world’s leading cloud platform powering millions of businesses\nglobally.</p></blockquote><figcaption><a href="/explainer/source/#p3">Article, paragraph 3</a></figcaption></figure>',
		);
		expect(md).toContain('> AWS, the world’s leading cloud platform powering millions of businesses globally.\n');
		expect(md).toContain('— [Article, paragraph 3](https://example.org/explainer/source/#p3)');
	});

	it('marks a box of outside context as context', () => {
		const md = twin(
			'<aside class="starlight-aside starlight-aside--note"><p class="starlight-aside__title"><svg class="starlight-aside__icon"></svg>Note</p><div class="starlight-aside__content"><p>Outside fact.</p></div></aside>',
		);
		expect(md).toContain('> **Context: Note**\n>\n> Outside fact.');
	});

	it('gives a diagram its title, description and Mermaid source', () => {
		const source = 'flowchart TB\n  accTitle: T\n  a --> b';
		const md = twin(
			'<figure class="diagram"><div><svg><title>How it links</title><desc>A to B.</desc><g></g></svg></div><figcaption>How it links</figcaption></figure>',
			mermaidFences(`Intro\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`),
		);
		expect(md).toContain(`**Diagram: How it links**\n\nA to B.\n\n\`\`\`mermaid\n${source}\n\`\`\``);
		expect(() => twin('<figure class="diagram"><svg></svg></figure>')).toThrow(/content\/docs\/aws\.mdx: .*mermaid/);
	});

	it('keeps what an author wrote as text: markup in the page text stays escaped', () => {
		const md = twin('<p>&lt;script&gt;alert(1)&lt;/script&gt; and *stars*</p>');
		expect(html(md)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and *stars*');
	});
});
