import {Prose} from './components/prose.js';
import {Text} from 'ink';
import type {ReactNode} from 'react';
import {text} from '../text/index.js';
import type {ScreenMeta, View, WizardContext, WizardEvent} from '../wizard/types.js';
import type {UiEffects} from './effects.js';
import type {WizardSnapshot} from './hooks/use-wizard.js';
import {presentProfileName, presentText, shortId, showId} from './present.js';
import {BusyScreen} from './screens/busy-screen.js';
import {ConfirmScreen} from './screens/confirm-screen.js';
import {ConnectScreen} from './screens/connect-screen.js';
import {EntraEndpointScreen, EntraTenantScreen} from './screens/entra-screen.js';
import {ErrorScreen} from './screens/error-screen.js';
import {confirmQuestion, IdentityScreen, identityName} from './screens/identity-screen.js';
import {LifetimeScreen} from './screens/lifetime-screen.js';
import {ManageScreen} from './screens/manage-screen.js';
import {MenuScreen} from './screens/menu-screen.js';
import {PasteScreen} from './screens/paste-screen.js';
import {RenameScreen} from './screens/rename-screen.js';
import {RevokedScreen, TokenPairLines} from './screens/revoked-screen.js';
import {ScopesScreen} from './screens/scopes-screen.js';
import {TeamsAppIdScreen, TeamsMethodScreen, TeamsSignInScreen} from './screens/teams-screen.js';
import {TokenScreen, TokenStatusLine} from './screens/token-screen.js';
import {teamsUserOf} from '../wizard/teams-states.js';
import {entraIdentityOf} from '../wizard/entra-states.js';
import {isLocal} from '../wizard/wizard-setup.js';
import {standInTenantId, standInUser} from '../emulator/stand-in-entra.js';
import {AssignmentFormScreen, AssignmentsScreen, assignmentName} from './screens/assignments-screen.js';
import {
	ClientExchangeIntroScreen,
	ClientExchangeMethodScreen,
	ClientExchangePasteScreen,
} from './screens/client-exchange-screen.js';

export type ViewProps = {
	readonly snapshot: WizardSnapshot;
	readonly meta: ScreenMeta;
	readonly send: (event: WizardEvent) => void;
	readonly effects: UiEffects;
	readonly active: boolean;
	readonly rows: number;
	readonly columns: number;
};

function Prompt({what, hint}: {readonly what: string; readonly hint?: string | undefined}) {
	return (
		<Text>
			<Text color="cyan">{text.wizard.run(what)}</Text>
			{hint ? <Text dimColor> · {hint}</Text> : undefined}
		</Text>
	);
}

/** A tour step that is a sentence (or two), the token's validity where it matters, and a prompt. */
function Step({
	lines,
	prompt,
	status,
	tokens,
	hint,
}: {
	readonly lines: readonly string[];
	readonly prompt?: string;
	readonly status?: ViewProps;
	/** The revoke step's two tokens, each with its status, in place of the one token's status. */
	readonly tokens?: ViewProps;
	/** A key that also works here, after the prompt on its line (the footer has no room for it at 80 columns). */
	readonly hint?: string;
}) {
	return (
		<>
			{lines.map(line => (
				<Prose key={line}>
					{line}
				</Prose>
			))}
			{status ? <TokenStatusLine status={status.snapshot.context.tokenStatus} /> : undefined}
			{tokens ? <TokenPairOf context={tokens.snapshot.context} /> : undefined}
			{prompt ? <Prompt what={prompt} hint={hint} /> : undefined}
		</>
	);
}

function TokenPairOf({context}: {readonly context: WizardContext}) {
	return (
		<TokenPairLines
			revoked={context.token}
			revokedStatus={context.tokenStatus}
			fresh={context.freshToken}
			freshStatus={context.freshTokenStatus}
			issued={false}
		/>
	);
}

/** Two sentences in one paragraph (a row saved at 80×24): a space between them, none after a full-width stop. */
function sentences(first: string, second: string): string {
	return /[。！？]$/.test(first) ? `${first}${second}` : `${first} ${second}`;
}

/** The tour's identity as created: `label (id)` once it has a label. */
function createdName(props: ViewProps): string {
	const {context} = props.snapshot;
	const label = context.identities.find(identity => identity.id === context.userId)?.label;
	return label ? `${label} (${userIdShown(props)})` : userIdShown(props);
}

