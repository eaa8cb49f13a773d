import { describe, expect, it } from 'vitest';
import { planQuery } from './query.ts';
import {
	markWords,
	mergePageData,
	mergeWordResults,
	rankSections,
	sameWord,
	type PageData,
	type WeightedLocation,
} from './rank.ts';

describe('mergeWordResults', () => {
	it('puts pages with more of the words first, then by their best score', () => {
		const r = (id: string, score: number) => ({ id, score });
		const merged = mergeWordResults([[r('a', 1), r('b', 5)], [r('a', 2), r('c', 9)], undefined]);
		expect(merged.map((page) => page.map((x) => `${x.id}${x.score}`))).toEqual([['a1', 'a2'], ['c9'], ['b5']]);
	});
});

describe('mergePageData', () => {
	it('keeps every search’s matches of a page, section by section', () => {
		const loc = (location: number) => ({ weight: 1, balanced_score: 1, location });
		const data = (subs: [string, number][]): PageData => ({
			url: '/x/',
			excerpt: '',
			meta: {},
			sub_results: subs.map(([url, at]) => ({ title: url, url, excerpt: '', weighted_locations: [loc(at)] })),
		});
		const merged = mergePageData([
			data([
				['/x/#a', 1],
				['/x/#b', 5],
			]),
			data([['/x/#b', 6]]),
		]);
		expect(merged.sub_results.map((s) => [s.url, s.weighted_locations.map((l) => l.location)])).toEqual([
			['/x/#a', [1]],
			['/x/#b', [5, 6]],
		]);
	});
});

/** A page whose text is `words`; sections start at the given word positions with their titles. */
function page(url: string, title: string, text: string, sections: [title: string, id: string, at: number][]) {
	const words = text.split(' ');
	const subs = sections.map(([t, id, at], i) => {
		const end = sections[i + 1]?.[2] ?? words.length;
		return { title: t, url: `${url}#${id}`, excerpt: '', weighted_locations: [] as WeightedLocation[], at, end };
	});
	return {
		words,
		match(terms: string[], weights: Record<number, number> = {}, meta: PageData['meta'] = {}): PageData {
			const data = subs.map((s) => ({
				...s,
				weighted_locations: words
					.map((w, location) => ({ w, location }))
					.filter(({ w, location }) => location >= s.at && location < s.end && terms.some((t) => w.startsWith(t)))
					.map(({ location }) => {
						const weight = weights[location] ?? 1;
						return { weight, balanced_score: 512 * weight * weight, location };
					}),
			}));
			return {
				url,
				excerpt: '',
				meta: { title, ...meta },
				raw_content: text,
				sub_results: data.filter((s) => s.weighted_locations.length),
			};
		},
	};
}

