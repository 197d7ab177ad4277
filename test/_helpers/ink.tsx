import {Text} from 'ink';
import {render} from 'ink-testing-library';
import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {vi} from 'vitest';
import {createActor, fromCallback, fromPromise} from 'xstate';
import {App} from '../../source/app/app.js';
import {KeyBus} from '../../source/app/hooks/use-keys.js';
import {PrintedFrames} from '../../source/app/hooks/use-printed-frames.js';
import type {UiEffects} from '../../source/app/effects.js';
import {clipboardCopy} from '../../source/app/clipboard.js';
import type {WizardActor} from '../../source/app/hooks/use-wizard.js';
import {type Exchange, maskSecrets, signingOf} from '../../source/identity/trace.js';
import {contentHash} from '../../source/protocol/hmac.js';
import {text} from '../../source/text/index.js';
import type {
	ConnectionChoice,
	ConnectionInfo,
	IdentitySummary,
	IssuedToken,
	RevokeAndReissue,
	TokenStatus,
	Traced,
	WizardEvent,
	WizardInput,
} from '../../source/wizard/types.js';
import {type IssueInput, type ReissueInput, type WatchInput, wizardMachine} from '../../source/wizard/wizard-machine.js';

/**
 * The whole Ink app on fake streams (ink-testing-library), driven by keys. Every key waits
 * until the frame changes, never a fixed delay (as Shopify CLI's sendInputAndWaitForChange).
 */

export const keys = {
	enter: '\r',
	escape: '\u001B',
	up: '\u001B[A',
	down: '\u001B[B',
	left: '\u001B[D',
	right: '\u001B[C',
	home: '\u001B[H',
	end: '\u001B[F',
	space: ' ',
} as const;

const resourceId = '2dee53b4-368b-45b4-ab52-8493fb117652';
export const emulatorEndpoint = 'https://127.0.0.1:41234/';
export const workEndpoint = 'https://contoso.communication.azure.com/';
export const userId = `8:acs:${resourceId}_00000020-1a2b-3c4d-5e6f-0123456789ab`;
export const aliceId = `8:acs:${resourceId}_00000020-aaaa-4bbb-8ccc-000000000001`;
export const cjkId = `8:acs:${resourceId}_00000020-aaaa-4bbb-8ccc-000000000002`;
export const bobId = `8:acs:${resourceId}_00000020-aaaa-4bbb-8ccc-000000000003`;

export const emulatorChoice: ConnectionChoice = {kind: 'emulator'};
export const workProfile: ConnectionChoice = {kind: 'profile', name: 'work', endpoint: workEndpoint};

const minute = 60_000;
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * minute).toISOString();

export function storedIdentities(): IdentitySummary[] {
	return [
		{
			id: aliceId,
			label: 'alice',
			createdAt: hoursAgo(3),
			lastToken: {scopes: ['chat', 'voip'], issuedAt: hoursAgo(2), expiresOn: hoursAgo(-22)},
		},
		{id: cjkId, label: '測試使用者', createdAt: hoursAgo(2)},
		{id: bobId, createdAt: hoursAgo(1), deletedAt: hoursAgo(0.5)},
	];
}

/** A compact JWT with the claims ACS puts in a user access token. */
export function accessToken(id: string, scopes: readonly string[], expiresOn: Date, issuedInSeconds = 0): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const now = Math.floor(Date.now() / 1000) + issuedInSeconds;
	const claims = {
		skypeid: id.slice(2),
		scp: 1792,
		csi: String(now),
		exp: Math.floor(expiresOn.getTime() / 1000),
		rgn: 'amer',
		acsScope: scopes.join(','),
		resourceId,
		resourceLocation: 'unitedstates',
		iat: now,
	};
	return `${part({alg: 'RS256', kid: 'acs-emulator-1', x5t: 'k8s1x5t', typ: 'JWT'})}.${part(claims)}.${Buffer.from('a'.repeat(256)).toString('base64url')}`;
}

/** The signature the fake exchanges carry: the signing panel shows its first and last four characters. */
export const fakeSignature = 'c2lnbmF0dXJlLW9mLXRoZS1yZXF1ZXN0LXRvby1sb25nLWFi';

