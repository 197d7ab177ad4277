import {randomUUID} from 'node:crypto';
import {mkdtemp} from 'node:fs/promises';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {loadOrCreateTls} from '../../source/emulator/certificate.js';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {createSandbox, type EmulatorProcess, parseJson, type Sandbox, stackTraceLine, startEmulatorProcess} from '../_helpers/cli.js';
import {decodeClaims} from '../_helpers/emulator.js';

/**
 * Entra ID users and Teams Extension users, offline: `acs-tokens access …` manages who may
 * exchange (the assignment routes, HMAC-signed with the key as the SDK signs), and
 * `acs-tokens token exchange` runs @azure/communication-common's own credential with the
 * user's Entra ID token (a stand-in from `acs-tokens emulator stand-in-entra-token`) against the
 * emulator with --allow-entra (HTTPS; its CA trusted because the config directory names it).
 */

const tenant = '00000000-0000-4000-8000-00000000e57a';
let sandbox: Sandbox;
let emulator: EmulatorProcess;

beforeAll(async () => {
	sandbox = await createSandbox();
	emulator = await startEmulatorProcess(['--allow-entra', '--port', '0'], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory});
}, 60_000);

afterAll(async () => {
	await emulator?.stop();
});

async function entraToken(args: readonly string[]): Promise<string> {
	const made = await sandbox.run(['emulator', 'stand-in-entra-token', ...args]);
	expect(made.code, made.stderr).toBe(0);
	return made.stdout.trim();
}

describe('Entra ID users: assignments, then the client app exchange', () => {
	test('an unassigned user is refused (403, said what to do); assigned, the credential gets an ACS token; unassigned again, refused', async () => {
		const objectId = randomUUID();
		const token = await entraToken(['--user-id', objectId]);
		expect(decodeClaims(token)).toMatchObject({aud: 'https://communication.azure.com/clients', oid: objectId, tid: tenant});

		const none = await sandbox.run(['access', 'list', '--emulator']);
		expect(none.code, none.stderr).toBe(0);
		expect(none.stdout).toContain('No assignments');

		let exchanged = await sandbox.run(['token', 'exchange', '--emulator'], {input: token});
		expect(exchanged.code).toBe(3);
		expect(exchanged.stderr).toContain('The resource refused the exchange (403): no assignment lets this user');
		expect(exchanged.stderr).not.toMatch(stackTraceLine);

		const assigned = await sandbox.run(['access', 'assign', objectId, '--type', 'user', '--tenant-id', tenant, '--emulator']);
		expect(assigned.code, assigned.stderr).toBe(0);
		expect(assigned.stdout).toContain(`Assigned ${objectId} (user)`);

		const listed = await sandbox.run(['access', 'list', '--emulator', '--json']);
		expect(parseJson<{assignments: unknown[]}>(listed).assignments).toEqual([{objectId, tenantId: tenant, principalType: 'user', clientIds: []}]);
		const shown = await sandbox.run(['access', 'show', objectId, '--emulator']);
		expect(shown.stdout).toMatch(new RegExp(`${objectId} +user +${tenant} +any`));

		exchanged = await sandbox.run(['token', 'exchange', '--emulator', '--json'], {input: token});
		expect(exchanged.code, exchanged.stderr).toBe(0);
		const answer = parseJson<{token: string; expiresOn: string; identity: string}>(exchanged);
		expect(answer.identity).toMatch(/^8:acs:/);
		expect(answer.identity).toContain(objectId);
		expect(Date.parse(answer.expiresOn)).toBeGreaterThan(Date.now());

		const removed = await sandbox.run(['access', 'unassign', objectId, '--emulator', '--yes']);
		expect(removed.code, removed.stderr).toBe(0);
		exchanged = await sandbox.run(['token', 'exchange', '--emulator'], {input: token});
		expect(exchanged.code).toBe(3);
	}, 90_000);

	test('Teams Extension users: assigned per tenant, exchanged with their own scopes', async () => {
		const objectId = randomUUID();
		const assigned = await sandbox.run(['access', 'assign', objectId, '--teams-extension', '--type', 'user', '--tenant-id', tenant, '--emulator', '--json']);
		expect(assigned.code, assigned.stderr).toBe(0);
		expect(parseJson<{created: boolean}>(assigned).created).toBe(true);
		const token = await entraToken(['--teams-extension', '--user-id', objectId]);
		const exchanged = await sandbox.run(['token', 'exchange', '--emulator', '--teams-extension', '--json'], {input: token});
		expect(exchanged.code, exchanged.stderr).toBe(0);
		expect(parseJson<{identity: string}>(exchanged).identity).toContain(objectId);
		// The Entra ID users' scope is refused for this kind before anything is sent.
		const wrong = await sandbox.run(['token', 'exchange', '--emulator', '--teams-extension', '--scopes', 'https://communication.azure.com/clients/.default'], {input: token});
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toContain('does not start with https://auth.msft.communication.azure.com/');
	}, 60_000);

	test('wrong input is named before any request: a type, a GUID, no token', async () => {
		let result = await sandbox.run(['access', 'assign', randomUUID(), '--type', 'robot', '--tenant-id', tenant, '--emulator']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--type "robot" is not one of these: use user, group, tenant.');
		result = await sandbox.run(['access', 'assign', 'alice', '--type', 'user', '--tenant-id', tenant, '--emulator']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('OBJECT_ID "alice" is not a GUID');
		result = await sandbox.run(['token', 'exchange', '--emulator'], {input: ''});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('No Entra ID token on stdin.');
		const zh = await sandbox.run(['access', 'assign', randomUUID(), '--type', 'robot', '--tenant-id', tenant, '--emulator', '--lang', 'zh-TW']);
		expect(zh.stderr).toContain('--type「robot」不在允許的值中');
	}, 60_000);
});

describe('a resource that takes the exchange and never answers', () => {
	test('the exchange gives up after ACS_TOKENS_REQUEST_TIMEOUT: exit 5, a network error that says so', async () => {
		const tls = await loadOrCreateTls(await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-silent-tls-')));
		const silent = https.createServer({cert: tls.cert, key: tls.key}, () => undefined);
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		const endpoint = `https://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
		try {
			const token = await entraToken(['--user-id', randomUUID()]);
			const result = await sandbox.run(['token', 'exchange', '--endpoint', endpoint, '--json'], {
				input: token,
				// Its CA trusted as a user would; no credential of this machine is asked for anything.
				env: {NODE_EXTRA_CA_CERTS: tls.certificatePath, ACS_TOKENS_REQUEST_TIMEOUT: '1', AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential'},
			});
			expect(result.code, result.stderr).toBe(5);
			expect(parseJson(result)).toMatchObject({error: {kind: 'network', message: expect.stringContaining(`${endpoint} did not answer within 1 s.`)}});
			expect(result.stderr).not.toMatch(stackTraceLine);
		} finally {
			silent.closeAllConnections();
			await new Promise(resolve => silent.close(resolve));
		}
	}, 30_000);
});
