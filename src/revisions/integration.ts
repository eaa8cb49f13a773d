import type { AstroIntegration } from 'astro';
import { loadRevisions } from './revisions.ts';
import { checkRevisionTargets, siteSections } from './targets.ts';

/** Fails `astro build`/`astro dev` before any page is written when a revision names a missing page or section. */
export function revisionsCheck(): AstroIntegration {
	return {
		name: 'revisions-check',
		hooks: {
			'astro:config:setup': ({ logger }) => {
				const revisions = loadRevisions();
				const errors = checkRevisionTargets(revisions, siteSections());
				if (errors.length) throw new Error(`Revisions point at nothing:\n  - ${errors.join('\n  - ')}`);
				logger.info(`revisions: ${revisions.length} recorded, each pointing at an existing section`);
			},
		},
	};
}
