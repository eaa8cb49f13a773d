/**
 * Sätteri (Astro 7's Markdown processor) hast plugin: prefixes root-relative links written in
 * Markdown (`[AWS](/aws/)`) with the site's `base`, so the same MDX works at `/` and under a
 * sub-path such as `/explainer/`. remark/rehype plugins would be silently ignored by Sätteri.
 */
import { defineHastPlugin } from 'satteri';

export function baseLinksPlugin(base: string) {
	const prefix = base.replace(/\/+$/, '');
	return defineHastPlugin({
		name: 'base-links',
		element: {
			filter: ['a'],
			visit(node, ctx) {
				const href = node.properties?.href;
				if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) return;
				if (prefix && (href === prefix || href.startsWith(`${prefix}/`))) return;
				ctx.setProperty(node, 'href', `${prefix}${href}`);
			},
		},
	});
}
