import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { scanPage } from '../article/coverage.ts';
import { pinnedIdInSource, pinnedIdsPlugin } from './pinned-ids.ts';

describe('pinned heading ids', () => {
	it('sets the id from an MDX comment and removes the comment', async () => {
		const { code } = await mdxToJs('## Custom AI chips {/* #custom-chips */}\n\n## Plain heading\n', {
			mdastPlugins: [pinnedIdsPlugin()],
		});
		expect(code).toMatch(/id: "custom-chips",\s*children: "Custom AI chips"/);
		expect(code).toMatch(/_jsx\(_components\.h2, \{ children: "Plain heading" \}\)/);
	});

	it('ignores ordinary comments and ids that are not lowercase-hyphenated', () => {
		expect(pinnedIdInSource('Keep {/* just a note */}')).toBeUndefined();
		expect(pinnedIdInSource('Bad {/* #Not_Valid */}')).toBeUndefined();
		expect(pinnedIdInSource('Chips {/* #custom-chips */}')).toEqual({ id: 'custom-chips', text: 'Chips' });
	});

	it('names the heading a quote sits under by its words without the pinned-id comment', () => {
		const report = scanPage({
			file: 'docs/aws.mdx',
			source: '---\ntitle: AWS\n---\n\n## Renamed heading {/* #old-anchor */}\n\n<Quote p={4}>x</Quote>\n',
		});
		expect(report.quotes[0]).toMatchObject({ sectionIndex: 0, sectionTitle: 'Renamed heading' });
	});
});

describe('preview text', () => {
	it('uses typographic quotes and apostrophes', async () => {
		const { smartQuotes } = await import('./headings.ts');
		expect(smartQuotes(`"Despite the outlook" marks Amazon's shift ('quoted')`)).toBe(
			'“Despite the outlook” marks Amazon’s shift (‘quoted’)',
		);
	});
});
