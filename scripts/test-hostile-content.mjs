#!/usr/bin/env node
/**
 * Everything an author writes is untrusted: a copy of the project gets script-shaped text in every
 * field an author fills in (page title, description, summary, a heading, a glossary term, a figure,
 * a diagram title), then must build (the build's own policy check parses every page) and every
 * page it lands on must show the text and run nothing: each is opened in Chromium with the
 * Content-Security-Policy enforced, and no dialog may open and no policy violation be reported.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { htmlToHast } from 'satteri';
import { HtmlRenderer, Parser } from 'commonmark';
import { ensureBrowser, CHROMIUM_ARGS } from './find-browser.mjs';
import { projectCopy } from './project-copy.mjs';
import { serveSite } from './serve.mjs';

const ATTACK = `</title><script>alert(document.domain)</script><img src=x onerror=alert(2)>"'`;
/** `text` and the attack as one single-quoted YAML string. */
const quoted = (text) => `'${text} ${ATTACK.replace(/'/g, "''")}'`;
const edits = [
	['content/docs/aws.mdx', /^title: .*$/m, `title: ${quoted('AWS')}`],
	['content/docs/aws.mdx', /^description: .*$/m, `description: ${quoted('Why AWS matters')}`],
	['content/docs/aws.mdx', /^summary: .*$/m, `summary: ${quoted('What AWS is')}`],
	// MDX would read a raw tag as JSX (refused by the content check); entities are how text gets "<".
	[
		'content/docs/aws.mdx',
		/^## The core of the strategy$/m,
		'## The core &lt;/h2&gt;&lt;script&gt;alert(3)&lt;/script&gt; {/* #the-core-of-the-strategy */}',
	],
	[
		'content/docs/aws.mdx',
		/accTitle: How this site links the two AWS paragraphs/,
		`accTitle: How this site links ${ATTACK}`,
	],
	['content/glossary.yaml', /term: AI arms race/, `term: ${quoted('AI arms race')}`],
	['content/figures.yaml', /label: Amazon’s AI investment by 2026/, `label: ${quoted('AI investment')}`],
];

