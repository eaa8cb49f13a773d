import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, ensureBrowser } from './scripts/find-browser.mjs';
import { builtSite } from './tests/e2e/pages.ts';

/** Browser tests run against the built site (`dist/`), served on 127.0.0.1 by scripts/serve.mjs. */
const port = Number(process.env.TEST_PORT ?? 4322);
const baseURL = `http://127.0.0.1:${port}${builtSite.base}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env.CI,
	retries: 0,
	timeout: 60_000,
	// Assertions wait on conditions; on a busy 2-core machine a cold page plus the search index can
	// take longer than the 5 s default to appear.
	expect: { timeout: 15_000 },
	reporter: 'list',
	use: {
		baseURL,
		launchOptions: { executablePath: ensureBrowser(), args: CHROMIUM_ARGS },
		trace: 'off',
	},
	webServer: {
		command: `node scripts/serve.mjs ${port}`,
		url: baseURL,
		reuseExistingServer: false,
		timeout: 60_000,
	},
});
