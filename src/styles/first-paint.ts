/**
 * When the first paint happens. Every page's head asks the browser not to paint before the page
 * title is parsed (`<link rel="expect" href="#_top" blocking="render">`, astro.config.mjs), so the
 * table of contents, which comes before <main>, never paints alone where the text goes. After the
 * build this moves that point to the end of the first paragraph of the text: the first paint then
 * shows the title and the opening paragraph together (the page's largest text, Lighthouse's LCP
 * element), instead of a first paint with the title and a second one with the paragraph. Both
 * arrive in the first round trip (bench: first screen within 14 KB), so nothing waits for the
 * network; on a 4x-throttled phone Lighthouse's LCP fell by about 150-200 ms (bench/results.md).
 */

/** The id of the empty marker put at the end of the first paragraph. */
export const FIRST_PARAGRAPH_END_ID = 'first-paragraph-end';

const WAIT_FOR_TITLE = /<link rel="expect" href="#_top" blocking="render"\s*\/?>/;
const CONTENT = 'class="sl-markdown-content"';

/**
 * The page with its first paint held until the first paragraph of its text is parsed; unchanged
 * when the page has no such paragraph or does not hold its first paint for the title.
 */
export function holdFirstPaintForFirstParagraph(html: string): string {
	const expect = WAIT_FOR_TITLE.exec(html);
	const content = html.indexOf(CONTENT);
	if (!expect || content < 0) return html;
	const end = html.indexOf('</p>', content);
	if (end < 0) return html;
	// Inside the paragraph, after its text: an inline, hidden, empty element that changes no sibling
	// selector between the text's blocks, no layout and no search text.
	const marked = `${html.slice(0, end)}<span id="${FIRST_PARAGRAPH_END_ID}" hidden></span>${html.slice(end)}`;
	return marked.replace(WAIT_FOR_TITLE, `<link rel="expect" href="#${FIRST_PARAGRAPH_END_ID}" blocking="render">`);
}
