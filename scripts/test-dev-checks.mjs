#!/usr/bin/env node
/**
 * `npm run dev` tells the truth: in a copy of the project, start the dev server, open a page in
 * Chromium, then break the content while it runs (a misquote, an unknown glossary id, a glossary
 * entry that breaks its schema). Each time the terminal must print the problem naming the file, the
 * open page must show it in the error overlay (and show it again after a reload), and when the file
 * is put back both must clear.
 * Then data is content: an edit to content/glossary.yaml or content/redirects.yaml shows on the next load.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureBrowser } from './find-browser.mjs';
import { signalTree } from './processes.mjs';
import { projectCopy, until } from './project-copy.mjs';

const port = Number(process.env.TEST_PORT ?? 4322) + 5;
const cases = [
	{
		name: 'a misquote',
		file: 'content/docs/risks.mdx',
		from: 'Massive investments come with uncertainties',
		to: 'Massive investments come with certainties',
		message: "content/docs/risks.mdx:18: quote does not match the article's paragraph p11",
	},
	{
		name: 'an unknown glossary term id',
		file: 'content/docs/risks.mdx',
		from: /<Term id="([a-z-]+)">/,
		to: '<Term id="no-such-term">',
		message: 'content/docs/risks.mdx',
		detail: 'no-such-term',
	},
	{
		name: 'a glossary entry that breaks its schema',
		file: 'content/glossary.yaml',
		from: '- id: ai-arms-race',
		to: '- id: AI arms race',
		message: 'content/glossary.yaml:5: entry 1 (id): use lowercase words joined by hyphens',
	},
];

const copy = projectCopy('dev-checks');
let output = '';
let failed = 0;
let server;
let browser;
try {
	const astroBin = join(copy.dir, '..', '..', 'node_modules', 'astro', 'bin', 'astro.mjs');
	server = spawn(process.execPath, [astroBin, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: copy.dir,
		env: { ...process.env, FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	server.stdout.on('data', (d) => (output += d));
	server.stderr.on('data', (d) => (output += d));
	await until('the dev server', () => output.includes(`127.0.0.1:${port}`));
	browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
	const page = await browser.newPage();
	const overlay = page.locator('vite-error-overlay');
	// The overlay draws its message in a shadow root.
	const overlayText = () =>
		page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '');
	await page.goto(`http://127.0.0.1:${port}/risks/`);
	await page.locator('h1#_top').waitFor();

	for (const c of cases) {
		const path = join(copy.dir, c.file);
		const original = readFileSync(path, 'utf8');
		const broken = original.replace(c.from, c.to);
		if (broken === original) throw new Error(`${c.name}: ${c.from} not found in ${c.file}`);
		const before = output.length;
		writeFileSync(path, broken);
		try {
			const expected = [c.message, c.detail].filter(Boolean);
			await until(`the terminal to report ${c.name}`, () => expected.every((t) => output.slice(before).includes(t)));
			const inOverlay = async () => {
				const text = await overlayText();
				return expected.every((t) => text.includes(t));
			};
			await until(`the overlay to show ${c.name}`, inOverlay);
			await page.reload().catch(() => {});
			await until(`the overlay to show ${c.name} after a reload`, inOverlay);
			console.log(`✓ ${c.name}: in the terminal and the overlay (also after a reload)`);
		} finally {
			writeFileSync(path, original);
		}
		const fixedAt = output.length;
		await until(`the terminal to say ${c.name} is fixed`, () =>
			output.slice(fixedAt).includes('content check passes again'),
		);
		// The server reloads open pages itself; a reload here may race with it, so retry.
		await until('the page to show without the overlay', async () => {
			await page.goto(`http://127.0.0.1:${port}/risks/`).catch(() => {});
			return (
				(await overlay.count().catch(() => 1)) === 0 &&
				(await page
					.locator('h1#_top')
					.count()
					.catch(() => 0)) === 1
			);
		});
		console.log(`✓ ${c.name}: cleared in the terminal and the page when fixed`);
	}

	/** Loads `path` until the element `selector` holds `text` (the edit reached the page). */
	const shows = (path, selector, text) =>
		until(`"${text}" in ${selector} on ${path}`, async () => {
			await page.goto(`http://127.0.0.1:${port}${path}`).catch(() => {});
			return (
				(await page
					.locator(selector)
					.textContent()
					.catch(() => '')) ?? ''
			).includes(text);
		});

	// The glossary is a content collection: the server picks up the edit, no restart.
	const glossary = join(copy.dir, 'content/glossary.yaml');
	const text = readFileSync(glossary, 'utf8');
	const edited = text.replace(/^  term: AI arms race$/m, '  term: AI arms race, edited');
	if (edited === text) throw new Error('the term "AI arms race" is not in content/glossary.yaml');
	writeFileSync(glossary, edited);
	await shows('/glossary/', '#ai-arms-race', 'AI arms race, edited');
	console.log('✓ an edit to content/glossary.yaml: shown on /glossary/ on the next load');

	// So is content/redirects.yaml: a moved anchor reaches the page's redirect map on the next load.
	const redirects = join(copy.dir, 'content/redirects.yaml');
	writeFileSync(redirects, `${readFileSync(redirects, 'utf8')}  /risks/#moved-in-dev: /aws/\n`);
	await shows('/risks/', '#anchor-redirects', 'moved-in-dev');
	console.log('✓ an edit to content/redirects.yaml: in the page on the next load');
} catch (error) {
	failed++;
	console.log(`✘ ${error.message}\n--- dev server output (end) ---\n${output.slice(-3000)}`);
} finally {
	await browser?.close();
	if (server) signalTree(server.pid, 'SIGTERM');
	copy.remove();
}
process.exit(failed ? 1 : 0);
