/**
 * One Chromium for the whole build. Diagrams (src/diagrams/renderer.ts) and the critical CSS
 * (src/styles/critical-css.ts) both need a browser; a start costs about a second of CPU, so they
 * share one, and it can be started while Vite bundles (`warmUp`), long before either uses it.
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

	/** Starts the browser now without waiting for it; a failure surfaces at the first real use. */
	warmUp(): void {
		this.launch().catch(() => undefined);
	}

	get started(): boolean {
		return this.#browser !== undefined;
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
