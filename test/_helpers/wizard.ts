import {vi} from 'vitest';
import {type ErrorKind, UserError} from '../../source/errors/user-error.js';
import {type Actor, createActor, fromCallback, fromPromise, type SnapshotFrom, waitFor} from 'xstate';
import type {Exchange} from '../../source/identity/trace.js';
import type {
	ConnectionChoice,
	ConnectionInfo,
	IdentitySummary,
	IssuedToken,
	RevokeAndReissue,
	Traced,
	WizardContext,
	WizardEvent,
	WizardInput,
} from '../../source/wizard/types.js';
import {type IssueInput, type ReissueInput, type WatchInput, type WizardMachine, wizardMachine} from '../../source/wizard/wizard-machine.js';

/** Fakes for the wizard's actors and store actions, so the machine runs headless. */

export const timeout = {timeout: 2000};

export const emulatorChoice: ConnectionChoice = {kind: 'emulator'};
export const profileChoice: ConnectionChoice = {kind: 'profile', name: 'work', endpoint: 'https://work.communication.azure.com/'};

export const emulatorConnection: ConnectionInfo = {profileName: 'emulator', endpoint: 'http://127.0.0.1:41234/', isEmulator: true};
export const profileConnection: ConnectionInfo = {profileName: 'work', endpoint: 'https://work.communication.azure.com/', isEmulator: false};

export const alice: IdentitySummary = {id: '8:acs:alice', label: 'alice', createdAt: '2024-05-01T10:00:00.000Z'};
export const bob: IdentitySummary = {id: '8:acs:bob', createdAt: '2024-05-02T10:00:00.000Z'};
export const storedIdentities: readonly IdentitySummary[] = [alice, bob];

export const createdUserId = '8:acs:tour-user';
export const issuedAt = '2024-05-03T10:00:00.000Z';
export const revokedAt = '2024-05-03T10:05:00.000Z';
export const deletedAt = '2024-05-03T10:06:00.000Z';

export function exchange(method: string, path: string, status: number): Exchange {
	return {
		method,
		path,
		apiVersion: '2023-10-01',
		status,
		milliseconds: 4,
		requestHeaders: {'content-type': 'application/json'},
		requestBody: undefined,
		responseBody: undefined,
	};
}

export const connectExchanges = [exchange('GET', '/identities?api-version=2023-10-01', 200)];
export const createExchanges = [exchange('POST', '/identities?api-version=2023-10-01', 201)];
export const issueExchanges = [exchange('POST', '/identities/8%3Aacs%3Atour-user/:issueAccessToken?api-version=2023-10-01', 200)];
export const revokeExchanges = [exchange('POST', '/identities/8%3Aacs%3Atour-user/:revokeAccessTokens?api-version=2023-10-01', 204)];
export const freshTokenExchanges = [
	...revokeExchanges,
	exchange('POST', '/identities/8%3Aacs%3Atour-user/:issueAccessToken?api-version=2023-10-01', 200),
	exchange('POST', '/emulator/tokens/:verify', 200),
	exchange('POST', '/emulator/tokens/:verify', 200),
];
export const deleteExchanges = [exchange('DELETE', '/identities/8%3Aacs%3Atour-user?api-version=2023-10-01', 204)];

/** An error as the identity service throws it: a message and a `kind` the screen can act on. */
/** What a service or the store throws at the wizard: a UserError of that kind. */
export function serviceError(message: string, kind: ErrorKind): UserError {
	return new UserError(kind, message);
}

export function tokenFor(input: IssueInput, serial: number): IssuedToken {
	const expiresOn = new Date(Date.parse(issuedAt) + input.lifetimeMinutes * 60_000).toISOString();
	return {token: `eyJhbGciOiJSUzI1NiJ9.token-${serial}.signature`, expiresOn, scopes: [...input.scopes], issuedAt};
}

/** A promise that settles only when the actor is stopped, rejecting with the abort reason. */
export function pendingUntilAborted(signal: AbortSignal): Promise<never> {
	return new Promise((_resolve, reject) => {
		signal.addEventListener('abort', () => reject(signal.reason), {once: true});
	});
}

