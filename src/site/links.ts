/** Site-relative URLs that honour Astro's `base` (for sub-path hosting). */
export function withBase(path: string): string {
	const base = import.meta.env.BASE_URL.replace(/\/$/, '');
	return `${base}${path}`;
}

/** A docs entry's page path: `aws` is '/aws/'; the home page's id is '' (or 'index'), its path '/'. */
export const pagePath = (id: string) => (id === '' || id === 'index' ? '/' : `/${id}/`);

export const sourceHref = (n: number) => withBase(`/source/#p${n}`);

/** Absolute URL of a site path (site + base + path), for canonical, og:url and og:image. */
export const absoluteUrl = (path: string, site: URL | undefined) => new URL(withBase(path), site).href;

/** The site as outputs read elsewhere (the feed, citations) name it: its name, and a site path's absolute URL (`absoluteUrl`). */
export interface SiteInfo {
	name: string;
	url: (path: string) => string;
}
