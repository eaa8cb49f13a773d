/**
 * Published anchors: every section, paragraph, term and figure anchor a reader may have linked to
 * is listed in content/anchors.json. After each build the site is checked against it: an anchor
 * (or page) that disappeared must have an entry in content/redirects.yaml, or the build fails
 * naming page and anchor. `npm run anchors:update` records new anchors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { z } from 'astro/zod';
import { hasClass, htmlElements } from '../build/html.ts';
import { SiteError } from '../site/errors.ts';
import { parsedFile } from '../site/files.ts';

export type AnchorRegistry = Record<string, string[]>;

const redirectsSchema = z.object({
	/** Old page path -> new page path, e.g. '/old/': '/new/'. */
	pages: z.record(z.string().regex(/^\/.*\/$/), z.string().regex(/^\/.*\/$/)).default({}),
	/** Old '/page/#anchor' -> new '/page/#anchor' (same or another page). */
	anchors: z.record(z.string().regex(/^\/.*\/#.+$/), z.string().regex(/^\/.*\/(#.+)?$/)).default({}),
});
export type Redirects = z.infer<typeof redirectsSchema>;

export function parseRedirects(text: string, file = 'content/redirects.yaml'): Redirects {
	const parsed = redirectsSchema.safeParse(loadYaml(text) ?? {});
	if (!parsed.success) {
		throw new SiteError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { file });
	}
	return parsed.data;
}

/** content/redirects.yaml, read again when it has changed. */
export const loadRedirects = (root = process.cwd()): Redirects =>
	parsedFile(join(root, 'content/redirects.yaml'), parseRedirects, () => ({ pages: {}, anchors: {} }));

/** Anchors a page publishes: h2/h3 ids in the content and paragraph anchors on /source/. */
function anchorsInHtml(html: string): string[] {
	const ids = htmlElements(html)
		.filter((e) => e.ancestors.includes('main') && e.attrs.id)
		.filter((e) => e.name === 'h2' || e.name === 'h3' || hasClass(e, 'source-paragraph'))
		.map((e) => e.attrs.id!);
	return [...new Set(ids)].filter((id) => id !== '_top').sort();
}

/** Every page's anchors in a built site (share pages and the 404 page publish none). */
export function anchorsInDist(
	distDir: string,
	read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): AnchorRegistry {
	const registry: AnchorRegistry = {};
	for (const file of readdirSync(distDir, { recursive: true, encoding: 'utf8' }).sort()) {
		if (!file.endsWith('index.html') || /^(share|og|pagefind)\//.test(file)) continue;
		const path = `/${file.replace(/index\.html$/, '')}`;
		const anchors = anchorsInHtml(read(join(distDir, file)));
		if (anchors.length) registry[path] = anchors;
	}
	return registry;
}

interface AnchorCheck {
	/** Published anchors gone without a redirect: these fail the build. */
	broken: string[];
	/** Anchors on the site not yet in the registry. */
	unpublished: string[];
}

export function checkAnchors(published: AnchorRegistry, current: AnchorRegistry, redirects: Redirects): AnchorCheck {
	const broken: string[] = [];
	const resolves = (target: string) => {
		const [path, anchor] = target.split('#') as [string, string | undefined];
		return path in current && (!anchor || current[path]!.includes(anchor));
	};
	for (const [page, anchors] of Object.entries(published)) {
		const pageGone = !(page in current);
		if (pageGone) {
			const to = redirects.pages[page];
			if (!to)
				broken.push(`${page} (the page is gone: add "${page}": "/new-page/" under pages: in content/redirects.yaml)`);
			else if (!resolves(to)) broken.push(`${page} (redirects to ${to}, which does not exist)`);
			continue;
		}
		for (const anchor of anchors) {
			if (current[page]!.includes(anchor)) continue;
			const from = `${page}#${anchor}`;
			const to = redirects.anchors[from];
			if (!to) {
				broken.push(
					`${from} (published anchor gone: pin it on the renamed heading with {/* #${anchor} */}, or add "${from}": "/page/#new-anchor" under anchors: in content/redirects.yaml)`,
				);
			} else if (!resolves(to)) broken.push(`${from} (redirects to ${to}, which does not exist)`);
		}
	}
	const unpublished = Object.entries(current).flatMap(([page, anchors]) =>
		anchors.filter((a) => !published[page]?.includes(a)).map((a) => `${page}#${a}`),
	);
	return { broken, unpublished };
}

/**
 * `npm run anchors:update`: the registry to write. It records new anchors but refuses, as the
 * build does, to drop a published anchor that no longer resolves (no pin, no redirect). Anchors
 * and pages that now redirect stay listed, so their redirects keep being checked.
 */
export function updateRegistry(
	published: AnchorRegistry,
	current: AnchorRegistry,
	redirects: Redirects,
): AnchorRegistry {
	const { broken } = checkAnchors(published, current, redirects);
	if (broken.length) {
		throw new Error(
			`anchors:update refused: ${broken.length} published anchor(s) would be dropped (people may have linked them):\n  - ${broken.join('\n  - ')}`,
		);
	}
	// Pages in the site's order, then pages that are gone but redirect: small diffs in review.
	const next: AnchorRegistry = {};
	for (const page of new Set([...Object.keys(current), ...Object.keys(published)])) {
		next[page] = [...new Set([...(current[page] ?? []), ...(published[page] ?? [])])].sort();
	}
	return next;
}