const userIdShown = ({snapshot: {context}}: ViewProps) => (context.userId ? showId(context.userId, context.presenter) : '');

/**
 * The rows the claims may take: the terminal's less the header, the footer (two lines at 80
 * columns), the claims' heading, the margins a tall terminal has, and in the tour its step line.
 */
function claimsRows({rows, meta}: ViewProps): number {
	const tall = rows >= 32;
	const tour = meta.step === undefined ? 0 : 1 + (tall ? 2 : 0);
	return rows - 1 - 2 - 1 - (tall ? 2 : 0) - tour - 1;
}

function Token(props: ViewProps) {
	const {context} = props.snapshot;
	if (!context.token) {
		return undefined;
	}

	return (
		<TokenScreen
			token={context.token}
			status={context.tokenStatus}
			revealed={context.revealed}
			claimsShown={context.claimsShown}
			rows={claimsRows(props)}
			columns={props.columns}
			presenter={context.presenter}
			effects={props.effects}
			active={props.active}
			openField={context.openField}
			send={props.send}
		/>
	);
}

function Identity(props: ViewProps) {
	const {context} = props.snapshot;
	return (
		<IdentityScreen
			id={context.userId ?? ''}
			identity={context.identities.find(candidate => candidate.id === context.userId)}
			presenter={context.presenter}
			notice={context.notice}
			send={props.send}
			active={props.active}
		/>
	);
}

