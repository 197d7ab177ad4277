import {setTimeout as delay} from 'node:timers/promises';
import {fromCallback, fromPromise} from 'xstate';
import type {ConnectionRequest} from '../identity/connection.js';
import type {Exchange} from '../identity/trace.js';
import type {EmulatorEvent} from '../identity/embedded-emulator.js';
import {emulatorPortOf} from '../identity/emulator-port.js';
import type {Session} from '../session/open-session.js';
import type {IdentityStore} from '../store/identity-store.js';
import type {TokenScope} from '../protocol/scopes.js';
import {exchangeScopes} from '../protocol/entra-token.js';
import {decodeJwt} from '../protocol/jwt.js';
import {isTokenScope} from '../protocol/scopes.js';
import type {
	AccessAssignment,
	ConnectionChoice,
	EntraKind,
	EntraUser,
	IdentitySummary,
	IssuedToken,
	TeamsUser,
	TokenStatus,
	WizardEvent,
} from '../wizard/types.js';
import {type IssueInput, type ReissueInput, type WatchInput, wizardMachine} from '../wizard/wizard-machine.js';
import {newLabel} from '../wizard/wizard-setup.js';
import {text} from '../text/index.js';

/**
 * The identity core, loaded on first use: the wizard's first frame needs none of it, and its
 * modules (connection resolution, the client factory, the store's profile memory) cost tens
 * of milliseconds to load.
 */
const identityCore = {
	session: () => import('../session/open-session.js'),
	verify: () => import('../identity/verify-token.js'),
	/** MSAL, only when a Teams user signs in. */
	teams: () => import('../identity/teams-sign-in.js'),
	standIn: () => import('../emulator/stand-in-entra.js'),
	/** The assignment routes and the client app exchange, only in the Entra ID user flow. */
	access: () => import('../identity/access-client.js'),
	exchange: () => import('../identity/entra-exchange.js'),
};

/**
 * The wizard's effects, for `wizardMachine.provide()`: the identity core for ACS calls, the
 * store for what is remembered. One session at a time; the embedded emulator closes with it.
 */
