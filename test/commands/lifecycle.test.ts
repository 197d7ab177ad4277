import {readFile} from 'node:fs/promises';
import {beforeAll, describe, expect, it} from 'vitest';
import {createSandbox, parseJson, type Sandbox, stackTraceLine} from '../_helpers/cli.js';

/**
 * One identity's life through every command, against the embedded emulator (--emulator,
 * its state under the sandbox's config directory), as a user would run them one after another.
 */

const idPattern = /^8:acs:[\da-f-]{36}_[\da-f-]{36}$/;
const tokenPattern = /^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/;
const idText = String.raw`8:acs:[\da-f-]{36}_[\da-f-]{36}`;
/** Intl's medium date and long time, with the zone: `Dec 2, 2026, 10:34:55 PM UTC`. */
const localTime = String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d:\d\d [AP]M (?:UTC|GMT[+-][\d:]+)`;

type Created = {id: string; label?: string; profile: string; token?: string; expiresOn?: string; scopes?: string[]};
type Listed = {identities: Array<{profile: string; state: string; id: string; label?: string}>};

let sandbox: Sandbox;
let alice: Created;
let bob: Created;
let firstToken: string;
let unlabelled: string;

const states = async () =>
	Object.fromEntries(
		parseJson<Listed>(await sandbox.run(['users', '--json'])).identities.map(identity => [identity.label ?? identity.id, identity.state]),
	);

beforeAll(async () => {
	sandbox = await createSandbox();
});

describe('user create', () => {
	it('creates an identity and a token, shows the token masked, and records both', async () => {
		const result = await sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--scopes', 'chat,voip']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		expect(result.stdout).toMatch(
			new RegExp(
				String.raw`^Created (${idText}) \(alice\) in profile emulator\.\nToken \(chat, voip\): eyJhbGciOiJS•••\nExpires ${localTime} \(in (?:23h 59m|24h 0m)\)\nThe token is masked: add --reveal to print it, or --json for scripts\.\n$`,
			),
		);
		const id = (/^Created (\S+)/.exec(result.stdout) as RegExpExecArray)[1] as string;
		alice = {id, label: 'alice', profile: 'emulator'};
		expect(await states()).toEqual({alice: 'token-valid'});
	});

	it('--json: one document with the id, label, profile, token, expiry and scopes', async () => {
		const result = await sandbox.run(['user', 'create', '--emulator', '--label', 'bob', '--scopes', 'voip', '--expires-in', '60', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		bob = parseJson<Created>(result);
		expect(bob).toEqual({
			id: expect.stringMatching(idPattern),
			label: 'bob',
			profile: 'emulator',
			token: expect.stringMatching(tokenPattern),
			expiresOn: expect.any(String),
			scopes: ['voip'],
		});
		const minutesLeft = (Date.parse(bob.expiresOn as string) - Date.now()) / 60_000;
		expect(minutesLeft).toBeGreaterThan(58);
		expect(minutesLeft).toBeLessThanOrEqual(60);
	});

	it('without --scopes, an identity alone; --reveal prints the token itself', async () => {
		const bare = await sandbox.run(['user', 'create', '--emulator', '--json']);
		expect(parseJson(bare)).toEqual({id: expect.stringMatching(idPattern), profile: 'emulator'});
		unlabelled = parseJson<Created>(bare).id;
		const revealed = await sandbox.run(['user', 'create', '--emulator', '--label', 'carol', '--scopes', 'chat.join', '--reveal']);
		expect(revealed.code).toBe(0);
		expect(revealed.stdout).toMatch(/^Token \(chat\.join\): eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/m);
		expect(revealed.stdout).not.toContain('masked');
	});
});

describe('token issue, decode and verify', () => {
	it('issues a token for a label, with --json', async () => {
		const result = await sandbox.run(['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat', '--json']);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const issued = parseJson<{id: string; label: string; token: string; expiresOn: string; scopes: string[]}>(result);
		expect(issued).toEqual({id: alice.id, label: 'alice', token: expect.stringMatching(tokenPattern), expiresOn: expect.any(String), scopes: ['chat']});
		firstToken = issued.token;
	});

	it('issues for an id too, in human form, masked', async () => {
		const result = await sandbox.run(['token', 'issue', '--emulator', '--user', alice.id, '--scopes', 'voip', '--expires-in', '120']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(
			new RegExp(String.raw`^Token for alice \(${alice.id}\), scopes voip: eyJhbGciOiJS•••\nExpires ${localTime} \(in (?:1h 59m|2h 0m)\)\n`),
		);
		expect(result.stdout).not.toMatch(tokenPattern);
	});

	it('decode: header, claims, and times in local time', async () => {
		const result = await sandbox.run(['token', 'decode', firstToken], {env: {TZ: 'Asia/Kolkata'}});
		expect(result.code).toBe(0);
		expect(result.stderr).toBe('');
		const claims = JSON.parse(Buffer.from(firstToken.split('.')[1] as string, 'base64url').toString()) as {exp: number; iat: number; skypeid: string};
		const inKolkata = (seconds: number) =>
			new Intl.DateTimeFormat('en', {dateStyle: 'medium', timeStyle: 'long', timeZone: 'Asia/Kolkata'}).format(seconds * 1000);
		expect(result.stdout).toContain('Header\n  {\n    "alg": "RS256",');
		expect(result.stdout).toContain(`Claims\n  {\n    "skypeid": "${alice.id.slice(2)}",`);
		expect(claims.skypeid).toBe(alice.id.slice(2));
		// In the zone TZ names, with the zone shown.
		expect(inKolkata(claims.iat)).toMatch(/ GMT\+5:30$/);
		expect(result.stdout).toContain(`\nIssued   ${inKolkata(claims.iat)}\n`);
		expect(result.stdout).toMatch(new RegExp(String.raw`\nExpires  ${inKolkata(claims.exp).replace('+', '\\+')} \(in (?:23h 59m|24h 0m)\)\nScopes   chat\n$`));
	});

	it('decode - reads the token from stdin; --json gives header, claims and ISO times', async () => {
		const result = await sandbox.run(['token', 'decode', '-', '--json'], {input: `${firstToken}\n`});
		expect(result.code).toBe(0);
		const decoded = parseJson<{header: Record<string, unknown>; claims: Record<string, unknown>; issuedAt: string; expiresOn: string; expired: boolean}>(result);
		expect(decoded).toEqual({
			header: expect.objectContaining({alg: 'RS256', typ: 'JWT'}),
			claims: expect.objectContaining({skypeid: alice.id.slice(2), acsScope: 'chat'}),
			issuedAt: new Date((decoded.claims['iat'] as number) * 1000).toISOString(),
			expiresOn: new Date((decoded.claims['exp'] as number) * 1000).toISOString(),
			expired: false,
		});
	});

	it('verify: valid, exit 0', async () => {
		const human = await sandbox.run(['token', 'verify', '--emulator', firstToken]);
		expect(human).toEqual({code: 0, stdout: 'Token is valid: signed by this emulator, not expired, not revoked.\n', stderr: ''});
		const json = await sandbox.run(['token', 'verify', '--emulator', '-', '--json'], {input: firstToken});
		expect(json.code).toBe(0);
		expect(parseJson(json)).toEqual({valid: true, reason: 'valid', claims: expect.objectContaining({skypeid: alice.id.slice(2)})});
	});

	it('verify: a token altered after signing is invalid, exit 1', async () => {
		const [header, payload, signature] = firstToken.split('.') as [string, string, string];
		const altered = `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
		const result = await sandbox.run(['token', 'verify', '--emulator', altered]);
		expect(result).toEqual({code: 1, stdout: 'Token is invalid: not signed by this emulator (or altered).\n', stderr: ''});
	});
});

