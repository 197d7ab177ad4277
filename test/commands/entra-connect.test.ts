import {chmod, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createSandbox, type EmulatorProcess, parseJson, type Sandbox, stackTraceLine, startEmulatorProcess, temporaryDirectory} from '../_helpers/cli.js';

/**
 * Keyless connections, offline: the emulator with --allow-entra (HTTPS: an Entra ID token never
 * travels over plain http), and `@azure/identity`'s DefaultAzureCredential itself running in the
 * built binary, narrowed by AZURE_TOKEN_CREDENTIALS to the Azure CLI credential, which runs the
 * stand-in `az` on PATH (`acs-tokens emulator stand-in-az --path` writes it). No managed-identity
 * probe, nothing beyond loopback.
 */

let sandbox: Sandbox;
let emulator: EmulatorProcess;
let standInDirectory: string;
let entraEnv: Record<string, string>;

beforeAll(async () => {
	sandbox = await createSandbox();
	// On the sandbox's own config directory: its lock names the emulator, so its CA is trusted as the emulator's.
	emulator = await startEmulatorProcess(['--allow-entra', '--port', '0'], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory});
	const cacheDirectory = await temporaryDirectory('acs-tokens-cache-');
	const written = await sandbox.run(['emulator', 'stand-in-az', '--path'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
	expect(written.code, written.stderr).toBe(0);
	standInDirectory = written.stdout.trim();
	entraEnv = {PATH: `${standInDirectory}${path.delimiter}${process.env['PATH'] ?? ''}`, AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential'};
}, 60_000);

afterAll(async () => {
	await emulator?.stop();
});

/** An `az` of the test's own, answering with whatever JSON it is given. */
async function azAnswering(answer: Record<string, unknown>): Promise<string> {
	const directory = await temporaryDirectory('acs-tokens-az-');
	await mkdir(directory, {recursive: true});
	const script = path.join(directory, 'az');
	await writeFile(script, `#!/bin/sh\ncat <<'JSON'\n${JSON.stringify(answer)}\nJSON\n`);
	await chmod(script, 0o755);
	return directory;
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${part({alg: 'RS256', typ: 'JWT'})}.${part(claims)}.${part('x')}`;

describe('--endpoint: Microsoft Entra ID through DefaultAzureCredential', () => {
	test('the whole quickstart keyless: create, issue, revoke, delete; the profile remembers Entra ID', async () => {
		const created = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint, '--label', 'keyless', '--json'], {env: entraEnv});
		expect(created.code, created.stderr).toBe(0);
		expect(parseJson<{id: string}>(created).id).toMatch(/^8:acs:/);

		const issued = await sandbox.run(['token', 'issue', '--endpoint', emulator.endpoint, '--user', 'keyless', '--scopes', 'chat', '--json'], {env: entraEnv});
		expect(issued.code, issued.stderr).toBe(0);
		expect(parseJson<{token: string}>(issued).token).toMatch(/^eyJ/);

		const profiles = await sandbox.run(['profiles', '--json'], {env: entraEnv});
		const [profile] = parseJson<{profiles: {name: string; endpoint: string; keySource: {kind: string}}[]}>(profiles).profiles;
		expect(profile?.endpoint).toBe(emulator.endpoint);
		expect(profile?.keySource.kind).toBe('entra');
		// No key anywhere in the store.
		const {readFile} = await import('node:fs/promises');
		expect(await readFile(sandbox.configFile, 'utf8')).not.toContain(emulator.accessKey);

		// The profile alone connects keyless again.
		const revoked = await sandbox.run(['token', 'revoke', '--profile', profile?.name ?? '', '--user', 'keyless', '--yes'], {env: entraEnv});
		expect(revoked.code, revoked.stderr).toBe(0);
		const deleted = await sandbox.run(['user', 'delete', '--profile', profile?.name ?? '', '--user', 'keyless', '--yes'], {env: entraEnv});
		expect(deleted.code, deleted.stderr).toBe(0);
	}, 60_000);

	test('AZURE_COMMUNICATION_ENDPOINT connects keyless with no flag; --verbose says who signed in, through which credential, and masks the bearer', async () => {
		const other = await createSandbox();
		const result = await other.run(['user', 'create', '--verbose', '--json'], {
			env: {...entraEnv, AZURE_COMMUNICATION_ENDPOINT: emulator.endpoint, NODE_EXTRA_CA_CERTS: path.join(sandbox.configDirectory, 'emulator', 'tls', 'ca.pem')},
		});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toContain('Signed in with Microsoft Entra ID as learner@contoso.example (tenant 00000000-0000-4000-8000-00000000e57a), through the Azure CLI.');
		expect(result.stderr).toContain('> authorization: Bearer •••');
		expect(result.stderr).not.toMatch(/Bearer eyJ/);
	}, 30_000);

	test('--tenant narrows the sign-in to that tenant (the stand-in az is asked for it)', async () => {
		const tenant = '11111111-2222-4333-8444-555555555555';
		const result = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint, '--tenant', tenant, '--verbose'], {env: entraEnv});
		expect(result.code, result.stderr).toBe(0);
		expect(result.stderr).toContain(`(tenant ${tenant})`);
	}, 30_000);

	test('no credential answers: one message lists what was tried and what to do, in the user language too', async () => {
		// PATH only an empty directory: no az, even where the Azure CLI is installed (its own config elsewhere too).
		const empty = await temporaryDirectory('acs-tokens-no-az-');
		const noAz = {PATH: empty, AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential', AZURE_CONFIG_DIR: empty};
		const result = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint], {env: noAz});
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('No Microsoft Entra ID credential answered. Tried, in order: Azure CLI (az login).');
		expect(result.stderr).toContain('Sign in with `az login`');
		expect(result.stderr).not.toMatch(stackTraceLine);

		const json = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint, '--json'], {env: noAz});
		expect(parseJson<{error: {kind: string}}>(json).error.kind).toBe('authentication');

		const zh = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint, '--lang', 'zh-TW'], {env: noAz});
		expect(zh.stderr).toContain('沒有任何 Microsoft Entra ID 認證回應。已依序嘗試：Azure CLI（az login）');
	}, 30_000);

	test('a token for another audience, and an expired one, each get their own message', async () => {
		const inAnHour = Math.floor(Date.now() / 1000) + 3600;
		const wrongAudience = await azAnswering({
			accessToken: jwt({aud: 'https://management.azure.com', exp: inAnHour, upn: 'a@contoso.example'}),
			expires_on: inAnHour,
		});
		let result = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint], {
			env: {...entraEnv, PATH: `${wrongAudience}${path.delimiter}${process.env['PATH'] ?? ''}`},
		});
		expect(result.code).toBe(3);
		expect(result.stderr).toContain('The Entra ID token is for https://management.azure.com, not for Communication Services');

		// az says the token lives an hour; the token itself expired a minute ago.
		const expired = await azAnswering({
			accessToken: jwt({aud: 'https://communication.azure.com', exp: Math.floor(Date.now() / 1000) - 60, upn: 'a@contoso.example'}),
			expires_on: inAnHour,
		});
		result = await sandbox.run(['user', 'create', '--endpoint', emulator.endpoint], {
			env: {...entraEnv, PATH: `${expired}${path.delimiter}${process.env['PATH'] ?? ''}`},
		});
		expect(result.code).toBe(3);
		expect(result.stderr).toMatch(/The Entra ID token expired at \d{4}-/);
	}, 30_000);

	test('keyless, a refused Teams user token is said as the Teams token, not as the signed-in principal lacking a role', async () => {
		const appId = '1b2c3d4e-0000-4000-8000-123456789abc';
		const userId = '2b2c3d4e-0000-4000-8000-123456789abc';
		const result = await sandbox.run(['token', 'teams', '--endpoint', emulator.endpoint, '--app-id', appId, '--user-id', userId, '--json'], {
			env: entraEnv,
			input: 'not-a-teams-token',
		});
		expect(result.code).toBe(3);
		const {error} = parseJson<{error: {message: string; statusCode?: number}}>(result);
		expect(error.message).toContain("The Teams user's Entra ID token was refused (401 InvalidAccessToken)");
		expect(error.message).not.toContain('Give that identity a role');
	}, 30_000);

	test('plain http:// is refused with an Entra ID credential, as the SDK itself does', async () => {
		const result = await sandbox.run(['user', 'create', '--endpoint', 'http://127.0.0.1:9/'], {env: entraEnv});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('an Entra ID token is only ever sent over https://');
	}, 30_000);

	test('the stand-in az answers as the Azure CLI does, and says what it is otherwise', async () => {
		const token = await sandbox.run(['emulator', 'stand-in-az', 'account', 'get-access-token', '--output', 'json', '--resource', 'https://communication.azure.com/']);
		const answer = parseJson<{accessToken: string; expires_on: number; expiresOn: string; tokenType: string}>(token);
		expect(answer.tokenType).toBe('Bearer');
		expect(answer.expiresOn).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
		const claims = JSON.parse(Buffer.from(answer.accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
		expect(claims['aud']).toBe('https://communication.azure.com');
		expect(claims['exp']).toBe(answer.expires_on);

		// As the credential calls it, with a tenant and a subscription.
		const withTenant = await sandbox.run(['emulator', 'stand-in-az', 'account', 'get-access-token', '--output', 'json', '--resource', 'https://communication.azure.com/', '--tenant', '72f988bf-86f1-41af-91ab-2d7cd011db47', '--subscription', 'sub']);
		expect(withTenant.code, withTenant.stderr).toBe(0);
		expect(parseJson<{tenant: string}>(withTenant).tenant).toBe('72f988bf-86f1-41af-91ab-2d7cd011db47');

		const other = await sandbox.run(['emulator', 'stand-in-az', 'group', 'list']);
		expect(other.code).toBe(2);
		expect(other.stderr).toContain('The stand-in az does not do "az group list"');
		for (const [args, said] of [
			[['--resource', 'https://communication.azure.com/', '--query', 'accessToken'], 'does not take --query'],
			[['--resource'], '--resource needs a value'],
			[['--resource', 'https://communication.azure.com/', '--output', 'tsv'], 'prints JSON only, not "tsv"'],
		] as const) {
			const refused = await sandbox.run(['emulator', 'stand-in-az', 'account', 'get-access-token', ...args]);
			expect(refused.code).toBe(2);
			expect(refused.stdout).toBe('');
			expect(refused.stderr).toContain(said);
		}

		// --help, and nothing at all, say what it is: exit 0.
		for (const args of [['--help'], []]) {
			const help = await sandbox.run(['emulator', 'stand-in-az', ...args]);
			expect(help.code).toBe(0);
			expect(help.stdout).toContain("acs-tokens' stand-in az, offline");
			expect(help.stdout).toContain('az account get-access-token --resource URL');
		}
	}, 30_000);
});
