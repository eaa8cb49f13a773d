/**
 * The corrections feed (/changes/rss.xml): one RSS item per entry of content/revisions.yaml, so a
 * reader who linked a section can follow what was corrected. Each item links the changed section
 * (its guid is the entry on /changes/, since one section can change more than once), is dated by
 * the revision's own date (never the build's) and carries only text.
 */
import rss from '@astrojs/rss';
import { newestFirst, type Revision } from '../revisions/revisions.ts';
import { escapeHtml } from '../site/escape.ts';
import type { SiteInfo } from '../site/links.ts';

export const FEED_PATH = '/changes/rss.xml';
export const FEED_TITLE = 'Corrections';

/**
 * The feed's XML text. `sectionTitle` gives "Page › Section" for a revision's target; the page and
 * section exist (checked when /changes/ renders).
 */
export async function correctionsFeedXml(
	revisions: readonly Revision[],
	site: SiteInfo,
	sectionTitle: (page: string, section: string) => string,
): Promise<string> {
	const response = await rss({
		title: `${site.name}: ${FEED_TITLE}`,
		description: `Every correction to ${site.name}, one item per revision, linking the changed section.`,
		site: site.url('/'),
		items: newestFirst(revisions).map((r) => ({
			// "updated", as the notes on the pages say: an entry may add to a section as well as correct it.
			title: `${sectionTitle(r.page, r.section)}: updated`,
			link: site.url(`${r.page}#${r.section}`),
			pubDate: new Date(`${r.date}T00:00:00Z`),
			// Feed readers show a description as HTML: escaped once more, an author's text stays text.
			description: escapeHtml(`${r.change} Why: ${r.why}`),
			// The entry's own address on /changes/: unique where the section link is not.
			customData: `<guid isPermaLink="true">${escapeHtml(site.url(`/changes/#${r.id}`))}</guid>`,
		})),
		customData: '<language>en</language>',
	});
	return response.text();
}