export function createWizardServices(deps: {
	/** Opened on first use, or by `preload()` once the first frame is on screen. */
	readonly openStore: () => Promise<IdentityStore>;
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	readonly pollMs?: number;
	/** --save-key: a pasted key is kept in its profile after the first request the service accepts. */
	readonly saveKey?: boolean;
	/** News for the machine that comes from outside any actor (the embedded emulator's thread). */
	readonly notify?: (event: WizardEvent) => void;
}) {
	let opening: Promise<IdentityStore> | undefined;
	let opened: IdentityStore | undefined;
	const getStore = () => {
		opening ??= deps.openStore().then(store => {
			opened = store;
			return store;
		});
		return opening;
	};

	/** The store, once a connection was made (connecting opens it). */
	const store = (): IdentityStore => {
		if (!opened) {
			throw new Error('The store is not open yet.');
		}

		return opened;
	};

	let session: Session | undefined;
	let exchanges: Exchange[] = [];

	const current = (): Session => {
		if (!session) {
			throw new Error('Not connected.');
		}

		return session;
	};

	/** Who signed in with Microsoft Entra ID, as last said to the machine (compared as JSON). */
	let signedInSaid: string | undefined;
	/** After a keyless request (done or refused): who signed in, said once it is known or changes. */
	const sayWhoSignedIn = () => {
		const who = session?.client.signedIn();
		if (!who) {
			return;
		}

		const signedIn = {
			principal: who.principal,
			principalKind: who.principalKind,
			tenantId: who.tenantId,
			credential: who.credential,
		};
		const said = JSON.stringify(signedIn);
		if (said !== signedInSaid) {
			signedInSaid = said;
			deps.notify?.({type: 'SIGNED_IN', signedIn});
		}
	};

	/** Runs one traced operation; its exchanges travel with the result, or with the error. */
	async function traced<T extends object>(run: () => Promise<T>): Promise<T & {exchanges: readonly Exchange[]}> {
		exchanges = [];
		try {
			const result = await run();
			return {...result, exchanges};
		} catch (error) {
			if (error && typeof error === 'object') {
				Object.assign(error, {exchanges});
			}

			throw error;
		} finally {
			sayWhoSignedIn();
		}
	}

	/** Issues a token for the wizard: when it was asked for (after `after`, if given), as the store records it. */
	async function issue(input: IssueInput, signal: AbortSignal, after?: string): Promise<IssuedToken> {
		const now = new Date();
		// A token issued after a revoke must record as later than it, or the store would call it revoked.
		const issuedAt = after !== undefined && now.toISOString() <= after ? new Date(Date.parse(after) + 1) : now;
		const result = await current().client.issueToken(input.userId, input.scopes, {signal, expiresInMinutes: input.lifetimeMinutes});
		return {token: result.token, expiresOn: result.expiresOn.toISOString(), scopes: input.scopes, issuedAt: issuedAt.toISOString()};
	}

	/** Each token's validity, asked once of the emulator (traced, for the HTTP panel); nothing elsewhere, which cannot tell. */
	async function checkOnce(tokens: readonly string[], signal: AbortSignal): Promise<TokenStatus[] | undefined> {
		const connection = session?.resolved;
		if (!connection?.isEmulator) {
			return undefined;
		}

		const {verifyToken} = await identityCore.verify();
		const statuses: TokenStatus[] = [];
		for (const token of tokens) {
			const validity = await verifyToken(connection.connection, token, {signal, onExchange: exchange => exchanges.push(exchange)}).catch(
				() => undefined,
			);
			statuses.push((validity?.reason as TokenStatus | undefined) ?? 'unknown');
		}

		return statuses;
	}

	/** The assignment routes on the connection, traced for the HTTP panel. */
	const accessClient = async () => {
		const {createAccessClient} = await identityCore.access();
		return createAccessClient(current().resolved.connection, {
			timeoutSeconds: current().timeoutSeconds,
			onExchange: exchange => exchanges.push(exchange),
		});
	};

	const identities = (): readonly IdentitySummary[] => (session ? store().identities(session.resolved.profileName) : []);

	/** A choice on the connect screen, as the request that commands make from their flags. */
	function requestOf(choice: ConnectionChoice): ConnectionRequest {
		switch (choice.kind) {
			case 'emulator': {
				return {
					kind: 'emulator',
					options: {
						advertise: true,
						...portOf(emulatorPortOf(deps.env)),
						onEvent(event) {
							deps.notify?.({type: 'EMULATOR_EVENT', message: emulatorNews(event)});
						},
					},
				};
			}

			case 'profile': {
				return {kind: 'profile', name: choice.name};
			}

			case 'environment': {
				return {kind: 'environment', variable: choice.variable};
			}

			case 'dotenv': {
				return {kind: 'dotenv', path: choice.path, variable: choice.variable};
			}

			case 'pasted': {
				return {kind: 'connection-string', value: choice.connectionString};
			}

			case 'entra': {
				return {kind: 'endpoint', endpoint: choice.endpoint, ...(choice.tenantId ? {tenantId: choice.tenantId} : {})};
			}
		}
	}

	const storeFailed = (self: {send(event: WizardEvent): void}, error: unknown) => {
		self.send({type: 'STORE_FAILED', message: (error as Error).message});
	};

	/**
	 * Store writes run behind the screen (the call already succeeded); a refresh of the list
	 * waits for them, or it would show the identity as it was before the revoke or delete.
	 */
	const writes = new Set<Promise<void>>();
	const record = (self: {send(event: WizardEvent): void}, write: Promise<unknown>) => {
		const tracked: Promise<void> = write.then(
			() => undefined,
			error => storeFailed(self, error),
		);
		writes.add(tracked);
		void tracked.finally(() => writes.delete(tracked));
	};
	const written = () => Promise.all(writes);

	const provided = wizardMachine.provide({
		actors: {
			connect: fromPromise(async ({input, signal}) => {
				await close();
				const {openSession} = await identityCore.session();
				// Esc while connecting: the machine has moved on, so the session closes itself again.
				const opened = await openSession({
					store: await getStore(),
					request: requestOf(input.choice),
					env: deps.env,
					cwd: deps.cwd,
					makeDefault: true,
					// A new profile none of whose requests reached the service goes when the session
					// closes (quit, or another connection chosen); a failed step can still be retried.
					forgetUnreachedProfile: 'on-close',
					saveKey: deps.saveKey ?? false,
					signal,
					onExchange(exchange) {
						exchanges.push(exchange);
					},
				});
				session = opened;
				signedInSaid = undefined;
				const {resolved} = opened;
				return {
					connection: {
						profileName: resolved.profileName,
						endpoint: resolved.connection.endpoint,
						isEmulator: resolved.isEmulator,
						keyless: resolved.connection.credential.kind === 'entra',
					},
					identities: identities(),
					exchanges: [],
				};
			}),
			loadIdentities: fromPromise(async () => {
				await written();
				return {identities: identities()};
			}),
			createUser: fromPromise(({input, signal}) =>
				traced(() => {
					const {resolved, client} = current();
					// A label that could not be kept is refused before the identity exists on the service.
					if (input.label !== undefined) {
						store().assertLabelFree(resolved.profileName, input.label);
					}

					return client.createUser({signal});
				}),
			),
			issueToken: fromPromise(({input, signal}: {input: IssueInput; signal: AbortSignal}) => traced(() => issue(input, signal))),
			revokeAndReissue: fromPromise(({input, signal}: {input: ReissueInput; signal: AbortSignal}) =>
				traced(async () => {
					await current().client.revokeTokens(input.userId, {signal});
					const at = new Date().toISOString();
					const fresh = await issue(input, signal, at);
					const checked = await checkOnce([input.revokedToken, fresh.token], signal);
					return {at, fresh, ...(checked ? {checked: {revoked: checked[0] ?? 'unknown', fresh: checked[1] ?? 'unknown'}} : {})};
				}),
			),
			revokeTokens: fromPromise(({input, signal}) =>
				traced(async () => {
					await current().client.revokeTokens(input.userId, {signal});
					return {at: new Date().toISOString()};
				}),
			),
			deleteUser: fromPromise(({input, signal}) =>
				traced(async () => {
					await current().client.deleteUser(input.userId, {signal});
					return {at: new Date().toISOString()};
				}),
			),
			renameIdentity: fromPromise(async ({input}) => {
				// The tour's identity may still be on its way into the store.
				await written();
				await store().rename(current().resolved.profileName, input.userId, input.label === '' ? undefined : input.label);
				return {identities: identities()};
			}),
			forgetIdentity: fromPromise(async ({input}) => {
				await store().forget(current().resolved.profileName, input.userId);
				return {identities: identities()};
			}),
			signInTeams: fromCallback<WizardEvent, {appId: string}>(({input, sendBack}) => {
				const controller = new AbortController();
				void (async () => {
					try {
						const {signInTeamsUser, teamsAuthority} = await identityCore.teams();
						const signedIn = await signInTeamsUser({
							appId: input.appId,
							authority: teamsAuthority(deps.env),
							signal: controller.signal,
							onDeviceCode(deviceCode) {
								sendBack({type: 'TEAMS_DEVICE_CODE', deviceCode});
							},
						});
						sendBack({type: 'TEAMS_SIGNED_IN', ...signedIn});
					} catch (error) {
						// Stopped (Esc, quit): the machine has moved on and hears nothing more.
						if (!controller.signal.aborted) {
							sendBack({type: 'TEAMS_SIGN_IN_FAILED', error});
						}
					}
				})();
				return () => {
					controller.abort();
				};
			}),
			exchangeTeamsToken: fromPromise(({input, signal}: {input: {appId: string; user: TeamsUser}; signal: AbortSignal}) =>
				traced(async (): Promise<IssuedToken & {userId: string}> => {
					const user = input.user.kind === 'signed-in' ? input.user : await simulatedTeamsUser(input.appId);
					const issuedAt = new Date().toISOString();
					const issued = await current().client.exchangeTeamsToken({teamsToken: user.teamsToken, appId: input.appId, userId: user.userId}, {signal});
					// A Teams user's ACS token is for calling and chat (Teams.ManageCalls, Teams.ManageChats).
					const scopes: TokenScope[] = ['voip', 'chat'];
					return {token: issued.token, expiresOn: issued.expiresOn.toISOString(), scopes, issuedAt, userId: user.userId};
				}),
			),
			loadAssignments: fromPromise(({input}: {input: {kind: EntraKind; known: readonly AccessAssignment[]}}) =>
				traced(async () => {
					// Teams Extension has no list route: the ones this session looked up or assigned stay.
					if (input.kind === 'teamsExtension') {
						return {assignments: input.known};
					}

					return {assignments: await (await accessClient()).listEntraAssignments()};
				}),
			),
			assign: fromPromise(({input}: {input: {kind: EntraKind; assignment: AccessAssignment}}) =>
				traced(async () => {
					const client = await accessClient();
					const {objectId, tenantId, principalType} = input.assignment;
					const done =
						input.kind === 'entra'
							? await client.putEntraAssignment({objectId, tenantId, principalType: principalType as 'user' | 'group' | 'tenant', clientIds: []})
							: await client.putTeamsExtensionAssignment({objectId, tenantId, principalType: principalType as 'user' | 'resourceAccount'});
					const assignment: AccessAssignment = {...input.assignment, ...done.assignment, objectId, tenantId};
					return {assignment};
				}),
			),
			lookUpAssignment: fromPromise(({input}: {input: {tenantId: string; objectId: string}}) =>
				traced(async () => {
					const found = await (await accessClient()).getTeamsExtensionAssignment(input.tenantId, input.objectId);
					const assignment: AccessAssignment = {...found, objectId: input.objectId, tenantId: input.tenantId};
					return {assignment};
				}),
			),
			unassign: fromPromise(({input}: {input: {kind: EntraKind; assignment: AccessAssignment}}) =>
				traced(async () => {
					const client = await accessClient();
					const {objectId, tenantId} = input.assignment;
					await (input.kind === 'entra' ? client.deleteEntraAssignment(objectId) : client.deleteTeamsExtensionAssignment(tenantId, objectId));
					return {at: new Date().toISOString()};
				}),
			),
			exchangeEntraToken: fromPromise(({input}: {input: {kind: EntraKind; user: EntraUser}}) =>
				traced(async (): Promise<IssuedToken & {identity: string | undefined}> => {
					const {connection} = current().resolved;
					const entraToken = input.user.kind === 'pasted' ? input.user.entraToken : await simulatedEntraUser(input.kind);
					const {exchangeEntraToken} = await identityCore.exchange();
					const issuedAt = new Date().toISOString();
					const issued = await exchangeEntraToken({
						endpoint: connection.endpoint,
						entraToken,
						scopes: [...exchangeScopes[input.kind]],
						trustedCertificate: connection.trustedCertificate,
						onExchange: exchange => exchanges.push(exchange),
						timeoutSeconds: current().timeoutSeconds,
					});
					const claims = decodeJwt(issued.token)?.payload ?? {};
					const scopes = (typeof claims['scp'] === 'string' ? claims['scp'].split(' ') : ['chat', 'voip']).filter(isTokenScope);
					const skypeid = claims['skypeid'];
					return {
						token: issued.token,
						expiresOn: issued.expiresOn.toISOString(),
						scopes,
						issuedAt,
						identity: typeof skypeid === 'string' ? `8:${skypeid}` : undefined,
					};
				}),
			),
			watchToken: fromCallback<WizardEvent, WatchInput>(({input, sendBack}) => {
				const connection = session?.resolved;
				const of = input.of === undefined ? {} : {of: input.of};
				if (!connection?.isEmulator || input.token === '') {
					sendBack({type: 'TOKEN_STATUS', status: 'unknown', ...of});
					return () => {};
				}

				const controller = new AbortController();
				void (async () => {
					while (!controller.signal.aborted) {
						try {
							const {verifyToken} = await identityCore.verify();
							const validity = await verifyToken(connection.connection, input.token, {signal: controller.signal});
							sendBack({type: 'TOKEN_STATUS', status: validity.reason as TokenStatus, ...of});
						} catch {
							if (!controller.signal.aborted) {
								sendBack({type: 'TOKEN_STATUS', status: 'unknown', ...of});
							}
						}

						await delay(deps.pollMs ?? 1000, undefined, {signal: controller.signal}).catch(() => undefined);
					}
				})();
				return () => {
					controller.abort();
				};
			}),
		},
		actions: {
			recordIdentity({context, self}) {
				const profile = session?.resolved.profileName;
				const {label} = newLabel(context);
				if (profile && context.userId) {
					record(self, store().recordIdentity(profile, {id: context.userId, ...(label === undefined ? {} : {label})}));
				}
			},
			recordToken({context, self}) {
				const profile = session?.resolved.profileName;
				const {token, userId} = context;
				if (profile && token && userId) {
					record(
						self,
						store().recordToken(profile, userId, {
							scopes: token.scopes,
							issuedAt: token.issuedAt,
							expiresOn: token.expiresOn,
							token: token.token,
						}),
					);
				}
			},
			recordRevoke({context, event, self}) {
				const profile = session?.resolved.profileName;
				// When the call returned, not when the action runs: a token issued right after must stay later than it.
				const at = (event as {output?: {at?: unknown}}).output?.at;
				if (profile && context.userId) {
					record(self, store().recordRevoke(profile, context.userId, typeof at === 'string' ? at : undefined));
				}
			},
			recordFreshToken({context, self}) {
				const profile = session?.resolved.profileName;
				const {freshToken, userId} = context;
				if (profile && freshToken && userId) {
					record(
						self,
						store().recordToken(profile, userId, {
							scopes: freshToken.scopes,
							issuedAt: freshToken.issuedAt,
							expiresOn: freshToken.expiresOn,
							token: freshToken.token,
						}),
					);
				}
			},
			recordDelete({context, self}) {
				const profile = session?.resolved.profileName;
				if (profile && context.userId) {
					record(self, store().recordDelete(profile, context.userId));
				}
			},
		},
	});

	async function close(): Promise<void> {
		await written();
		const closing = session;
		session = undefined;
		await closing?.forgetIfUnreached().catch(() => undefined);
		await closing?.close();
	}

	return {
		machine: provided,
		close,
		/** Opens the store in the background once the first frame is up. */
		preload: () => getStore().then(() => undefined),
	};
}

