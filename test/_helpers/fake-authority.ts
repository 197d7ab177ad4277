import {randomUUID} from 'node:crypto';
import {subscribe, unsubscribe} from 'node:diagnostics_channel';
import {readFile} from 'node:fs/promises';
import {createServer} from 'node:https';
import type {IncomingMessage, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {loadOrCreateTls} from '../../source/emulator/certificate.js';
import {fakeEntraToken} from './jwt.js';

/**
 * A local Microsoft Entra ID authority on loopback, over https with a CA made for the test: the
 * OpenID metadata, the device code endpoint and the token endpoint MSAL's device code flow
 * uses. What the token endpoint answers is the scenario's.
 */
export type Scenario =
	/** authorization_pending `pending` times, then the token. */
	| {readonly kind: 'signs-in'; readonly pending: number}
	/** Pending until the code expires on the server's side. */
	| {readonly kind: 'expires'}
	| {readonly kind: 'declines'}
	/** Pending for ever (the test cancels). */
	| {readonly kind: 'waits'}
	/** The device code endpoint refuses the app id (AADSTS700016). */
	| {readonly kind: 'unknown-app'}
	/** The same refusal, its description in another language and without the AADSTS code: only error_codes says 700016. */
	| {readonly kind: 'unknown-app-localized'}
	/** The token endpoint reads the poll and never answers. */
	| {readonly kind: 'hangs'}
	/** The OpenID metadata is 2 MiB (what no authority sends). */
	| {readonly kind: 'huge'}
	/** A proxy answers the device code request with its HTML error page. */
	| {readonly kind: 'proxy-page'}
	/** Signs in at once, with tokens that carry no oid claim. */
	| {readonly kind: 'no-oid'};

export type FakeAuthority = {
	readonly authority: string;
	readonly ca: string;
	readonly caPath: string;
	readonly userId: string;
	readonly tenantId: string;
	/** Every request the authority received: `METHOD /path`. */
	readonly requests: string[];
	/** The device code request's form. */
	readonly deviceCodeForms: URLSearchParams[];
	/** The device code of each poll of the token endpoint, in order: the n-th device code request's is `device-code-secret-n`. */
	readonly tokenPolls: string[];
	/** Requests received and neither answered nor dropped by the client. */
	openRequests(): number;
	close(): Promise<void>;
};

export const fakeUserCode = 'TEAMS-CODE-42';

async function bodyOf(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) {
		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}

function json(response: ServerResponse, status: number, body: unknown) {
	response.writeHead(status, {'content-type': 'application/json'});
	response.end(JSON.stringify(body));
}

export async function startFakeAuthority(directory: string, scenario: Scenario, options: {interval?: number} = {}): Promise<FakeAuthority> {
	const tls = await loadOrCreateTls(path.join(directory, 'authority-tls'));
	const ca = await readFile(tls.certificatePath, 'utf8');
	const tenantId = randomUUID();
	const userId = randomUUID();
	const requests: string[] = [];
	const deviceCodeForms: URLSearchParams[] = [];
	const tokenPolls: string[] = [];
	let polls = 0;
	let open = 0;
	let base = '';
	const server = createServer({cert: tls.cert, key: tls.key}, async (request, response) => {
		open++;
		response.on('close', () => open--);
		const url = new URL(request.url ?? '/', base);
		requests.push(`${request.method} ${url.pathname}`);
		const form = new URLSearchParams(await bodyOf(request));
		if (url.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration` && scenario.kind === 'huge') {
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(JSON.stringify({token_endpoint: `${base}/${tenantId}/oauth2/v2.0/token`, padding: 'x'.repeat(2 * 1024 * 1024)}));
			return;
		}

		if (url.pathname === `/${tenantId}/v2.0/.well-known/openid-configuration`) {
			const root = `${base}/${tenantId}`;
			json(response, 200, {
				token_endpoint: `${root}/oauth2/v2.0/token`,
				authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
				device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
				end_session_endpoint: `${root}/oauth2/v2.0/logout`,
				jwks_uri: `${root}/discovery/v2.0/keys`,
				issuer: `${root}/v2.0`,
				response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
				scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
			});
			return;
		}

		if (url.pathname === `/${tenantId}/oauth2/v2.0/devicecode`) {
			deviceCodeForms.push(form);
			if (scenario.kind === 'unknown-app') {
				json(response, 400, {
					error: 'unauthorized_client',
					error_description: `AADSTS700016: Application with identifier '${form.get('client_id')}' was not found in the directory.`,
					error_codes: [700_016],
				});
				return;
			}

			if (scenario.kind === 'unknown-app-localized') {
				json(response, 400, {error: 'invalid_request', error_description: '在目錄中找不到此應用程式。', error_codes: [700_016]});
				return;
			}

			if (scenario.kind === 'proxy-page') {
				response.writeHead(502, {'content-type': 'text/html'});
				response.end('<html><body><h1>502 Bad Gateway</h1><p>The proxy could not reach the server.</p></body></html>');
				return;
			}

			json(response, 200, {
				user_code: fakeUserCode,
				device_code: `device-code-secret-${deviceCodeForms.length}`,
				verification_uri: `${base}/devicelogin`,
				expires_in: 900,
				interval: options.interval ?? 0,
				message: `To sign in, use a web browser to open the page ${base}/devicelogin and enter the code ${fakeUserCode} to authenticate.`,
			});
			return;
		}

		if (url.pathname === `/${tenantId}/oauth2/v2.0/token` && form.get('device_code')?.startsWith('device-code-secret')) {
			polls++;
			tokenPolls.push(form.get('device_code') ?? '');
			if (scenario.kind === 'hangs') {
				return;
			}

			const error = (name: string, code: number) =>
				json(response, 400, {error: name, error_description: `AADSTS${code}: ${name}`, error_codes: [code]});
			if (scenario.kind === 'waits' || (scenario.kind === 'signs-in' && polls <= scenario.pending) || (scenario.kind === 'expires' && polls === 1)) {
				error('authorization_pending', 70_016);
				return;
			}

			if (scenario.kind === 'expires') {
				error('expired_token', 70_020);
				return;
			}

			if (scenario.kind === 'declines') {
				error('authorization_declined', 70_000);
				return;
			}

			const appId = form.get('client_id') ?? '';
			const now = Math.floor(Date.now() / 1000);
			const claims = {tid: tenantId, ...(scenario.kind === 'no-oid' ? {} : {oid: userId}), iat: now, nbf: now, exp: now + 3600};
			json(response, 200, {
				token_type: 'Bearer',
				scope: form.get('scope'),
				expires_in: 3600,
				ext_expires_in: 3600,
				access_token: fakeEntraToken({...claims, aud: 'https://auth.msft.communication.azure.com', appid: appId, scp: 'Teams.ManageCalls Teams.ManageChats'}),
				id_token: fakeEntraToken({...claims, aud: appId, iss: `${base}/${tenantId}/v2.0`, sub: randomUUID(), preferred_username: 'teams.user@contoso.example', ver: '2.0'}),
				client_info: Buffer.from(JSON.stringify({uid: userId, utid: tenantId})).toString('base64url'),
			});
			return;
		}

		json(response, 404, {error: 'not_found', error_description: `No ${request.method} ${url.pathname} here.`});
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', () => resolve());
	});
	base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		authority: `${base}/${tenantId}`,
		ca,
		caPath: tls.certificatePath,
		userId,
		tenantId,
		requests,
		deviceCodeForms,
		tokenPolls,
		openRequests: () => open,
		close: () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * Every outgoing HTTP request made in this process (node:http(s) and fetch), by origin, from
 * Node's diagnostics channels: a test asserts that none left loopback.
 */
export function watchOutgoingHosts(): {readonly hosts: string[]; stop(): void} {
	const hosts: string[] = [];
	const onHttp = (message: unknown) => {
		const {request} = message as {request: {host?: string; getHeader?(name: string): unknown}};
		hosts.push(String(request.host ?? request.getHeader?.('host') ?? ''));
	};

	const onFetch = (message: unknown) => {
		const {request} = message as {request: {origin?: string | URL}};
		hosts.push(new URL(String(request.origin ?? 'http://unknown')).hostname);
	};

	subscribe('http.client.request.start', onHttp);
	subscribe('undici:request:create', onFetch);
	return {
		hosts,
		stop() {
			unsubscribe('http.client.request.start', onHttp);
			unsubscribe('undici:request:create', onFetch);
		},
	};
}