const copy = projectCopy('hostile-content');
let failed = 0;
const fail = (message) => {
	failed++;
	console.log(`✘ ${message}`);
};
let server;
let browser;
try {
	for (const [file, pattern, replace] of edits) {
		const path = join(copy.dir, file);
		const text = readFileSync(path, 'utf8');
		if (!pattern.test(text)) throw new Error(`hostile content: ${pattern} does not match ${file}`);
		writeFileSync(path, text.replace(pattern, replace));
	}
	const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
		cwd: copy.dir,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0' },
	});
	if (build.status !== 0)
		throw new Error(`the build with hostile content failed:\n${(build.stdout + build.stderr).slice(-3000)}`);
	console.log('✓ builds: the policy check found no script the site does not ship on any page');

	const dist = join(copy.dir, 'dist');
	const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
	// Parsed as a browser parses it: did the author's text become elements anywhere?
	const injected = (node) =>
		(node.type === 'element' &&
			((node.tagName === 'script' &&
				!/json/.test(String(node.properties?.type ?? '')) &&
				node.children?.some((c) => /alert\(/.test(c.value ?? ''))) ||
				(node.tagName === 'img' && node.properties?.src === 'x') ||
				node.properties?.onError !== undefined)) ||
		(node.children ?? []).some(injected);
	const raw = pages.filter((f) => injected(htmlToHast(readFileSync(join(dist, f), 'utf8'))));
	if (raw.length) fail(`the author's text became elements in ${raw.join(', ')}`);
	else console.log(`✓ on no page (of ${pages.length}) did the author's text become elements`);

	// The Markdown twins and llms.txt as a Markdown app renders them; the feed's descriptions as a
	// feed reader shows them (HTML, once the XML is read).
	const markdownOutputs = readdirSync(dist).filter((f) => f.endsWith('.md') || /^llms(-full)?\.txt$/.test(f));
	const rendered = (md) => new HtmlRenderer().render(new Parser().parse(md));
	const rawMd = markdownOutputs.filter((f) => injected(htmlToHast(rendered(readFileSync(join(dist, f), 'utf8')))));
	if (rawMd.length) fail(`the author's text became elements in the rendered Markdown of ${rawMd.join(', ')}`);
	else if (!readFileSync(join(dist, 'aws.md'), 'utf8').includes('alert(document.domain)'))
		fail("aws.md: the author's text is missing from the twin");
	else console.log(`✓ in no Markdown output (of ${markdownOutputs.length}) did the author's text become elements`);
	const xmlText = (s) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	const descriptions = [
		...readFileSync(join(dist, 'changes/rss.xml'), 'utf8').matchAll(/<description>([^<]*)<\/description>/g),
	];
	if (descriptions.some((m) => injected(htmlToHast(xmlText(m[1])))))
		fail("the author's text became elements in a feed description");
	else console.log(`✓ in no feed description (of ${descriptions.length}) did the author's text become elements`);

	server = await serveSite({ outDir: dist });
	browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
	/** Opens `path`; `events` collects any dialog the page opens and any policy violation it reports. */
	const open = async (path) => {
		const page = await browser.newPage();
		const events = [];
		page.on('dialog', (d) => (events.push(`dialog: ${d.message()}`), d.dismiss()));
		page.on('console', (m) => /Content.Security.Policy|Refused to/i.test(m.text()) && events.push(m.text()));
		await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
		return { page, events };
	};
	const shareDir = readdirSync(join(dist, 'share', 'aws')).find((d) => d.startsWith('the-core'));
	const visits = [
		['/aws/', 'AWS </title><script>alert(document.domain)</script>'],
		[`/share/aws/${shareDir}/`, 'The core </h2><script>alert(3)</script>'],
		['/glossary/', 'AI arms race </title><script>'],
		['/figures/', 'AI investment </title><script>'],
		['/', 'AWS </title><script>'],
	];
	for (const [path, text] of visits) {
		const { page, events } = await open(path);
		// Share pages redirect at once (meta refresh): their own markup is read from the response.
		const shown = path.startsWith('/share/')
			? await (await page.request.get(`${server.origin}${path}`)).text()
			: await page.evaluate(() => {
					// Long lists render entries only near the screen (content-visibility: auto), and text the
					// browser has not rendered is not in innerText: render them all before reading.
					for (const el of document.querySelectorAll('*'))
						if (getComputedStyle(el).contentVisibility === 'auto') el.style.contentVisibility = 'visible';
					return `${document.title} ${document.body?.innerText ?? ''}`;
				});
		await page.close();
		if (events.length) fail(`${path}: ${events.join('; ')}`);
		else if (!shown.includes(text) && !shown.includes(text.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
			fail(`${path}: the author's text is not shown as text (${JSON.stringify(text)})`);
		else console.log(`✓ ${path}: shows the text, runs nothing`);
	}
	// The citation dialog (src/citation) shows the page title and heading as text, in every style.
	{
		const { page, events } = await open('/aws/');
		await page.locator('.level-h2:has(#the-core-of-the-strategy) button.copy-link--cite').click({ timeout: 60_000 });
		const output = page.locator('dialog.cite-dialog textarea');
		const shown = [];
		for (const style of ['apa', 'mla', 'chicago', 'bibtex', 'csl-json']) {
			await page.locator(`dialog.cite-dialog input[value="${style}"]`).check({ timeout: 60_000 });
			// The dialog opens at once and says "Preparing the citation…" until the citations are in.
			await page.waitForFunction(() => !document.querySelector('dialog.cite-dialog textarea[aria-busy]'), null, {
				timeout: 60_000,
			});
			shown.push(await output.inputValue());
		}
		const injectedInDialog = await page.evaluate(
			() => document.querySelectorAll('dialog.cite-dialog :is(script, img, [onerror])').length,
		);
		await page.close();
		if (events.length) fail(`citation dialog: ${events.join('; ')}`);
		else if (injectedInDialog) fail("citation dialog: the author's text became elements");
		else if (!shown.every((t) => t.includes('alert(3)')))
			fail("citation dialog: the heading's text is missing from a style");
		else console.log('✓ the citation dialog shows the text in all five styles, runs nothing');
	}
} catch (error) {
	fail(error.message);
} finally {
	await browser?.close();
	await server?.close();
	if (!process.env.KEEP) copy.remove();
}
process.exit(failed ? 1 : 0);