describe('token revoke', () => {
	it('without a terminal and without --yes: refuses with exit 2, and changes nothing', async () => {
		const before = await readFile(sandbox.configFile, 'utf8');
		const result = await sandbox.run(['token', 'revoke', '--emulator', '--user', 'alice']);
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: 'acs-tokens: Refusing to revoke tokens without confirmation: there is no terminal to ask on. Pass --yes to confirm.\n',
		});
		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
		expect((await sandbox.run(['token', 'verify', '--emulator', firstToken])).code).toBe(0);
	});

	it('with --yes: revokes, records it, and the old token verifies as revoked', async () => {
		const result = await sandbox.run(['token', 'revoke', '--emulator', '--user', 'alice', '--yes']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(new RegExp(String.raw`^Revoked every token of ${alice.id} \(alice\) issued before ${localTime}\.\n$`));
		expect((await states())['alice']).toBe('revoked');

		const verified = await sandbox.run(['token', 'verify', '--emulator', firstToken, '--json']);
		expect(verified.code).toBe(1);
		expect(parseJson(verified)).toMatchObject({valid: false, reason: 'revoked'});
		const human = await sandbox.run(['token', 'verify', '--emulator', firstToken]);
		expect(human).toMatchObject({code: 1, stdout: "Token is revoked: its identity's tokens were revoked after it was issued.\n"});
	});

	it('a token issued after the revocation works, and users shows it valid again', async () => {
		const issued = parseJson<{token: string}>(await sandbox.run(['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat', '--json']));
		expect((await sandbox.run(['token', 'verify', '--emulator', issued.token])).code).toBe(0);
		expect((await states())['alice']).toBe('token-valid');
	});

	it('--json with -y', async () => {
		const result = await sandbox.run(['token', 'revoke', '--emulator', '--user', bob.id, '-y', '--json']);
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({id: bob.id, revokedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/)});
	});
});

