/**
 * The site's one escaper, for every place where text reaches HTML or XML without Astro's own
 * escaping (Starlight writes each head entry's `content` with set:html, so a page title is raw HTML;
 * diagrams, notes, excerpts and feeds are written as strings), and JSON inside a <script> data
 * block, which ends at the first "</script". Also: text matched literally in a regular expression.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML or XML text content, safe in a quoted attribute too (either quote). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** JSON for a <script type="application/…json"> block: no "<" can close the element or open a comment. */
export const jsonForScript = (value: unknown) =>
	JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Text matched literally inside a RegExp. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
