import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Tests spawn servers and subprocesses; two workers match the two cores here.
		maxWorkers: 2,
		globalSetup: ['test/_helpers/global-setup.ts'],
		// Wizards started by tests take any free port for their embedded emulator, so that files
		// running side by side never contend for 10430 (test/e2e/shared-emulator.test.ts tests the port itself).
		// DefaultAzureCredential narrowed to the Azure CLI credential (a stand-in az, where a test
		// puts one on PATH): no test can probe managed identity at 169.254.169.254.
		env: {ACS_TOKENS_EMULATOR_PORT: '0', AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential'},
		// A test that asserts nothing cannot fail: it fails instead.
		expect: {requireAssertions: true},
	},
});