/** An exchange as the trace policy records it: headers and bodies already masked. */
export function traced(method: string, path: string, status: number, bodies: {request?: string; response?: string} = {}): Exchange {
	// The emulator's own checks carry no Authorization header; everything else is signed.
	const authorization = path.startsWith('/emulator/') ? undefined : `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${fakeSignature}`;
	const signing = signingOf(authorization, '127.0.0.1:41234');
	return {
		...(signing ? {signing} : {}),
		method,
		path,
		apiVersion: '2023-10-01',
		status,
		milliseconds: 12.4,
		requestHeaders: {
			'content-type': 'application/json',
			'x-ms-date': new Date().toUTCString(),
			'x-ms-content-sha256': contentHash(bodies.request ?? ''),
			...(authorization ? {authorization: maskSecrets(authorization)} : {}),
		},
		requestBody: bodies.request === undefined ? undefined : maskSecrets(bodies.request),
		responseBody: bodies.response === undefined ? undefined : maskSecrets(bodies.response),
	};
}

const encoded = (id: string) => encodeURIComponent(id);

export function createFakes() {
	let identities = storedIdentities();
	return {
		connect: vi.fn(
			async (
				input: {choice: ConnectionChoice},
				_signal: AbortSignal,
			): Promise<Traced<{connection: ConnectionInfo; identities: readonly IdentitySummary[]}>> => {
				const connection: ConnectionInfo =
					input.choice.kind === 'profile'
						? {profileName: input.choice.name, endpoint: input.choice.endpoint, isEmulator: false}
						: {profileName: 'emulator', endpoint: emulatorEndpoint, isEmulator: true};
				return {connection, identities, exchanges: []};
			},
		),
		loadIdentities: vi.fn(async (_input: undefined, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => ({
			identities,
		})),
		createUser: vi.fn(
			async (_input: {label: string | undefined}, _signal: AbortSignal): Promise<Traced<{id: string}>> => ({
				id: userId,
				exchanges: [
					traced('POST', '/identities?api-version=2023-10-01', 201, {
						request: '{}',
						response: JSON.stringify({identity: {id: userId}}),
					}),
				],
			}),
		),
		issueToken: vi.fn(async (input: IssueInput, _signal: AbortSignal): Promise<Traced<IssuedToken>> => {
			const expiresOn = new Date(Date.now() + input.lifetimeMinutes * minute);
			const token = accessToken(input.userId, input.scopes, expiresOn);
			return {
				token,
				expiresOn: expiresOn.toISOString(),
				scopes: [...input.scopes],
				issuedAt: new Date().toISOString(),
				exchanges: [
					traced('POST', `/identities/${encoded(input.userId)}/:issueAccessToken?api-version=2023-10-01`, 200, {
						request: JSON.stringify({scopes: input.scopes, expiresInMinutes: input.lifetimeMinutes}),
						response: JSON.stringify({token, expiresOn: expiresOn.toISOString()}),
					}),
				],
			};
		}),
		revokeTokens: vi.fn(
			async (input: {userId: string}, _signal: AbortSignal): Promise<Traced<{at: string}>> => ({
				at: new Date().toISOString(),
				exchanges: [traced('POST', `/identities/${encoded(input.userId)}/:revokeAccessTokens?api-version=2023-10-01`, 204)],
			}),
		),
		revokeAndReissue: vi.fn(async (input: ReissueInput, _signal: AbortSignal): Promise<Traced<RevokeAndReissue>> => {
			const at = new Date().toISOString();
			// A second later: the new token's iat (and so its "issued" time) differs from the revoked one's.
			const expiresOn = new Date(Date.now() + 1000 + input.lifetimeMinutes * minute);
			const token = accessToken(input.userId, input.scopes, expiresOn, 1);
			const verify = (checked: string, valid: boolean, reason: string) =>
				traced('POST', '/emulator/tokens/:verify', 200, {request: JSON.stringify({token: checked}), response: JSON.stringify({valid, reason})});
			return {
				at,
				fresh: {token, expiresOn: expiresOn.toISOString(), scopes: [...input.scopes], issuedAt: new Date(Date.now() + 1).toISOString()},
				checked: {revoked: 'revoked', fresh: 'valid'},
				exchanges: [
					traced('POST', `/identities/${encoded(input.userId)}/:revokeAccessTokens?api-version=2023-10-01`, 204),
					traced('POST', `/identities/${encoded(input.userId)}/:issueAccessToken?api-version=2023-10-01`, 200, {
						request: JSON.stringify({scopes: input.scopes, expiresInMinutes: input.lifetimeMinutes}),
						response: JSON.stringify({token, expiresOn: expiresOn.toISOString()}),
					}),
					verify(input.revokedToken, false, 'revoked'),
					verify(token, true, 'valid'),
				],
			};
		}),
		deleteUser: vi.fn(
			async (input: {userId: string}, _signal: AbortSignal): Promise<Traced<{at: string}>> => ({
				at: new Date().toISOString(),
				exchanges: [traced('DELETE', `/identities/${encoded(input.userId)}?api-version=2023-10-01`, 204)],
			}),
		),
		renameIdentity: vi.fn(
			async (input: {userId: string; label: string}, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => {
				identities = identities.map(identity => {
					if (identity.id !== input.userId) {
						return identity;
					}

					const {label: _old, ...rest} = identity;
					return input.label === '' ? rest : {...rest, label: input.label};
				});
				return {identities};
			},
		),
		forgetIdentity: vi.fn(
			async (input: {userId: string}, _signal: AbortSignal): Promise<{identities: readonly IdentitySummary[]}> => {
				identities = identities.filter(identity => identity.id !== input.userId);
				return {identities};
			},
		),
	};
}

export type AppFakes = ReturnType<typeof createFakes>;

/** A promise that settles only when the actor is stopped, rejecting with the abort reason. */
export function untilAborted(signal: AbortSignal): Promise<never> {
	return new Promise((_resolve, reject) => {
		signal.addEventListener('abort', () => reject(signal.reason), {once: true});
	});
}

/** One running watchToken actor: the token it watches, and whether it was stopped. */
export type TokenWatcher = {readonly token: string; readonly of?: 'fresh'; readonly report: (event: WizardEvent) => void; stopped: boolean};

export type RenderAppOptions = {
	readonly input?: Partial<WizardInput>;
	readonly columns?: number;
	readonly rows?: number;
	readonly configure?: (fakes: AppFakes, effects: FakeEffects) => void;
	/** Frames printed as lines, as under TERM=dumb (a screen reader's: INK_SCREEN_READER=true before rendering). */
	readonly printed?: boolean;
};

export type FakeEffects = {
	readonly [Key in keyof UiEffects]: ReturnType<typeof vi.fn<UiEffects[Key]>>;
};

export type Predicate = (frame: string) => boolean;

export type AppHarness = {
	readonly actor: WizardActor;
	readonly fakes: AppFakes;
	readonly effects: FakeEffects;
	readonly watchers: TokenWatcher[];
	/** Every frame written so far, ANSI stripped. */
	readonly frames: () => string[];
	readonly lastFrame: () => string;
	/** Writes a key and waits until the frame changes (and, if given, shows `expected`). */
	readonly press: (key: string, expected?: string | Predicate) => Promise<string>;
	/** Types text one key at a time, each waiting for the frame to change. */
	readonly type: (value: string) => Promise<string>;
	/** Writes a key without waiting: for keys that must change nothing (follow with a key that does, or `settled`). */
	readonly write: (key: string) => void;
	/** Resolves once the app has given out every key written so far, each to the frame it met. */
	readonly settled: () => Promise<void>;
	readonly waitForText: (text: string) => Promise<string>;
	readonly waitForFrame: (predicate: Predicate) => Promise<string>;
	/** Reports a token status from the running watchToken actor, as the emulator's verify would. */
	readonly reportStatus: (status: TokenStatus, of?: 'fresh') => void;
	readonly resize: (columns: number, rows?: number) => Promise<string>;
	/**
	 * Runs `action` inside the write of the first frame that `predicate` matches, before that
	 * write returns: a key that arrives the moment a frame is drawn, before React has run the
	 * frame's passive effects (where Ink changes which key handlers are active).
	 */
	readonly whenDrawn: (predicate: Predicate, action: () => void) => void;
	readonly unmount: () => void;
};

const waitLimitMs = 3000;

const mounted = new Set<AppHarness>();

/** For afterEach: unmounts every app this file rendered and stops its machine. */
export function unmountAll(): void {
	for (const app of mounted) {
		app.unmount();
	}
}

/** Yields to the event loop: Ink flushes a lone Esc and React runs effects (such as useInput's) here. */
const tick = () =>
	new Promise<void>(resolve => {
		setImmediate(resolve);
	});

const knownKeys = new Set<string>(Object.values(text.wizard.keys));

/** The footer's keys: the trailing lines made only of `key · key` items. */
export function footerOf(frame: string): string[] {
	const lines = frame.split('\n');
	const found: string[] = [];
	for (let line = lines.pop(); line !== undefined; line = lines.pop()) {
		const parts = line.trimEnd().split(' · ');
		if (!parts.every(part => knownKeys.has(part))) {
			break;
		}

		found.unshift(...parts);
	}

	return found;
}

/** The widest line of a frame, in terminal columns (CJK characters count two). */
export function frameWidth(frame: string): number {
	return Math.max(0, ...frame.split('\n').map(line => stringWidth(line)));
}

export function renderApp(options: RenderAppOptions = {}): AppHarness {
	const fakes = createFakes();
	const effects = fakeEffects();
	options.configure?.(fakes, effects);
	const watchers: TokenWatcher[] = [];
	const machine = wizardMachine.provide({
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
				const watcher: TokenWatcher = {token: input.token, ...(input.of ? {of: input.of} : {}), report: sendBack, stopped: false};
				watchers.push(watcher);
				return () => {
					watcher.stopped = true;
				};
			}),
		},
	});
	const actor = createActor(machine, {input: {choices: [emulatorChoice], ...options.input}});
	actor.start();
	return mountApp(actor, {fakes, effects, watchers}, options);
}