function createFakes() {
	let issued = 0;
	return {
		connect: vi.fn(
			async (input: {choice: ConnectionChoice}, _signal: AbortSignal): Promise<Traced<{connection: ConnectionInfo; identities: readonly IdentitySummary[]}>> => ({
				connection: input.choice.kind === 'emulator' ? emulatorConnection : profileConnection,
				identities: storedIdentities,
				exchanges: connectExchanges,
			}),
		),
		loadIdentities: vi.fn(async (_input: undefined, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => ({
			identities: storedIdentities,
		})),
		createUser: vi.fn(async (_input: {label: string | undefined}, _signal: AbortSignal): Promise<Traced<{id: string}>> => ({
			id: createdUserId,
			exchanges: createExchanges,
		})),
		issueToken: vi.fn(async (input: IssueInput, _signal: AbortSignal): Promise<Traced<IssuedToken>> => {
			issued += 1;
			return {...tokenFor(input, issued), exchanges: issueExchanges};
		}),
		revokeTokens: vi.fn(async (_input: {userId: string}, _signal: AbortSignal): Promise<Traced<{at: string}>> => ({
			at: revokedAt,
			exchanges: revokeExchanges,
		})),
		revokeAndReissue: vi.fn(async (input: ReissueInput, _signal: AbortSignal): Promise<Traced<RevokeAndReissue>> => {
			issued += 1;
			return {
				at: revokedAt,
				fresh: tokenFor(input, issued),
				checked: {revoked: 'revoked', fresh: 'valid'},
				exchanges: freshTokenExchanges,
			};
		}),
		deleteUser: vi.fn(async (_input: {userId: string}, _signal: AbortSignal): Promise<Traced<{at: string}>> => ({
			at: deletedAt,
			exchanges: deleteExchanges,
		})),
		renameIdentity: vi.fn(
			async (input: {userId: string; label: string}, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => ({
				identities: storedIdentities.map(identity => (identity.id === input.userId ? {...identity, label: input.label} : identity)),
			}),
		),
		forgetIdentity: vi.fn(async (input: {userId: string}, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => ({
			identities: storedIdentities.filter(identity => identity.id !== input.userId),
		})),
	};
}

export type Fakes = ReturnType<typeof createFakes>;

type ActionArgs = {readonly context: WizardContext; readonly event: WizardEvent};

function createRecorders() {
	return {
		recordIdentity: vi.fn((_args: ActionArgs) => {}),
		recordToken: vi.fn((_args: ActionArgs) => {}),
		recordRevoke: vi.fn((_args: ActionArgs) => {}),
		recordFreshToken: vi.fn((_args: ActionArgs) => {}),
		recordDelete: vi.fn((_args: ActionArgs) => {}),
	};
}

export type Recorders = ReturnType<typeof createRecorders>;

/** One running watchToken actor: its input, a way to report a status, and whether it was stopped. */
export type Watcher = {readonly token: string; readonly of?: 'fresh'; readonly report: (event: WizardEvent) => void; stopped: boolean};

export function provideFakes(fakes: Fakes, recorders: Recorders, watchers: Watcher[]): WizardMachine {
	return wizardMachine.provide({
		actors: {
			connect: fromPromise(({input, signal}) => fakes.connect(input, signal)),
			loadIdentities: fromPromise(({signal}) => fakes.loadIdentities(undefined, signal)),
			createUser: fromPromise(({input, signal}) => fakes.createUser(input, signal)),
			issueToken: fromPromise(({input, signal}) => fakes.issueToken(input, signal)),
			revokeTokens: fromPromise(({input, signal}) => fakes.revokeTokens(input, signal)),
			revokeAndReissue: fromPromise(({input, signal}) => fakes.revokeAndReissue(input, signal)),
			deleteUser: fromPromise(({input, signal}) => fakes.deleteUser(input, signal)),
			renameIdentity: fromPromise(({input, signal}) => fakes.renameIdentity(input, signal)),
			forgetIdentity: fromPromise(({input, signal}) => fakes.forgetIdentity(input, signal)),
			watchToken: fromCallback<WizardEvent, WatchInput>(({input, sendBack}) => {
				const watcher: Watcher = {token: input.token, ...(input.of ? {of: input.of} : {}), report: sendBack, stopped: false};
				watchers.push(watcher);
				return () => {
					watcher.stopped = true;
				};
			}),
		},
		actions: recorders,
	});
}

export type WizardActor = Actor<WizardMachine>;
export type WizardSnapshot = SnapshotFrom<WizardMachine>;

export type Harness = {
	readonly actor: WizardActor;
	readonly fakes: Fakes;
	readonly recorders: Recorders;
	readonly watchers: Watcher[];
	/** Sends an event and waits until the machine is in a state matching `predicate`. */
	readonly sendAndWait: (event: WizardEvent, predicate: (snapshot: WizardSnapshot) => boolean) => Promise<WizardSnapshot>;
	readonly waitUntil: (predicate: (snapshot: WizardSnapshot) => boolean) => Promise<WizardSnapshot>;
	readonly context: () => WizardContext;
};

export function startWizard(input: Partial<WizardInput> = {}, configure?: (fakes: Fakes) => void): Harness {
	const fakes = createFakes();
	configure?.(fakes);
	const recorders = createRecorders();
	const watchers: Watcher[] = [];
	const actor = createActor(provideFakes(fakes, recorders, watchers), {
		input: {choices: [emulatorChoice, profileChoice], ...input},
	});
	actor.start();
	const waitUntil = (predicate: (snapshot: WizardSnapshot) => boolean) => waitFor(actor, predicate, timeout);
	return {
		actor,
		fakes,
		recorders,
		watchers,
		waitUntil,
		sendAndWait(event, predicate) {
			actor.send(event);
			return waitUntil(predicate);
		},
		context: () => actor.getSnapshot().context,
	};
}

/** Connects with the emulator and waits for the menu. */
export async function connected(input: Partial<WizardInput> = {}, configure?: (fakes: Fakes) => void): Promise<Harness> {
	const harness = startWizard({autoConnect: emulatorChoice, ...input}, configure);
	await harness.waitUntil(snapshot => snapshot.matches('menu'));
	return harness;
}

/** Walks the tour up to the token on screen, with the default scopes and lifetime. */
export async function tourToToken(harness: Harness): Promise<void> {
	const {sendAndWait} = harness;
	await sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
	await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
	await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'done'}}));
	await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
	await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
	await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'viewingToken'}));
}

/** From the menu, opens Manage and chooses an identity. */
export async function manageIdentity(harness: Harness, id = alice.id): Promise<void> {
	await harness.sendAndWait({type: 'MANAGE'}, s => s.matches({manage: 'list'}));
	await harness.sendAndWait({type: 'SELECT_IDENTITY', id}, s => s.matches({manage: 'identity'}));
}

/** The dotted ids of the active state nodes, e.g. `wizard.tour.creatingUser.done`. */
export function activeStateIds(snapshot: WizardSnapshot): string[] {
	return snapshot._nodes.map(node => node.id);
}
