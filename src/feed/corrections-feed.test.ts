import { readFileSync } from 'node:fs';
import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { parseData, readData } from '../data/data.ts';
import { correctionsFeedXml } from './corrections-feed.ts';
import type { SiteInfo } from '../site/links.ts';

const site: SiteInfo = {
	name: "Amazon's $200B AI Bet, Explained",
	url: (path) => new URL(`/explainer${path}`, 'https://example.org').href,
};
const anchors: Record<string, string[]> = JSON.parse(readFileSync('content/anchors.json', 'utf8'));
const title = (page: string, section: string) => `${page} › ${section}`;

describe('corrections feed', async () => {
	const revisions = readData('revisions');
	const xml = await correctionsFeedXml(revisions, site, title);

	it('parses with rss-parser: one item per revision, dated by the revision', async () => {
		const feed = await new Parser().parseString(xml);
		expect(feed.items).toHaveLength(revisions.length);
		const dates = new Set(revisions.map((r) => r.date));
		for (const item of feed.items) expect(dates).toContain(new Date(item.pubDate!).toISOString().slice(0, 10));
		expect(new Set(feed.items.map((i) => i.guid)).size).toBe(revisions.length);
	});

	it('parses with @rowanmanning/feed-parser: each item links an existing section under the base path', () => {
		const feed = parseFeed(xml);
		expect(feed.items).toHaveLength(revisions.length);
		for (const item of feed.items) {
			const url = new URL(item.url!);
			expect(url.href.startsWith('https://example.org/explainer/')).toBe(true);
			const page = url.pathname.replace(/^\/explainer/, '');
			const section = url.hash.slice(1);
			expect(section === '_top' || anchors[page]?.includes(section), `${page}#${section}`).toBe(true);
		}
	});

	it('keeps what an author wrote as text', async () => {
		const hostile = parseData(
			'revisions',
			`- date: 2026-12-01\n  page: /aws/\n  section: rekognition\n  change: 'A <script>alert(1)</script> & "quote" ]]> change'\n  why: '<img src=x onerror=alert(1)> why'\n`,
		);
		const text = await correctionsFeedXml(hostile, site, () => '<b>Title</b>');
		expect(text).not.toMatch(/<script|<img|<b>/);
		const [item] = (await new Parser().parseString(text)).items;
		expect(item!.title).toBe('<b>Title</b>: updated');
		// The description is HTML to a reader: the author's markup arrives as escaped text, never as tags.
		expect(item!.content).not.toMatch(/<script|<img/);
		expect(item!.content).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp;');
		expect(item!.contentSnippet).toBe(
			'A <script>alert(1)</script> & "quote" ]]> change Why: <img src=x onerror=alert(1)> why',
		);
	});
});