/** Fake UI effects (copy, save to a file or .env, quit), recorded. */
export function fakeEffects(): FakeEffects {
	return {
		copyToClipboard: vi.fn<UiEffects['copyToClipboard']>(async value => ({
			message: clipboardCopy(value, {via: 'terminal'}).message,
			sent: true,
		})),
		saveTokenToFile: vi.fn<UiEffects['saveTokenToFile']>(async (_token, file) => ({kind: 'saved', message: `Saved to ${file} (mode 600).`})),
		saveTokenToDotenv: vi.fn<UiEffects['saveTokenToDotenv']>(async (_token, variable) => `Saved as ${variable} in .env.`),
		quit: vi.fn<UiEffects['quit']>(),
	};
}

/**
 * The app on fake streams around a started machine: the one renderApp makes with fakes, or one
 * with the real services (source/app/services.ts), whose `fakes` are then never called.
 */
export function mountApp(
	actor: WizardActor,
	parts: {readonly fakes: AppFakes; readonly effects: FakeEffects; readonly watchers: TokenWatcher[]},
	options: {readonly columns?: number; readonly rows?: number; readonly printed?: boolean} = {},
): AppHarness {
	const {fakes, effects, watchers} = parts;

	// ink-testing-library's stdout is 100 columns wide with no rows; give it the size under test
	// before the app mounts, so the first frame already has it.
	const instance = render(<Text />);
	const {stdout, stdin} = instance;
	const keyBus = new KeyBus();
	const setSize = (columns: number, rows: number) => {
		Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
		Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	};

	setSize(options.columns ?? 80, options.rows ?? 24);
	instance.rerender(
		<PrintedFrames value={options.printed === true}>
			<App actor={actor} effects={effects} keyBus={keyBus} />
		</PrintedFrames>,
	);

	const lastFrame = () => stripVTControlCharacters(instance.lastFrame() ?? '');

	async function waitForFrame(predicate: Predicate, what = 'the expected frame'): Promise<string> {
		const deadline = Date.now() + waitLimitMs;
		for (;;) {
			const frame = lastFrame();
			if (predicate(frame)) {
				// One more turn of the loop: effects of the new screen (its key handlers) attach.
				await tick();
				return lastFrame();
			}

			if (Date.now() > deadline) {
				throw new Error(`Timed out waiting for ${what}. Last frame:\n${frame}`);
			}

			await tick();
		}
	}

	/** Ink reads keys only once a component listens (useInput attaches in an effect). */
	const inputReady = () => waitForFrame(() => stdin.listenerCount('readable') > 0, 'the app to listen to stdin');

	const toPredicate = (expected: string | Predicate): Predicate =>
		typeof expected === 'string' ? frame => frame.includes(expected) : expected;

	const harness: AppHarness = {
		actor,
		fakes,
		effects,
		watchers,
		frames: () => instance.frames.map(frame => stripVTControlCharacters(frame)),
		lastFrame,
		async press(key, expected) {
			await inputReady();
			const before = lastFrame();
			stdin.write(key);
			const changed = await waitForFrame(frame => frame !== before, `the frame to change after ${JSON.stringify(key)}`);
			return expected === undefined ? changed : waitForFrame(toPredicate(expected), JSON.stringify(expected));
		},
		async type(value) {
			for (const character of value) {
				await harness.press(character);
			}

			return lastFrame();
		},
		write(key) {
			stdin.write(key);
		},
		settled: () => keyBus.settled(),
		waitForText: text => waitForFrame(frame => frame.includes(text), JSON.stringify(text)),
		waitForFrame: predicate => waitForFrame(predicate),
		reportStatus(status, of) {
			const watcher = watchers.findLast(candidate => !candidate.stopped && candidate.of === of);
			if (!watcher) {
				throw new Error('No watchToken actor is running.');
			}

			watcher.report({type: 'TOKEN_STATUS', status, ...(of ? {of} : {})});
		},
		async resize(columns, rows = 24) {
			const before = lastFrame();
			const wider = columns > (stdout.columns ?? 0);
			setSize(columns, rows);
			stdout.emit('resize');
			// Ink redraws at once, the app once React has run its state update: wait for the app.
			return waitForFrame(
				frame => (wider ? frame !== before : frameWidth(frame) <= columns),
				`the frame to be laid out for ${columns} columns`,
			);
		},
		whenDrawn(predicate, action) {
			const write = stdout.write.bind(stdout);
			let done = false;
			stdout.write = (frame: string) => {
				write(frame);
				if (!done && predicate(stripVTControlCharacters(frame))) {
					done = true;
					action();
				}
			};
		},
		unmount() {
			mounted.delete(harness);
			instance.unmount();
			instance.cleanup();
			actor.stop();
		},
	};
	mounted.add(harness);
	return harness;
}

