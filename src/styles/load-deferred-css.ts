/**
 * The full stylesheet is linked at the end of <body> as media="print" so it never blocks first
 * paint (src/styles/critical-css.ts); once the page is parsed (this runs as a deferred module), it
 * applies to the screen too. The first screen already has its rules inline, so nothing moves.
 */
for (const link of document.querySelectorAll<HTMLLinkElement>('link[data-deferred-css]')) link.media = 'all';
