import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {IdentityError} from '../../source/identity/errors.js';
import {
	authorityTimeoutMs,
	type DeviceCodePrompt,
	defaultTeamsAuthority,
	networkClient,
	signInTeamsUser,
	teamsAuthority,
} from '../../source/identity/teams-sign-in.js';
import {decodeJwt} from '../../source/protocol/jwt.js';
import {switchLanguage} from '../../source/text/index.js';
import {type FakeAuthority, fakeUserCode, type Scenario, startFakeAuthority, watchOutgoingHosts} from '../_helpers/fake-authority.js';
import {temporaryDirectory} from '../store/temporary-directory.js';

/**
 * MSAL's real device code flow (in this process) against a local Entra ID authority on loopback,
 * trusted through MSAL's network client option. No request may leave loopback: MSAL's instance
 * discovery at login.microsoftonline.com is what knownAuthorities prevents.
 */

const appId = '5b8f6a3e-2c1d-4e7f-9a0b-1c2d3e4f5a6b';
let authority: FakeAuthority | undefined;
let outgoing: ReturnType<typeof watchOutgoingHosts>;

beforeEach(() => {
	outgoing = watchOutgoingHosts();
});

afterEach(async () => {
	await switchLanguage('en');
	outgoing.stop();
	await authority?.close();
	authority = undefined;
	// Nothing but the local authority was asked anything.
	expect(outgoing.hosts.filter(host => host !== '127.0.0.1' && !host.startsWith('127.0.0.1:'))).toEqual([]);
});

async function start(scenario: Scenario, interval?: number): Promise<FakeAuthority> {
	authority = await startFakeAuthority(await temporaryDirectory(), scenario, interval === undefined ? {} : {interval});
	return authority;
}

function signIn(fake: FakeAuthority, options: {signal?: AbortSignal; onDeviceCode?: (prompt: DeviceCodePrompt) => void} = {}) {
	return signInTeamsUser({
		appId,
		authority: fake.authority,
		trustedCertificate: fake.ca,
		onDeviceCode: options.onDeviceCode ?? (() => {}),
		...(options.signal ? {signal: options.signal} : {}),
	});
}

async function until(condition: () => boolean): Promise<void> {
	for (let tries = 0; tries < 200 && !condition(); tries++) {
		await new Promise(resolve => setTimeout(resolve, 10));
	}

	expect(condition()).toBe(true);
}

async function refusal(promise: Promise<unknown>): Promise<IdentityError> {
	const error = await promise.then(
		() => undefined,
		(error: unknown) => error,
	);
	expect(error).toBeInstanceOf(IdentityError);
	return error as IdentityError;
}

