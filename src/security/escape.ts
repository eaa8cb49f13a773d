/**
 * Escaping for the few places where text reaches HTML without Astro's own escaping: Starlight
 * writes each head entry's `content` with set:html (so a page title is raw HTML), and JSON inside
 * a <script> data block ends at the first "</script". Also: text matched literally in a regular expression.
 */

/** Text as HTML text content (also safe in a double-quoted attribute). */
export const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON for a <script type="application/…json"> block: no "<" can close the element or open a comment. */
export const jsonForScript = (value: unknown) =>
	JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Text matched literally inside a RegExp. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
