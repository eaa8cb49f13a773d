/**
 * How much a page's words count in the search index (Pagefind's `data-pagefind-weight`, set on the
 * page body in src/overrides/MarkdownContent.astro). Readers who type a topic want the section that
 * explains it; the reference pages (overview, glossary, figures, topics, the article itself) repeat
 * every topic in brief, so their words count half and they come after the explanation. A page
 * is an explainer when it explains article paragraphs (`paragraphs:` in its frontmatter).
 */
export function pageSearchWeight(paragraphs: readonly number[] | undefined): number | undefined {
	return paragraphs?.length ? undefined : 0.5;
}