/** Renders with the emulator connected (`--emulator`), on the menu. */
export async function renderConnected(options: RenderAppOptions = {}): Promise<AppHarness> {
	const app = renderApp({...options, input: {autoConnect: emulatorChoice, ...options.input}});
	await app.waitForText('What next?');
	return app;
}

/** From the menu, through the tour to the token on screen, with the default scopes and lifetime. */
export async function tourToToken(app: AppHarness): Promise<string> {
	await app.press(keys.enter, 'Step 1 of 6: Connect');
	await app.press(keys.enter, 'Step 2 of 6: Create user');
	await app.press(keys.enter, 'Press Enter to continue');
	await app.press(keys.enter, 'Step 3 of 6: Choose scopes');
	await app.press(keys.enter, '24 hours (1440 minutes)');
	return app.press(keys.enter, 'Step 4 of 6: Issue token');
}

/** From the menu, through the tour to step 3's custom minutes, open; returns that frame. */
export async function tourToCustomMinutes(app: AppHarness): Promise<string> {
	await app.press(keys.enter, 'Step 1 of 6');
	await app.press(keys.enter, 'Step 2 of 6');
	await app.press(keys.enter, 'Created');
	await app.press(keys.enter, 'Step 3 of 6');
	await app.press(keys.enter, 'How long the token lives');
	await app.press(keys.down, '❯ Custom: type the minutes…');
	return app.press(keys.enter, 'Minutes (60–1440):');
}

/** From the menu, opens Manage and the identity on the given row (0-based). */
export async function openIdentity(app: AppHarness, row = 0): Promise<string> {
	await app.press(keys.down, frame => frame.includes('❯ Manage identities'));
	await app.press(keys.enter, 'Identities of emulator');
	for (let index = 0; index < row; index += 1) {
		await app.press(keys.down);
	}

	return app.press(keys.enter, 'Rename (local label)');
}
