import type { AstroIntegration } from 'astro';
import { readData } from '../data/data.ts';
import { readPages, fileToPath } from '../article/check-content.ts';
import { checkRevisionPages } from './targets.ts';

/** Fails `astro build`/`astro dev` before any page is written when a revision is malformed or names a missing page;
 *  a missing section fails the build when /changes/ renders (its ids come from rendering). */
export function revisionsCheck(): AstroIntegration {
	return {
		name: 'revisions-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				const revisions = readData('revisions');
				const errors = checkRevisionPages(
					revisions,
					readPages().map((p) => fileToPath(p.file)),
				);
				if (errors.length) throw new Error(`Revisions point at nothing:\n  - ${errors.join('\n  - ')}`);
				logger.info(`revisions: ${revisions.length} recorded, each pointing at an existing page`);
			},
		},
	};
}
