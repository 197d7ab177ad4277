import {randomUUID} from 'node:crypto';
import {beforeAll, describe, expect, test} from 'vitest';
import {createSandbox, parseJson, type Sandbox, stackTraceLine} from '../_helpers/cli.js';
import {decodeClaims} from '../_helpers/emulator.js';

/**
 * `acs-tokens token teams`: the Custom Teams Endpoint exchange through the SDK's
 * getTokenForTeamsUser, offline on the embedded emulator, with a simulated Teams user's token
 * from `acs-tokens emulator stand-in-teams-token`. The Teams token only ever travels on stdin.
 */

const appId = randomUUID();
const userId = randomUUID();
let sandbox: Sandbox;
let teamsToken: string;

beforeAll(async () => {
	sandbox = await createSandbox();
	const made = await sandbox.run(['emulator', 'stand-in-teams-token', '--app-id', appId, '--user-id', userId]);
	expect(made.code, made.stderr).toBe(0);
	teamsToken = made.stdout.trim();
});

describe('token teams', () => {
	test('exchanges a simulated Teams user token read from stdin; --json prints {token, expiresOn}', async () => {
		const claims = decodeClaims(teamsToken);
		expect(claims).toMatchObject({aud: 'https://auth.msft.communication.azure.com', appid: appId, oid: userId, scp: 'Teams.ManageCalls Teams.ManageChats'});

		const result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId, '--json'], {input: teamsToken});
		expect(result.code, result.stderr).toBe(0);
		const answer = parseJson<{token: string; expiresOn: string}>(result);
		expect(Object.keys(answer).sort()).toEqual(['expiresOn', 'token']);
		expect(decodeClaims(answer.token)['skypeid']).toBe(`orgid:${userId}`);
		// An ACS token lives no longer than the Teams token it came from.
		expect(Date.parse(answer.expiresOn)).toBeLessThanOrEqual((claims['exp'] as number) * 1000);

		const masked = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId], {input: teamsToken});
		expect(masked.code, masked.stderr).toBe(0);
		expect(masked.stdout).toContain(`ACS token for the Teams user ${userId}: eyJ`);
		expect(masked.stdout).not.toContain(answer.token.slice(40, 80));
	}, 30_000);

	test('never takes the token from the command line', async () => {
		const result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId, '--token', teamsToken]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Unknown option --token');
		expect(result.stderr).not.toContain(teamsToken);
	});

	test('each wrong input is named: no token, not a GUID, another app, another user, a token that is not valid', async () => {
		let result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId], {input: ''});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('No Teams user token on stdin.');

		result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', 'my-app', '--user-id', userId], {input: teamsToken});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--app-id "my-app" is not a GUID');

		result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', randomUUID(), '--user-id', userId], {input: teamsToken});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('AAD application is not the expected one.');

		result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', randomUUID()], {input: teamsToken});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('Provided AAD token issued for unexpected user.');

		result = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId, '--json'], {input: 'eyJub3Q.a.token'});
		expect(result.code).toBe(3);
		expect(parseJson<{error: {kind: string; message: string}}>(result).error.message).toContain(
			"The Teams user's Entra ID token was refused (401 InvalidAccessToken)",
		);
		expect(result.stderr).not.toMatch(stackTraceLine);

		const zh = await sandbox.run(['token', 'teams', '--emulator', '--app-id', appId, '--user-id', userId, '--lang', 'zh-TW'], {input: 'x'});
		expect(zh.stderr).toContain('Teams 使用者的 Entra ID 權杖遭到拒絕');
	}, 60_000);
});
