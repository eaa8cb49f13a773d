/**
 * SITE_URL and BASE_PATH, checked before anything is built. Every canonical URL, og:url, sitemap
 * entry, script src and link is made from these two values, so a wrong one would produce a site
 * that points elsewhere (BASE_PATH=//evil.example/ makes every link protocol-relative) or silently
 * loses part of its address. What is unambiguous is normalised (a missing slash); the rest is
 * refused with a message naming the variable, the value and a good example.
 */
import { z } from 'astro/zod';

export const DEFAULT_SITE_URL = 'https://amazon-ai-bet.example.org';

class SiteEnvError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SiteEnvError';
	}
}

const SITE_EXAMPLE = 'SITE_URL=https://explainer.example.org';
const BASE_EXAMPLE = 'BASE_PATH=/explainer/';

/** A URL path segment an author would type: letters, digits, `-`, `_`, `.` and `~` (no `.` / `..`). */
const SEGMENT = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

/** Reports `message` as the variable's problem. */
const refuse = (ctx: z.RefinementCtx, message: string) => {
	ctx.addIssue({ code: 'custom', message });
	return z.NEVER;
};

const siteUrl = z.string().transform((value, ctx) => {
	const fail = (why: string) => refuse(ctx, `SITE_URL="${value}" ${why}. Use the site's origin, e.g. ${SITE_EXAMPLE}`);
	if (!value.trim()) return fail('is empty');
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		return fail('is not an absolute URL');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`uses ${url.protocol} (only https: or http:)`);
	if (url.username || url.password) return fail('contains a user name or password');
	if (url.search || url.hash || value.includes('?') || value.includes('#')) return fail('has a ?query or #fragment');
	if (url.pathname !== '/') {
		// Astro keeps only the origin of `site` for canonical URLs, og:url and the sitemap; a path
		// here would be silently dropped, so it must come through BASE_PATH, which every link honours.
		return refuse(
			ctx,
			`SITE_URL="${value}" has a path (${url.pathname}). Put the origin in SITE_URL and the path in BASE_PATH, e.g. SITE_URL=${url.origin} BASE_PATH=${url.pathname.replace(/\/?$/, '/')}`,
		);
	}
	return url.origin;
});

const basePath = z.string().transform((value, ctx) => {
	const fail = (why: string) =>
		refuse(
			ctx,
			`BASE_PATH="${value}" ${why}. Use a path on this site, e.g. ${BASE_EXAMPLE} (or leave BASE_PATH unset for the root)`,
		);
	const trimmed = value.trim();
	if (trimmed === '' || trimmed === '/') return '/';
	if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//') || trimmed.includes('\\'))
		return fail('points at another host (a scheme, // or \\), not a path');
	// A missing leading or trailing slash is unambiguous: 'explainer' and '/explainer' mean /explainer/.
	const segments = trimmed.replace(/^\//, '').replace(/\/$/, '').split('/');
	const bad = segments.find((s) => !SEGMENT.test(s));
	if (bad !== undefined)
		return fail(
			bad === '' ? 'has an empty segment (//)' : `has a segment "${bad}" with characters that need escaping or . / ..`,
		);
	return `/${segments.join('/')}/`;
});

const siteEnvSchema = z.object({
	SITE_URL: siteUrl.default(DEFAULT_SITE_URL),
	BASE_PATH: basePath.default('/'),
});

export interface SiteEnv {
	/** Origin only, e.g. https://explainer.example.org */
	site: string;
	/** Always with leading and trailing slash, e.g. / or /explainer/ */
	base: string;
}

/** Reads and checks SITE_URL and BASE_PATH; throws SiteEnvError naming every problem. */
export function siteEnv(env: Record<string, string | undefined> = process.env): SiteEnv {
	const parsed = siteEnvSchema.safeParse(env);
	if (!parsed.success) {
		throw new SiteEnvError(
			`Invalid deployment settings (nothing was built):\n  - ${parsed.error.issues.map((i) => i.message).join('\n  - ')}`,
		);
	}
	return { site: parsed.data.SITE_URL, base: parsed.data.BASE_PATH };
}
