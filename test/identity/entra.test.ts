import path from 'node:path';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createEntraCredential} from '../../source/identity/entra.js';
import {runCli, temporaryDirectory} from '../_helpers/cli.js';

/**
 * The Entra ID credential itself (DefaultAzureCredential, narrowed to the Azure CLI credential by
 * AZURE_TOKEN_CREDENTIALS, which vitest sets), with acs-tokens' stand-in az on PATH: who signed
 * in, and why a refusal happened, told from the token's own claims. Nothing is sent anywhere.
 */

const originalPath = process.env['PATH'];
let standInDirectory: string;

beforeAll(async () => {
	const written = await runCli(['emulator', 'stand-in-az', '--path'], {env: {ACS_TOKENS_CACHE_DIR: await temporaryDirectory('acs-tokens-cache-')}});
	expect(written.code, written.stderr).toBe(0);
	standInDirectory = written.stdout.trim();
}, 60_000);

afterEach(() => {
	process.env['PATH'] = originalPath;
});

describe('the Entra ID credential', () => {
	it('says who signed in and through which credential, from the token it got', async () => {
		process.env['PATH'] = `${standInDirectory}${path.delimiter}${originalPath ?? ''}`;
		const entra = await createEntraCredential();
		expect(entra.signedIn()).toBeUndefined();
		const token = await entra.tokenCredential.getToken('https://communication.azure.com//.default');
		expect(token?.token).toMatch(/^eyJ/);
		expect(entra.signedIn()).toEqual({
			credential: 'azure-cli',
			principal: 'learner@contoso.example',
			principalKind: 'user',
			tenantId: '00000000-0000-4000-8000-00000000e57a',
		});
	});

	it('a real resource refusing the stand-in az token is told that the stand-in is still on PATH; the local emulator is not', async () => {
		process.env['PATH'] = `${standInDirectory}${path.delimiter}${originalPath ?? ''}`;
		const entra = await createEntraCredential();
		await entra.tokenCredential.getToken('https://communication.azure.com//.default');
		expect(entra.explainRefusal('https://contoso.communication.azure.com/')?.message).toContain(
			"refused the token of acs-tokens' stand-in az, which only the local emulator takes",
		);
		expect(entra.explainRefusal('https://127.0.0.1:10430/')?.message).not.toContain('stand-in');
	});
});
