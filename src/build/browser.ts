/**
 * One Chromium for the whole build (or dev server): Mermaid draws the diagrams in it
 * (src/diagrams/renderer.ts), launched on first use.
 *
 * One per process, on globalThis: the integrations and the Markdown plugins may be loaded as
 * separate copies of this module, and two copies would mean two browsers.
 */
import type { Browser } from 'playwright-core';

export class BuildBrowser {
	/** How long the launch took, once it has finished (build phase summary). */
	startMs?: number;
	#browser?: Promise<Browser>;

	/** The browser, launched on first use. */
	launch(): Promise<Browser> {
		this.#browser ??= (async () => {
			const started = performance.now();
			const { chromium } = await import('playwright-core');
			// @ts-ignore -- plain JS module shared with the build scripts
			const { ensureBrowser, CHROMIUM_ARGS } = await import('../../scripts/find-browser.mjs');
			const browser = await chromium.launch({ executablePath: ensureBrowser(), args: CHROMIUM_ARGS });
			this.startMs = performance.now() - started;
			return browser;
		})();
		return this.#browser;
	}

	async close(): Promise<void> {
		const browser = this.#browser;
		this.#browser = undefined;
		if (browser) await (await browser.catch(() => undefined))?.close();
	}
}

const holder = globalThis as { __explainerBuildBrowser?: BuildBrowser };
/** The browser every part of this build (or dev server) shares. */
export const sharedBrowser = (): BuildBrowser => (holder.__explainerBuildBrowser ??= new BuildBrowser());
