#!/usr/bin/env node
/**
 * Builds the site a second time under a sub-path (BASE_PATH=/explainer/, into dist-base/) and runs
 * the page, link and sharing browser tests against it, as a static host serving /explainer/ would.
 */
import { spawnSync } from 'node:child_process';

const env = {
	...process.env,
	BASE_PATH: '/explainer/',
	OUT_DIR: 'dist-base',
	TEST_PORT: String(Number(process.env.TEST_PORT ?? 4322) + 2),
};
const run = (args) => {
	const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
	if (r.status !== 0) process.exit(r.status ?? 1);
};
console.log('\n[base path] building under /explainer/ into dist-base/ …');
run(['scripts/build.mjs']);
run([
	'node_modules/@playwright/test/cli.js',
	'test',
	'tests/e2e/site.spec.ts',
	'tests/e2e/linking.spec.ts',
	'tests/e2e/fragments.spec.ts',
	'tests/e2e/service-worker.spec.ts',
	'tests/e2e/outputs.spec.ts',
	'tests/e2e/citation.spec.ts',
	'tests/e2e/diagrams.spec.ts',
]);
