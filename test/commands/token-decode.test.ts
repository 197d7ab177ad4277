import {describe, expect, it} from 'vitest';
import {createSandbox, parseJson, runCli} from '../_helpers/cli.js';

/** token decode works offline, on any JWT; these are made up here, unsigned. */

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object) => `${part({alg: 'RS256', typ: 'JWT'})}.${part(payload)}.${Buffer.from('not a real signature').toString('base64url')}`;

describe('token decode', () => {
	it('an expired token: when it expired, in local time, and expired: true', async () => {
		const iat = Date.UTC(2026, 0, 15, 10, 0, 0) / 1000;
		const token = jwt({skypeid: 'acs:x_y', iat, exp: iat + 3600, acsScope: 'voip,chat'});
		const human = await runCli(['token', 'decode', token], {env: {TZ: 'America/New_York'}});
		expect(human.code).toBe(0);
		expect(human.stdout).toContain('\nIssued   Jan 15, 2026, 5:00:00 AM EST\n');
		expect(human.stdout).toMatch(/\nExpires {2}Jan 15, 2026, 6:00:00 AM EST \(expired (?:\d+d )?\d+h(?: \d+m)? ago\)\nScopes {3}voip, chat\n$/);

		const json = await runCli(['token', 'decode', token, '--json']);
		expect(parseJson(json)).toEqual({
			header: {alg: 'RS256', typ: 'JWT'},
			claims: {skypeid: 'acs:x_y', iat, exp: iat + 3600, acsScope: 'voip,chat'},
			issuedAt: '2026-01-15T10:00:00.000Z',
			expiresOn: '2026-01-15T11:00:00.000Z',
			expired: true,
		});
	});

	it('a JWT without times or scopes: just the header and claims', async () => {
		const result = await runCli(['token', 'decode', '-', '--json'], {input: `  ${jwt({sub: 'someone'})}  \n\n`});
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({header: {alg: 'RS256', typ: 'JWT'}, claims: {sub: 'someone'}});

		const human = await runCli(['token', 'decode', jwt({sub: 'someone'})], {env: {TZ: 'UTC'}});
		expect(human.stdout).toBe('Header\n  {\n    "alg": "RS256",\n    "typ": "JWT"\n  }\nClaims\n  {\n    "sub": "someone"\n  }\n');
	});

	it('an empty stdin is not a token: "-" with nothing piped says so, for decode and verify', async () => {
		// verify reads stdin once it has a connection (one that is never called here).
		const sandbox = await createSandbox();
		const env = {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=http://127.0.0.1:9/;accesskey=${Buffer.from('never used').toString('base64')}`};
		for (const command of ['decode', 'verify']) {
			const result = await sandbox.run(['token', command, '-'], {input: '', env});
			expect(result).toEqual({code: 2, stdout: '', stderr: 'acs-tokens: "-" read nothing from stdin: pipe the token in (< token.txt, or echo "$TOKEN" |).\n'});
		}
	});

	it("takes what token issue --json printed on stdin, for decode and verify: no jq needed", async () => {
		const token = jwt({sub: 'someone'});
		const printed = `${JSON.stringify({id: '8:acs:x_y', token, expiresOn: '2026-01-15T11:00:00.000Z'}, undefined, 2)}\n`;
		const result = await runCli(['token', 'decode', '-', '--json'], {input: printed});
		expect(result.code, result.stderr).toBe(0);
		expect(parseJson(result)).toEqual({header: {alg: 'RS256', typ: 'JWT'}, claims: {sub: 'someone'}});
		// JSON without a token, and JSON nested past any reason, are not tokens: refused as such.
		for (const input of ['{"id": "8:acs:x_y"}', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, '{"token": 42}']) {
			const refused = await runCli(['token', 'decode', '-'], {input});
			expect(refused.code).toBe(2);
			expect(refused.stderr).toMatch(/^acs-tokens: That is not a JWT/);
		}
	});

	it('reads at most 64 KiB from stdin: 4 MiB of one line is refused by its size, with no stack trace', async () => {
		const result = await runCli(['token', 'decode', '-'], {input: `eyJ${'a'.repeat(4 * 1024 * 1024)}`});
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/^acs-tokens: What came on stdin is larger than 65536 bytes/);
		expect(result.stderr).not.toMatch(/\n\s+at /);
		expect(result.stderr.length).toBeLessThan(500);
	});
});

