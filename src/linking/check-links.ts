/**
 * Checks every internal link and #anchor in the built site. Runs after `astro build` writes
 * `dist/` (link-check-step.ts) and in the tests; a broken one fails the build, naming the page.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { htmlElements, type HtmlElement } from '../build/html.ts';

export interface BrokenLink {
	page: string;
	href: string;
	reason: string;
}

const idsIn = (elements: HtmlElement[]) => elements.flatMap((e) => (e.attrs.id ? [e.attrs.id] : []));

/** The file a site path is served from: `/aws/` -> dist/aws/index.html. */
function fileForPath(distDir: string, path: string): string | undefined {
	const clean = decodeURIComponent(path);
	const candidates = clean.endsWith('/')
		? [join(distDir, clean, 'index.html')]
		: [join(distDir, clean), join(distDir, `${clean}.html`), join(distDir, clean, 'index.html')];
	return candidates.find((c) => existsSync(c) && !c.endsWith('/'));
}

/**
 * @param base the site's base path, e.g. '/' or '/explainer/'; links outside it are reported.
 * @param site the site's origin: absolute links to it in the Markdown twins and llms.txt are checked too.
 * @param read reads a file (the post-build pipeline's pages are in memory).
 */
export function checkLinks(
	distDir: string,
	base = '/',
	site?: string,
	read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): { broken: BrokenLink[]; checked: number } {
	const idCache = new Map<string, Set<string>>();
	const ids = (file: string) => {
		let set = idCache.get(file);
		if (!set) idCache.set(file, (set = new Set(idsIn(htmlElements(read(file))))));
		return set;
	};
	const broken: BrokenLink[] = [];
	let checked = 0;
	const checkTarget = (page: string, raw: string, url: URL) => {
		if (!url.pathname.startsWith(base) && url.pathname !== base.slice(0, -1)) {
			broken.push({ page, href: raw, reason: `points outside the site's base path ${base}` });
			return;
		}
		const sitePath = `/${url.pathname.slice(base.length)}`;
		const target = fileForPath(distDir, sitePath);
		if (!target) {
			broken.push({ page, href: raw, reason: 'no such page or file in the built site' });
			return;
		}
		const fragment = decodeURIComponent(url.hash.slice(1));
		if (fragment && !fragment.startsWith(':~:') && target.endsWith('.html') && !ids(target).has(fragment)) {
			broken.push({ page, href: raw, reason: `no element with id "${fragment}" on ${sitePath}` });
		}
	};
	for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))) {
		const page = `/${file}`;
		const elements = htmlElements(read(join(distDir, file)));
		const seen = new Set<string>();
		for (const id of idsIn(elements)) {
			if (seen.has(id))
				broken.push({ page, href: `#${id}`, reason: `duplicate id "${id}" on the page: anchors must be unique` });
			seen.add(id);
		}
		const pageUrl = new URL(`http://site${base}${file.replace(/index\.html$/, '')}`);
		for (const { attrs } of elements) {
			for (const raw of [attrs.href, attrs.src, attrs['xlink:href']]) {
				if (raw === undefined || raw === '' || /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(raw)) continue;
				checked++;
				checkTarget(page, raw, new URL(raw, pageUrl));
			}
		}
	}
	// The Markdown twins and llms.txt (src/twins), at the top of the built site, link it by absolute URL.
	if (site) {
		const origin = new URL(site).origin;
		for (const file of readdirSync(distDir).filter((f) => f.endsWith('.md') || /^llms(-full)?\.txt$/.test(f))) {
			const page = `/${file}`;
			const text = readFileSync(join(distDir, file), 'utf8');
			for (const m of text.matchAll(/\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>\s]+)>/g)) {
				const raw = (m[1] ?? m[2])!;
				if (!raw.startsWith(`${origin}/`)) continue;
				checked++;
				checkTarget(page, raw, new URL(raw));
			}
		}
	}
	return { broken, checked };
}

/** The MDX file a built page comes from (`/aws/index.html` -> content/docs/aws.mdx), when there is one. */
function sourceFileFor(page: string): string | undefined {
	const slug =
		page
			.replace(/^\//, '')
			.replace(/(^|\/)index\.html$/, '')
			.replace(/\/$/, '') || 'index';
	return ['mdx', 'md'].map((ext) => `content/docs/${slug}.${ext}`).find((f) => existsSync(f));
}

export function formatBrokenLinks(broken: BrokenLink[]): string {
	const lines = broken.map((b) => {
		const source = sourceFileFor(b.page);
		return `  - ${source ?? b.page}${source ? ` (${b.page})` : ''}: ${b.href}: ${b.reason}`;
	});
	return `Broken links or anchors in the built site (${broken.length}):\n${lines.join('\n')}\nFix the link in the page's MDX source, or the anchor it points to.`;
}
