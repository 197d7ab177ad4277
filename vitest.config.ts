import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Tests spawn servers and subprocesses; two workers match the two cores here.
		maxWorkers: 2,
		globalSetup: ['test/_helpers/global-setup.ts'],
		// A test that asserts nothing cannot fail: it fails instead.
		expect: {requireAssertions: true},
	},
});