describe('user delete', () => {
	it('without a terminal and without --yes: refuses with exit 2, and changes nothing', async () => {
		const before = await readFile(sandbox.configFile, 'utf8');
		const result = await sandbox.run(['user', 'delete', '--emulator', '--user', 'alice', '--json']);
		expect(result.code).toBe(2);
		expect(parseJson(result)).toEqual({
			error: {kind: 'usage', message: 'Refusing to delete the identity without confirmation: there is no terminal to ask on. Pass --yes to confirm.'},
		});
		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
		const stillThere = await sandbox.run(['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat', '--json']);
		expect(stillThere.code).toBe(0);
		firstToken = parseJson<{token: string}>(stillThere).token;
	});

	it('with --yes: deletes, records it, and its tokens verify as deleted', async () => {
		const result = await sandbox.run(['user', 'delete', '--emulator', '--user', 'alice', '--yes']);
		expect(result).toEqual({code: 0, stdout: `Deleted ${alice.id} (alice).\n`, stderr: ''});
		expect((await states())['alice']).toBe('deleted');
		const verified = await sandbox.run(['token', 'verify', '--emulator', firstToken]);
		expect(verified).toEqual({code: 1, stdout: 'Token is invalid: its identity was deleted.\n', stderr: ''});
	});

	it('a deleted identity is not found: exit 4, and the message says how to forget it', async () => {
		for (const args of [
			['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat'],
			['token', 'revoke', '--emulator', '--user', 'alice', '--yes'],
			['user', 'delete', '--emulator', '--user', 'alice', '--yes'],
		]) {
			const result = await sandbox.run([...args, '--json']);
			expect(result.code).toBe(4);
			const {error} = parseJson<{error: {kind: string; message: string; statusCode: number}}>(result);
			expect(error).toMatchObject({kind: 'not-found', statusCode: 404});
			// The service's message names the identity; ours does not say it again, and says what to run.
			expect(error.message).toBe(
				`Not on this resource (404): Identity '${alice.id}' was deleted. If it is in your local list (acs-tokens users), drop it with: acs-tokens user forget --user ${alice.id}`,
			);
			expect(result.stderr).toBe(`acs-tokens: ${error.message}\n`);
			expect(result.stderr).not.toMatch(stackTraceLine);
		}
	});

	it('--json', async () => {
		const result = await sandbox.run(['user', 'delete', '--emulator', '--user', 'bob', '--yes', '--json']);
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({id: bob.id, deletedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/)});
	});
});

describe('users, after all of that', () => {
	it('lists each identity with its state: no token, valid, revoked, deleted', async () => {
		const dave = await sandbox.run(['user', 'create', '--emulator', '--label', 'dave', '--scopes', 'chat']);
		expect(dave.code).toBe(0);
		expect((await sandbox.run(['token', 'revoke', '--emulator', '--user', 'dave', '--yes'])).code).toBe(0);

		expect(await states()).toEqual({
			alice: 'deleted',
			bob: 'deleted',
			carol: 'token-valid',
			dave: 'revoked',
			[unlabelled]: 'no-token',
		});

		const table = await sandbox.run(['users']);
		expect(table.code).toBe(0);
		const lines = table.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^PROFILE {3}LABEL {2}ID {2,}STATE$/);
		const row = (label: string) => lines.find(line => new RegExp(`^emulator +${label} +8:acs:`).test(line));
		expect(row('alice')).toMatch(new RegExp(` deleted ${localTime}$`));
		expect(row('dave')).toMatch(new RegExp(` tokens revoked ${localTime}$`));
		expect(row('carol')).toMatch(new RegExp(String.raw` token chat\.join, expires ${localTime} \(in (?:23h 59m|24h 0m)\)$`));
		expect(lines.find(line => /^emulator {2,}8:acs:/.test(line))).toMatch(/ no token issued$/);
		expect(lines).toHaveLength(6);
	});

	it('--emulator and --profile narrow the list; an empty store says how to start', async () => {
		const emulatorOnly = parseJson<Listed>(await sandbox.run(['users', '--emulator', '--json']));
		expect(emulatorOnly.identities).toHaveLength(5);
		expect(emulatorOnly.identities.every(identity => identity.profile === 'emulator')).toBe(true);
		// A profile that does not exist is the same mistake here as in every command: exit 2.
		const other = await sandbox.run(['users', '--profile', 'nope']);
		expect(other.code).toBe(2);
		expect(other.stderr).toMatch(/^acs-tokens: There is no profile "nope"\. Saved profiles: /);

		const empty = await createSandbox();
		expect(await empty.run(['users'])).toEqual({
			code: 0,
			stdout: 'No identities yet. Create one: acs-tokens user create --emulator --label alice\n',
			stderr: '',
		});
		expect(parseJson(await empty.run(['users', '--json']))).toEqual({identities: []});
	});

	it('never writes a token into the store', async () => {
		const stored = await readFile(sandbox.configFile, 'utf8');
		expect(stored).not.toMatch(/eyJ[\w-]+\.eyJ/);
	});
});
