import { defineConfig } from 'vitest/config';

// Unit and fixture tests live beside the code they test (src/**/*.test.ts); browser tests are in tests/e2e.
export default defineConfig({
	test: { include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
});