describe('rankSections', () => {
	it('puts the section with the reader’s phrase before one with the same words apart', () => {
		const p = page('/business/', 'Business', 'service for customers here . AI inside customer service fraud', [
			['Beyond cloud', 'beyond', 0],
			['AI inside', 'inside', 5],
		]);
		const ranked = rankSections([p.match(['custom', 'servic'])], planQuery('customer service'));
		expect(ranked[0]!.url).toBe('/business/#inside');
	});
	it('ranks sections with every query word first', () => {
		const p = page('/risks/', 'Risks', 'bias bias bias . bias and security', [
			['One', 'one', 0],
			['Two', 'two', 4],
		]);
		const ranked = rankSections([p.match(['bias', 'secur'])], planQuery('bias security'));
		expect(ranked.map((s) => s.url)).toEqual(['/risks/#two', '/risks/#one']);
	});
	it('a heading match beats a passing mention', () => {
		const p = page('/x/', 'X', 'latency . text about latency', [
			['Latency', 'latency', 0],
			['Other', 'other', 2],
		]);
		const ranked = rankSections([p.match(['latency'], { 0: 6 })], planQuery('latency'));
		expect(ranked[0]!.url).toBe('/x/#latency');
	});
	it('lets the glossary entry lead for a definition query only', () => {
		const explainer = page('/hybrid-edge/', 'Hybrid', 'latency latency matters', [['Delays', 'delays', 0]]);
		const glossary = page('/glossary/', 'Glossary', 'latency the delay', [['Latency', 'latency', 0]]);
		const pages = () => [explainer.match(['latency']), glossary.match(['latency'], { 0: 0.5 })];
		expect(rankSections(pages(), planQuery('latency'))[0]!.url).toBe('/hybrid-edge/#delays');
		expect(rankSections(pages(), planQuery('what is latency'))[0]!.url).toBe('/glossary/#latency');
	});
	it('counts rarer words for more than common ones when sections carry different words', () => {
		// "amazon" and "ai" are in every section; "spending" in one.
		const p = page('/x/', 'X', 'amazon ai . amazon ai . amazon ai . amazon spending', [
			['A', 'a', 0],
			['B', 'b', 3],
			['C', 'c', 6],
			['D', 'd', 9],
		]);
		const ranked = rankSections([p.match(['amazon', 'ai', 'spending'])], planQuery('amazon spending ai'));
		expect(ranked[0]!.url).toBe('/x/#d');
	});
	it('gives a page’s description to its sections that lack the word, and finds a page by it alone', () => {
		const risks = page('/risks/', 'Risks', 'questions left open . other questions here', [
			['Questions left open', 'open', 0],
			['Other', 'other', 4],
		]);
		const about = page('/about/', 'About', 'nothing here', [['Intro', 'intro', 0]]);
		const plan = planQuery('unanswered questions');
		const meta = { description: 'The questions it leaves unanswered.' };
		const ranked = rankSections(
			[risks.match(['questions'], { 0: 6 }, meta), about.match(['unanswered'], {}, meta)],
			plan,
		);
		expect(ranked[0]!.url).toBe('/risks/#open');
		expect(ranked.map((s) => s.url)).toContain('/about/');
		expect(ranked.find((s) => s.url === '/about/')!.excerpt).toBe(
			'The <mark>questions</mark> it leaves <mark>unanswered</mark>.',
		);
	});
	it('credits a keyword phrase to the page top only when the query has all its words', () => {
		const topics = page('/topics/', 'Topics', 'every page by topic', [['Topics', 'top', 0]]);
		const home = page('/', 'Home', 'about this site . this site explains', [['About this site', 'about', 0]]);
		const pages = () => [topics.match(['site'], {}, { keywords: 'site map, all pages' }), home.match(['site'])];
		expect(rankSections(pages(), planQuery('site map'))[0]!.url).toBe('/topics/');
		expect(rankSections(pages(), planQuery('site'))[0]!.url).toBe('/#about');
	});
	it('matches a keyword by whole words only: "site" is not "sitemap"', () => {
		const topics = page('/topics/', 'Topics', 'every page by topic', [['Topics', 'top', 0]]);
		const home = page('/', 'Home', 'about this site . this site explains', [['About this site', 'about', 0]]);
		const pages = () => [topics.match(['site'], {}, { keywords: 'sitemap' }), home.match(['site'])];
		expect(rankSections(pages(), planQuery('site'))[0]!.url).toBe('/#about');
	});
	it('puts an explainer section before the glossary entry for a plain (not a definition) query', () => {
		const explainer = page('/edge/', 'Edge', 'internet of things devices', [['Devices', 'devices', 0]]);
		const glossary = page('/glossary/', 'Glossary', 'internet of things', [['Internet of things', 'iot', 0]]);
		const pages = [explainer.match(['internet', 'things']), glossary.match(['internet', 'things'], { 0: 0.5 })];
		expect(rankSections(pages, planQuery('internet of things'))[0]!.url).toBe('/edge/#devices');
	});
	it('prefers a heading that asks the reader’s “why”', () => {
		const p = page('/x/', 'X', 'why ai matters invests amazon . amazon ai invests amazon', [
			['Why AI matters', 'why', 0],
			['Spending', 'spending', 5],
		]);
		const ranked = rankSections([p.match(['amazon', 'invest', 'ai'])], planQuery('why is amazon investing in ai'));
		expect(ranked[0]!.url).toBe('/x/#why');
		expect(rankSections([p.match(['amazon', 'invest', 'ai'])], planQuery('amazon investing ai'))[0]!.url).toBe(
			'/x/#spending',
		);
	});
});

describe('query words', () => {
	it('keeps the words as typed, how many left-out words precede each term, and the question kind', () => {
		expect(planQuery('does the article name its sources')).toMatchObject({
			terms: ['article', 'name', 'sources'],
			gaps: [2, 0, 1],
			words: ['does', 'the', 'article', 'name', 'its', 'sources'],
			quantity: false,
		});
		expect(planQuery('how many businesses').quantity).toBe(true);
		expect(planQuery('all the figures').search).toBe('figures');
	});
	it('treats other forms of a word as the same word, not a longer word that starts the same', () => {
		expect(sameWord('spend', 'spending')).toBe(true);
		expect(sameWord('strategies', 'strategy')).toBe(true);
		expect(sameWord('investment', 'investing')).toBe(true);
		expect(sameWord('recommendations', 'recommend')).toBe(true);
		expect(sameWord('start', 'startups')).toBe(false);
		expect(sameWord('companies', 'compute')).toBe(false);
		expect(sameWord('aimed', 'ai')).toBe(false);
	});
	it('marks words in a text shown as an excerpt, escaping the rest', () => {
		expect(markWords('<b>Chips</b> & more chips', ['chips'])).toBe(
			'&lt;b&gt;<mark>Chips</mark>&lt;/b&gt; &amp; more <mark>chips</mark>',
		);
	});
});
