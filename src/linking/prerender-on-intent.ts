/**
 * The next page is already painted when the reader clicks. Chromium prerenders a page of this site
 * once the reader shows intent to open it: the pointer rests on a link to it (about 200 ms) or
 * presses it, which is what speculation rules call "moderate" eagerness. The click then only swaps
 * in a page that was loaded, laid out and painted out of sight. Nothing is fetched on load, and
 * nothing at all on save-data or 2G connections: the rules are simply not added there (Chromium
 * also skips them on save-data, battery saver and low memory). It is the site's one next-page
 * mechanism (Astro's prefetch is off, astro.config.mjs): browsers without speculation rules load the
 * page on the click.
 *
 * The rules are one fixed text per base path, so the Content-Security-Policy allows them by hash
 * (src/linking/speculation-rules.ts, read by astro.config.mjs too) and no inline script is allowed broadly.
 */
import { speculationRulesText } from './speculation-rules.ts';

/** Astro's own test for a connection where nothing should be fetched ahead (src: astro/prefetch). */
function slowOrSaving(): boolean {
	const connection = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
	return Boolean(connection?.saveData || /2g/.test(connection?.effectiveType ?? ''));
}

function addSpeculationRules(base: string) {
	if (!HTMLScriptElement.supports?.('speculationrules') || slowOrSaving()) return;
	if (document.querySelector('script[type="speculationrules"]')) return;
	const script = document.createElement('script');
	script.type = 'speculationrules';
	script.textContent = speculationRulesText(base);
	document.head.append(script);
}

// After the page's other scripts, in a task of its own: Chromium matches the rules against every
// link when they are added, work that need not lengthen the task that runs the page's scripts.
setTimeout(() => addSpeculationRules(import.meta.env.BASE_URL), 0);