/** Each screen the machine names in `meta.view`, drawn from the snapshot. */
const views: Record<View, (props: ViewProps) => ReactNode> = {
	connect: ({snapshot, send, active, rows}) => (
		<ConnectScreen choices={snapshot.context.choices} send={send} active={active} presenter={snapshot.context.presenter} rows={rows} />
	),
	paste: ({snapshot: {context}, send, active}) => (
		<PasteScreen
			send={send}
			active={active}
			presenter={context.presenter}
			profile={context.pendingChoice?.kind === 'profile' ? context.pendingChoice : undefined}
		/>
	),
	entraEndpoint: ({snapshot: {context}, send, active}) => (
		<EntraEndpointScreen
			// Esc from the tenant comes back here with the endpoint as it was typed.
			initial={context.pendingChoice?.kind === 'entra' ? context.pendingChoice.endpoint : ''}
			send={send}
			active={active}
			presenter={context.presenter}
		/>
	),
	entraTenant: ({snapshot: {context}, send, active}) => (
		<EntraTenantScreen
			endpoint={context.pendingChoice?.kind === 'entra' ? context.pendingChoice.endpoint : ''}
			send={send}
			active={active}
			presenter={context.presenter}
		/>
	),
	menu: ({snapshot, send, active}) => <MenuScreen identityCount={snapshot.context.identities.length} send={send} active={active} />,
	busy: ({snapshot, meta}) => <BusyScreen label={text.wizard.busy[meta.busy ?? 'loading']} cancellable={snapshot.can({type: 'BACK'})} />,
	error: ({snapshot}) => <ErrorScreen error={snapshot.context.error} presenter={snapshot.context.presenter} />,
	connectionFailed: ({snapshot}) => (
		<ErrorScreen error={snapshot.context.error} heading={text.wizard.connect.failed} presenter={snapshot.context.presenter} />
	),
	tourIntro: ({snapshot: {context}}) => (
		<Step
			lines={[
				(context.connection?.keyless ? text.wizard.explain.connectKeyless : text.wizard.explain.connect)(
					presentText(context.connection?.endpoint ?? '', context.presenter),
				),
			]}
			prompt={text.wizard.actions.next}
		/>
	),
	// The label line only once one is typed (the footer offers `l`): at 80×24 the step has no row to spare.
	createUser: ({snapshot: {context}}) => (
		<Step
			lines={[text.wizard.explain.createUser, ...(context.pendingLabel ? [text.wizard.explain.label(context.pendingLabel)] : [])]}
			prompt={text.wizard.actions.createUser}
			hint={text.wizard.keys.label}
		/>
	),
	userCreated: props => (
		<Step
			lines={[sentences(text.wizard.explain.createUserDone(createdName(props)), text.wizard.explain.createUserNext)]}
			prompt={text.wizard.actions.next}
			hint={text.wizard.keys.label}
		/>
	),
	scopes: ({snapshot, send, active}) => <ScopesScreen selected={snapshot.context.scopes} send={send} active={active} />,
	lifetime: ({snapshot, send, active}) => (
		<LifetimeScreen minutes={snapshot.context.lifetimeMinutes} send={send} active={active} customOpen={snapshot.context.openField === 'minutes'} />
	),
	token: Token,
	revoke: props => <Step lines={[text.wizard.explain.revoke]} status={props} prompt={text.wizard.actions.revoke} />,
	revoked: ({snapshot: {context}}) => (
		<>
			<RevokedScreen
				revoked={context.token}
				revokedStatus={context.tokenStatus}
				fresh={context.freshToken}
				freshStatus={context.freshTokenStatus}
			/>
			<Prompt what={text.wizard.actions.next} />
		</>
	),
	deleteUser: props => <Step lines={[text.wizard.explain.deleteUser]} tokens={props} prompt={text.wizard.actions.deleteUser} />,
	userDeleted: props => <Step lines={[text.wizard.explain.deleteDone]} tokens={props} prompt={text.wizard.actions.next} />,
	finished: () => <Step lines={[text.wizard.explain.finished]} />,
	identities: ({snapshot: {context}, send, active, rows, columns}) => (
		<ManageScreen
			profile={
				context.connection
					? presentProfileName(context.connection.profileName, context.connection.endpoint, context.presenter)
					: ''
			}
			identities={context.identities}
			selectedId={context.userId ?? context.listedId}
			presenter={context.presenter}
			notice={context.notice}
			send={send}
			active={active}
			rows={rows}
			columns={columns}
			filterOpen={context.openField === 'filter'}
			filterText={context.listFilter}
		/>
	),
	identity: Identity,
	rename: ({snapshot: {context}, send, active}) => (
		<RenameScreen
			prompt={text.wizard.manage.renamePrompt}
			initial={
				context.error && context.pendingLabel !== undefined
					? context.pendingLabel
					: (context.identities.find(candidate => candidate.id === context.userId)?.label ?? '')
			}
			error={context.error}
			send={send}
			active={active}
			presenter={context.presenter}
		/>
	),
	newLabel: ({snapshot: {context}, send, active}) => (
		<RenameScreen
			prompt={text.wizard.manage.newLabelPrompt}
			initial={context.pendingLabel ?? ''}
			error={context.error}
			send={send}
			active={active}
			presenter={context.presenter}
		/>
	),
	teamsAppId: ({snapshot: {context}, send, active}) => <TeamsAppIdScreen initial={context.teamsAppId ?? ''} send={send} active={active} />,
	teamsMethod: ({send, active}) => <TeamsMethodScreen send={send} active={active} />,
	teamsSignIn: ({snapshot: {context}}) => <TeamsSignInScreen deviceCode={context.teamsDeviceCode} presenter={context.presenter} />,
	...clientExchangeViews(),
	confirm: ({snapshot: {context}, send, active}) => {
		const identity = context.identities.find(candidate => candidate.id === context.userId);
		const name = identityName(identity, context.userId ?? '', context.presenter);
		return context.action ? (
			<ConfirmScreen question={confirmQuestion(context.action, name, identity?.deletedAt !== undefined)} send={send} active={active} />
		) : undefined;
	},
};

/** After a 403 exchange (nobody assigned this user): what to do first, and the key that does it. */
const notAssignedHint = (status: number | undefined) => (status === 403 ? text.wizard.clientExchange.notAssigned : undefined);

const plainHttpOf = (props: ViewProps) => props.snapshot.context.connection?.endpoint.startsWith('http:') === true;

/** The form to assign (or look up), filled in for the simulated user on the emulator. */
function AssignForm(props: ViewProps & {readonly lookUp: boolean}) {
	const {context} = props.snapshot;
	const local = isLocal(context);
	const initial = local ? {objectId: standInUser.oid, tenantId: standInTenantId} : {objectId: '', tenantId: ''};
	return (
		<AssignmentFormScreen
			kind={context.entraKind}
			lookUp={props.lookUp}
			initial={initial}
			prefilledFor={local ? standInUser.upn : undefined}
			send={props.send}
			active={props.active}
		/>
	);
}

/** The client app exchange's screens (entra-states.ts). */
function clientExchangeViews(): Pick<
	Record<View, (props: ViewProps) => ReactNode>,
	'entraIntro' | 'entraMethod' | 'entraPaste' | 'entraAssignments' | 'entraAssignForm' | 'entraLookUp' | 'entraRemove' | 'entraFailed'