/** A simulated Teams user of the app (a random oid) and the Entra ID token MSAL would have returned, made locally. */
async function simulatedTeamsUser(appId: string): Promise<{teamsToken: string; userId: string}> {
	// node:crypto comes with the stand-in module, loaded here: never before the first frame.
	const {simulatedTeamsToken, newObjectId} = await identityCore.standIn();
	const userId = newObjectId();
	return {teamsToken: simulatedTeamsToken(appId, userId).token, userId};
}

/** The simulated Entra ID user's token (the stand-in az's user), for the exchange of the kind: made locally, only the emulator takes it. */
async function simulatedEntraUser(kind: EntraKind): Promise<string> {
	const {standInEntraToken, standInTenantId, standInUser, azureCliClientId} = await identityCore.standIn();
	return standInEntraToken({
		aud: kind === 'entra' ? 'https://communication.azure.com/clients' : 'https://auth.msft.communication.azure.com',
		tid: standInTenantId,
		oid: standInUser.oid,
		upn: standInUser.upn,
		appid: azureCliClientId,
		scp: kind === 'entra' ? '.default' : 'TeamsExtension.ManageCalls TeamsExtension.ManageChats',
		idtyp: 'user',
	}).token;
}

/** What happened to the embedded emulator, as the wizard says it. */
function emulatorNews(event: EmulatorEvent): string {
	const said = text.wizard.emulatorNews;
	switch (event.type) {
		case 'restarted': {
			return said.restarted(event.reason, event.url);
		}

		case 'stopped': {
			return said.stopped(event.reason);
		}

		case 'other-port': {
			return said.otherPort(event.wanted, event.url);
		}

		case 'took-over': {
			return said.tookOver(event.url);
		}
	}
}

function portOf(port: number | undefined): {port?: number} {
	return port === undefined ? {} : {port};
}
