/** The speculation rules src/linking/prerender-on-intent.ts adds, as one fixed text per base path (hashed in the CSP). */

/** Links worth preparing: this site's pages, except ones marked not to prefetch and downloads. */
export function speculationRulesText(base: string): string {
	return JSON.stringify({
		prerender: [
			{
				source: 'document',
				where: {
					and: [
						{ href_matches: `${base}*` },
						{ not: { selector_matches: '[data-astro-prefetch="false"], [download], [target="_blank"]' } },
					],
				},
				eagerness: 'moderate',
			},
		],
	});
}