> {
	return {
		entraIntro: props => (
			<ClientExchangeIntroScreen kind={props.snapshot.context.entraKind} plainHttp={plainHttpOf(props)} send={props.send} active={props.active} />
		),
		entraMethod: ({send, active}) => <ClientExchangeMethodScreen upn={standInUser.upn} send={send} active={active} />,
		entraPaste: ({snapshot, send, active}) => <ClientExchangePasteScreen kind={snapshot.context.entraKind} send={send} active={active} />,
		entraAssignments: props => (
			<AssignmentsScreen
				kind={props.snapshot.context.entraKind}
				assignments={props.snapshot.context.assignments}
				canExchange={!plainHttpOf(props)}
				presenter={props.snapshot.context.presenter}
				rows={props.rows}
				send={props.send}
				active={props.active}
			/>
		),
		entraAssignForm: props => <AssignForm {...props} lookUp={false} />,
		entraLookUp: props => <AssignForm {...props} lookUp />,
		entraRemove: ({snapshot: {context}, send, active}) =>
			context.pendingAssignment ? (
				<ConfirmScreen
					question={text.wizard.clientExchange.removeQuestion(assignmentName(context.pendingAssignment, context.presenter))}
					send={send}
					active={active}
				/>
			) : undefined,
		entraFailed: ({snapshot: {context}}) => (
			<ErrorScreen error={context.error} presenter={context.presenter} hint={notAssignedHint(context.error?.status)} />
		),
	};
}

/** In the tour, the screens shared with the manager come after the step's explanation. */
const tourIntroduction: Partial<Record<View, () => string>> = {
	scopes: () => text.wizard.explain.scopes,
	lifetime: () => text.wizard.explain.lifetime,
	token: () => text.wizard.explain.token,
};

/** The Teams flow's token view says whose token it is (the oid cut in presenter mode). */
function teamsIntroduction({snapshot: {context}}: ViewProps): string | undefined {
	const user = teamsUserOf(context);
	return user ? text.wizard.teams.issued(context.presenter ? shortGuid(user.userId) : user.userId, user.simulated) : undefined;
}

const shortGuid = (guid: string) => `${guid.slice(0, 8)}…`;

/** The client app exchange's token view says whose ACS identity it is, cut (the whole id is in the claims view, i): the line fits 80×24. */
function entraIntroduction({snapshot: {context}}: ViewProps): string | undefined {
	const exchanged = entraIdentityOf(context);
	return exchanged ? text.wizard.clientExchange.issued(shortId(exchanged.identity), exchanged.simulated) : undefined;
}

function introductionOf(props: ViewProps, view: View): string | undefined {
	// The claims take the whole screen: the step's explanation of the token waits behind them.
	if (props.snapshot.context.claimsShown) {
		return undefined;
	}

	if (props.meta.flow === 'teams') {
		return view === 'token' ? teamsIntroduction(props) : undefined;
	}

	if (props.meta.flow === 'entra') {
		return view === 'token' ? entraIntroduction(props) : undefined;
	}

	if (props.meta.issuing) {
		return issuingIntroduction(props, view);
	}

	return props.meta.step === undefined ? undefined : tourIntroduction[view]?.();
}

/** Manage's issue screens: whose token, by its label, or its id cut short (presenter mode cuts it further). */
function issuingIntroduction(props: ViewProps, view: View): string | undefined {
	const {context} = props.snapshot;
	const identity = context.identities.find(candidate => candidate.id === context.userId);
	const id = context.userId ?? '';
	const who = identity?.label ?? (context.presenter ? showId(id, true) : shortId(id));
	const said = text.wizard.manage.issueFor;
	switch (view) {
		case 'scopes': {
			return said.scopes(who);
		}

		case 'lifetime': {
			return said.lifetime(who);
		}

		case 'token': {
			return said.token(who);
		}

		default: {
			return undefined;
		}
	}
}

/** The screen for the snapshot: the view its meta names, with the tour's explanation where it has one. */
export function ViewOf(props: ViewProps) {
	const view = props.meta.view ?? 'menu';
	const introduction = introductionOf(props, view);
	const Draw = views[view];
	return (
		<>
			{introduction ? <Prose>{introduction}</Prose> : undefined}
			<Draw {...props} />
		</>
	);
}