describe('a Teams user signed in with a device code', () => {
	it('shows the code, waits through authorization_pending, and returns the token for ACS and the oid', async () => {
		const fake = await start({kind: 'signs-in', pending: 1});
		const prompts: DeviceCodePrompt[] = [];
		const result = await signIn(fake, {onDeviceCode: prompt => prompts.push(prompt)});
		expect(prompts).toHaveLength(1);
		expect(prompts[0]?.userCode).toBe(fakeUserCode);
		expect(prompts[0]?.verificationUri).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/devicelogin$/);
		expect(Date.parse(prompts[0]?.expiresOn ?? '') - Date.now()).toBeGreaterThan(800_000);

		expect(result.userId).toBe(fake.userId);
		const claims = decodeJwt(result.teamsToken)?.payload;
		expect(claims).toMatchObject({aud: 'https://auth.msft.communication.azure.com', appid: appId, oid: fake.userId});
		// The app id and the two Teams scopes were asked for; the token endpoint was polled twice.
		const form = fake.deviceCodeForms[0];
		expect(form?.get('client_id')).toBe(appId);
		expect(form?.get('scope')?.split(' ')).toEqual(
			expect.arrayContaining([
				'https://auth.msft.communication.azure.com/Teams.ManageCalls',
				'https://auth.msft.communication.azure.com/Teams.ManageChats',
			]),
		);
		expect(fake.requests.filter(request => request.endsWith('/oauth2/v2.0/token'))).toHaveLength(2);
		expect(fake.requests[0]).toMatch(/^GET \/.+\/v2\.0\/\.well-known\/openid-configuration$/);
	});

	it('says the code expired, and what to do', async () => {
		const fake = await start({kind: 'expires'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('authentication');
		expect(error.message).toContain('The sign-in code expired');
		expect(error.message).toContain('Press r for a new code');
	});

	it('says the user declined', async () => {
		const fake = await start({kind: 'declines'});
		const error = await refusal(signIn(fake));
		expect(error.message).toContain('declined the sign-in');
	});

	it('says an app id Entra ID does not know, by its value', async () => {
		const fake = await start({kind: 'unknown-app'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('validation');
		expect(error.message).toContain(`Entra ID does not know ${appId}`);
	});

	it('is cancelled by its signal while it waits, at once', async () => {
		// MSAL sleeps 30 s between polls here: only a cancel that does not wait for its next turn is in time.
		const fake = await start({kind: 'waits'}, 30);
		const controller = new AbortController();
		let started = 0;
		const pending = signIn(fake, {
			signal: controller.signal,
			onDeviceCode() {
				setTimeout(() => {
					started = Date.now();
					controller.abort();
				}, 50);
			},
		});
		const error = await refusal(pending);
		expect(error.kind).toBe('cancelled');
		expect(started).toBeGreaterThan(0);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('stops polling once cancelled: a sign-in started after the cancel polls on, the cancelled one never again', async () => {
		// Polls once a second, so that the cancelled sign-in's next poll would come within the test.
		const fake = await start({kind: 'waits'}, 1);
		const controller = new AbortController();
		const pending = signIn(fake, {signal: controller.signal, onDeviceCode: () => setTimeout(() => controller.abort(), 50)});
		expect((await refusal(pending)).kind).toBe('cancelled');
		const pollsOf = (code: string) => fake.tokenPolls.filter(polled => polled === code).length;
		const cancelledPolls = pollsOf('device-code-secret-1');
		expect(cancelledPolls).toBeGreaterThan(0);
		// A second sign-in on the same authority: by its second poll, a second has gone by since
		// the cancel, and the first would have polled again had MSAL not stopped.
		const second = new AbortController();
		const secondPending = signIn(fake, {signal: second.signal});
		await until(() => pollsOf('device-code-secret-2') >= 2);
		second.abort();
		expect((await refusal(secondPending)).kind).toBe('cancelled');
		expect(pollsOf('device-code-secret-1')).toBe(cancelledPolls);
	});

	it('drops the request under way when cancelled: nothing is left waiting for the authority', async () => {
		const fake = await start({kind: 'hangs'});
		const controller = new AbortController();
		const pending = signIn(fake, {signal: controller.signal});
		pending.catch(() => undefined);
		await until(() => fake.requests.some(request => request.endsWith('/oauth2/v2.0/token')) && fake.openRequests() === 1);
		controller.abort();
		expect((await refusal(pending)).kind).toBe('cancelled');
		const aborted = Date.now();
		await until(() => fake.openRequests() === 0);
		expect(Date.now() - aborted).toBeLessThan(1000);
	});

	it('says an app id Entra ID does not know by its numeric code, whatever language the description is in', async () => {
		const fake = await start({kind: 'unknown-app-localized'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('validation');
		expect(error.message).toContain(`Entra ID does not know ${appId}`);
	});

	it('says so when the token has no oid, in the user\'s language', async () => {
		await switchLanguage('zh-TW');
		const fake = await start({kind: 'no-oid'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('authentication');
		expect(error.message).toContain('Teams 使用者權杖中沒有物件識別碼（oid 宣告）');
		expect(error.message).not.toMatch(/no oid claim/);
	});

	it('stops reading an answer past 1 MiB, and says what answered', async () => {
		const fake = await start({kind: 'huge'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('network');
		expect(error.message).toContain(`${fake.authority} answered with more than 1 MiB`);
	});

	it('says a proxy\'s HTML page is not the authority\'s answer, in the user\'s language (no SyntaxError)', async () => {
		await switchLanguage('zh-TW');
		const fake = await start({kind: 'proxy-page'});
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('network');
		expect(error.message).toContain(`${fake.authority} 以 HTTP 502 回應了一個不是 Entra ID JSON 的頁面`);
		expect(error.message).not.toMatch(/JSON at position|Unexpected token/);
	});

	it('gives up on an authority that does not answer a POST, in the time given', async () => {
		expect(authorityTimeoutMs).toBe(30_000);
		const fake = await start({kind: 'hangs'});
		const network = networkClient({authority: fake.authority, ca: fake.ca, timeoutMs: 1000});
		const started = Date.now();
		const error = await refusal(
			network.sendPostRequestAsync(`${fake.authority}/oauth2/v2.0/token`, {body: 'device_code=device-code-secret', headers: {'content-type': 'application/x-www-form-urlencoded'}}),
		);
		expect(error.kind).toBe('network');
		expect(error.message).toContain(`Could not reach ${fake.authority} to sign the Teams user in (no answer in 1 s)`);
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it('says a network failure with the authority it tried', async () => {
		const fake = await start({kind: 'waits'});
		await fake.close();
		const error = await refusal(signIn(fake));
		expect(error.kind).toBe('network');
		expect(error.message).toContain(`Could not reach ${fake.authority}`);
	});
});

describe('the authority', () => {
	it('is any work account by default, ACS_TOKENS_ENTRA_AUTHORITY otherwise', () => {
		expect(teamsAuthority({})).toBe(defaultTeamsAuthority);
		expect(teamsAuthority({ACS_TOKENS_ENTRA_AUTHORITY: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/'})).toBe(
			'https://login.microsoftonline.com/contoso.onmicrosoft.com',
		);
	});

	it('refuses a value that is no URL, or not https with a host, by the variable\'s name and in the user\'s language', async () => {
		const refused = (value: string) => {
			try {
				teamsAuthority({ACS_TOKENS_ENTRA_AUTHORITY: value});
			} catch (error) {
				expect(error).toBeInstanceOf(IdentityError);
				expect((error as IdentityError).kind).toBe('validation');
				return (error as IdentityError).message;
			}

			throw new Error(`${value} was taken`);
		};

		expect(refused('login.microsoftonline.com/contoso')).toContain('ACS_TOKENS_ENTRA_AUTHORITY is not a URL: "login.microsoftonline.com/contoso"');
		expect(refused('http://login.microsoftonline.com/contoso')).toContain(
			'ACS_TOKENS_ENTRA_AUTHORITY must be an https:// address with a host, not "http://login.microsoftonline.com/contoso"',
		);
		expect(refused('https://')).toContain('ACS_TOKENS_ENTRA_AUTHORITY is not a URL');
		await switchLanguage('zh-TW');
		expect(refused('http://login.microsoftonline.com/contoso')).toContain('ACS_TOKENS_ENTRA_AUTHORITY 必須是含有主機的 https:// 位址');
	});
});
