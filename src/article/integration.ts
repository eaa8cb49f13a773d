import type { AstroIntegration } from 'astro';
import { loadArticle } from './article.ts';
import { recheckContent, runContentCheck } from './check-content.ts';
import { fromRoot } from '../site/paths.ts';

/**
 * The content checks (quotes, coverage, data files, term and figure ids, revised pages) before anything is built: `astro build`
 * fails before any page is written. In `astro dev` they run again on every change under content/;
 * a problem is printed in the terminal and shown in the browser's error overlay (every page shows
 * it until it is fixed, see the route middleware), and both clear when it is fixed.
 */
export function articleCoverage(): AstroIntegration {
	let dev = false;
	return {
		name: 'article-coverage',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				dev = command === 'dev';
				// A build stops here on a problem (summary() runs the check); `astro dev` reports it and goes on.
				const error = dev ? recheckContent() : undefined;
				if (error) logger.error(error.message);
				else logger.info(summary());
			},
			'astro:server:setup': ({ server, logger }) => {
				if (!dev) return;
				const contentDir = fromRoot('content');
				let reported = recheckContent()?.message;
				// Check once things settle: an event can arrive while a file is still being written
				// (a half-written page would report paragraphs as uncovered), and editors save in bursts.
				let timer: ReturnType<typeof setTimeout> | undefined;
				const onChange = (file: string) => {
					if (!file.startsWith(contentDir)) return;
					clearTimeout(timer);
					timer = setTimeout(() => check(file), 250);
				};
				let overlay: { type: 'error'; err: { message: string; stack: string; plugin: string; id: string } } | undefined;
				const hot = server.environments.client.hot;
				const check = (file: string) => {
					const error = recheckContent();
					if (error) {
						// Editors save several times in a row: say each problem once.
						if (error.message === reported) return;
						reported = error.message;
						logger.error(error.message);
						// The overlay on every open page; reloads show it again (route middleware).
						overlay = { type: 'error', err: { message: error.message, stack: '', plugin: 'content-check', id: file } };
						hot.send(overlay);
					} else if (reported) {
						reported = undefined;
						overlay = undefined;
						logger.info(`content check passes again: ${summary()}`);
						hot.send({ type: 'full-reload' });
					}
				};
				// A page that was reloading when the problem was found (the docs loader reloads pages on
				// the same change) missed the message above: send it again when its client connects.
				hot.on('vite:client:connect', (_data, client) => {
					if (overlay) client.send(overlay);
				});
				server.watcher.add(contentDir);
				for (const event of ['change', 'add', 'unlink'] as const) server.watcher.on(event, onChange);
			},
		},
	};
}

function summary(): string {
	const { reports } = runContentCheck();
	const quotes = reports.reduce((sum, r) => sum + r.quotes.length, 0);
	const total = loadArticle().paragraphs.length;
	return `article check: ${total}/${total} paragraphs covered, ${quotes} quotes match the article`;
}
