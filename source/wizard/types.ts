import type {ErrorKind} from '../errors/user-error.js';
import type {Exchange} from '../identity/trace.js';
import type {EntraAssignment, TeamsExtensionAssignment} from '../protocol/assignments.js';
import type {TokenScope} from '../protocol/scopes.js';
import type {SnippetStep} from '../text/snippets.js';

/** Where a saved profile's key comes from, as the connect screen says it (never the key itself). */
export type ProfileKey =
	| {readonly kind: 'saved'}
	| {readonly kind: 'environment'; readonly variable: string}
	| {readonly kind: 'dotenv'; readonly path: string; readonly variable: string}
	/** Given each time (a pasted connection string's profile): the wizard asks for it. */
	| {readonly kind: 'none'}
	/** Keyless: the profile signs in with Microsoft Entra ID (DefaultAzureCredential). */
	| {readonly kind: 'entra'};

/** One way to connect, as offered on the first screen. */
export type ConnectionChoice =
	| {readonly kind: 'emulator'}
	| {readonly kind: 'profile'; readonly name: string; readonly endpoint: string; readonly key?: ProfileKey}
	| {readonly kind: 'environment'; readonly variable: string; readonly endpoint: string}
	| {readonly kind: 'dotenv'; readonly path: string; readonly variable: string; readonly endpoint: string}
	| {readonly kind: 'pasted'; readonly connectionString: string}
	/**
	 * Keyless: an endpoint signed into with Microsoft Entra ID (DefaultAzureCredential), typed on
	 * the connect screen or read from `variable` (AZURE_COMMUNICATION_ENDPOINT).
	 */
	| {readonly kind: 'entra'; readonly endpoint: string; readonly tenantId?: string; readonly variable?: string};

/** Who signed in with Microsoft Entra ID, known after the first request (never a token). */
export type SignedIn = {
	readonly principal?: string | undefined;
	readonly principalKind?: 'user' | 'application';
	readonly tenantId?: string | undefined;
	/** The credential of DefaultAzureCredential's chain that answered (`azure-cli`, …). */
	readonly credential?: string | undefined;
};

export type ConnectionInfo = {
	readonly profileName: string;
	readonly endpoint: string;
	readonly isEmulator: boolean;
	/** Signed in with Microsoft Entra ID rather than an access key. */
	readonly keyless?: boolean;
};

export type IdentitySummary = {
	readonly id: string;
	readonly label?: string;
	readonly createdAt: string;
	readonly lastToken?: {
		readonly scopes: readonly string[];
		readonly issuedAt: string;
		readonly expiresOn: string;
		/** The token itself: only while the store keeps issued tokens (settings --store-tokens on). */
		readonly token?: string;
	};
	readonly revokedAt?: string;
	readonly deletedAt?: string;
};

export type IssuedToken = {
	readonly token: string;
	readonly expiresOn: string;
	readonly scopes: readonly TokenScope[];
	readonly issuedAt: string;
};

export type TokenStatus = 'checking' | 'valid' | 'revoked' | 'expired' | 'deleted' | 'bad-signature' | 'malformed' | 'unknown';

/** The tour's revoke step: the revoke, a new token for the same identity, and both checked once where that can be done. */
export type RevokeAndReissue = {
	readonly at: string;
	readonly fresh: IssuedToken;
	readonly checked?: {readonly revoked: TokenStatus; readonly fresh: TokenStatus};
};

/** The sign-in a Teams user is asked to do (MSAL's device code flow): open the page, type the code. */
export type TeamsDeviceCode = {
	readonly verificationUri: string;
	readonly userCode: string;
	readonly expiresOn: string;
};

/** Whose Entra ID token the Teams flow exchanges: a signed-in user's, or one made locally for the emulator. */
export type TeamsUser = {readonly kind: 'signed-in'; readonly teamsToken: string; readonly userId: string} | {readonly kind: 'simulated'};

export type TeamsMethod = 'simulated' | 'sign-in';

/** Whose client app exchange: Entra ID users (communication.azure.com/clients) or Teams Extension users. */
export type EntraKind = 'entra' | 'teamsExtension';

/** Who may exchange, as the resource keeps it: a user, group or tenant (Entra ID users), a user or resource account (Teams Extension). */
export type AccessAssignment = {
	readonly objectId: string;
	readonly tenantId: string;
	readonly principalType: EntraAssignment['principalType'] | TeamsExtensionAssignment['principalType'];
	readonly clientIds?: readonly string[];
};

/** Whose Entra ID token the client app exchange sends: one pasted, or on the emulator a simulated user's made locally. */
export type EntraUser = {readonly kind: 'pasted'; readonly entraToken: string} | {readonly kind: 'simulated'};

export type EntraMethod = 'simulated' | 'paste';

/** What the assignments screen did last, so that r tries that again. */
export type EntraAction = 'load' | 'assign' | 'lookUp' | 'remove';

export type WizardError = {
	readonly message: string;
	/** A UserError's kind, or `bug` for anything else. */
	readonly kind: ErrorKind | 'bug';
	/** The HTTP status the service answered, when it did (a 403 exchange: not assigned). */
	readonly status?: number;
};

/** Every actor reports the HTTP exchanges it made, for the learning panel. */
export type Traced<T> = T & {readonly exchanges: readonly Exchange[]};

export type WizardInput = {
	readonly choices: readonly ConnectionChoice[];
	readonly presenter?: boolean;
	/** Connect at once with this choice (e.g. --emulator), skipping the first screen. */
	readonly autoConnect?: ConnectionChoice;
};

export type ManageAction = 'issue' | 'revoke' | 'delete' | 'rename' | 'forget';

export type WizardEvent =
	| {readonly type: 'CHOOSE_CONNECTION'; readonly choice: ConnectionChoice}
	| {readonly type: 'PASTE_CONNECTION_STRING'}
	/** The connect screen's "Sign in with Microsoft Entra ID": asks the endpoint, then a tenant. */
	| {readonly type: 'SIGN_IN_WITH_ENTRA'}
	/** The endpoint typed for a keyless connection: the tenant is asked next. */
	| {readonly type: 'SUBMIT_ENDPOINT'; readonly endpoint: string}
	/** Who signed in with Microsoft Entra ID, after a request (the services say it). */
	| {readonly type: 'SIGNED_IN'; readonly signedIn: SignedIn}
	| {readonly type: 'START_TOUR'}
	| {readonly type: 'MANAGE'}
	/** The menu's "Teams user token (Custom Teams Endpoint)". */
	| {readonly type: 'TEAMS'}
	| {readonly type: 'SUBMIT_APP_ID'; readonly appId: string}
	| {readonly type: 'CHOOSE_TEAMS_METHOD'; readonly method: TeamsMethod}
	/** From the sign-in actor: the code to show, then the user signed in, or the sign-in failed. */
	| {readonly type: 'TEAMS_DEVICE_CODE'; readonly deviceCode: TeamsDeviceCode}
	| {readonly type: 'TEAMS_SIGNED_IN'; readonly teamsToken: string; readonly userId: string}
	| {readonly type: 'TEAMS_SIGN_IN_FAILED'; readonly error: unknown}
	/** The menu's "Entra ID user token (client app exchange)", then its choices. */
	| {readonly type: 'ENTRA'}
	| {readonly type: 'ENTRA_EXCHANGE'}
	| {readonly type: 'ENTRA_ASSIGNMENTS'}
	/** Entra ID users ⇄ Teams Extension users. */
	| {readonly type: 'TOGGLE_ENTRA_KIND'}
	| {readonly type: 'CHOOSE_ENTRA_METHOD'; readonly method: EntraMethod}
	| {readonly type: 'SUBMIT_ENTRA_TOKEN'; readonly entraToken: string}
	/** The assignments screen: the form to assign, Teams Extension's look-up, an assignment chosen to remove. */
	| {readonly type: 'ASSIGN'}
	| {readonly type: 'LOOK_UP'}
	| {readonly type: 'SUBMIT_ASSIGNMENT'; readonly assignment: AccessAssignment}
	| {readonly type: 'SUBMIT_LOOK_UP'; readonly tenantId: string; readonly objectId: string}
	| {readonly type: 'REMOVE_ASSIGNMENT'; readonly assignment: AccessAssignment}
	| {readonly type: 'SWITCH_CONNECTION'}
	| {readonly type: 'SUBMIT'}
	| {readonly type: 'BACK'}
	| {readonly type: 'RETRY'}
	| {readonly type: 'TOGGLE_SCOPE'; readonly scope: TokenScope}
	| {readonly type: 'SET_LIFETIME'; readonly minutes: number}
	/** `filter`: what the list's filter held when the identity was chosen; Esc from it comes back to that list. */
	| {readonly type: 'SELECT_IDENTITY'; readonly id: string; readonly filter?: string}
	| {readonly type: 'CHOOSE_ACTION'; readonly action: ManageAction}
	/** Manage → an identity whose last token the store kept: that token, in the token view. */
	| {readonly type: 'VIEW_STORED_TOKEN'}
	| {readonly type: 'SUBMIT_LABEL'; readonly label: string}
	/** The manager's "create an identity" choice. */
	| {readonly type: 'CREATE_IDENTITY'}
	/** `l`: give the identity being created (or just created, in the tour) a label. */
	| {readonly type: 'NAME_IDENTITY'}
	| {readonly type: 'TOGGLE_REVEAL'}
	/** The token view: its claims, one a line, or the token again. */
	| {readonly type: 'TOGGLE_CLAIMS'}
	/** A field opened in a view (withFields in wizard-setup.ts), and closed again (Enter in it, or Esc). */
	| {readonly type: 'OPEN_FIELD'; readonly field: OpenField}
	| {readonly type: 'CLOSE_FIELD'}
	| {readonly type: 'TOGGLE_PRESENTER'}
	| {readonly type: 'TOGGLE_CODE_LANGUAGE'}
	/** Shows or hides how the step's request was signed, in place of the code and HTTP panels. */
	| {readonly type: 'TOGGLE_SIGNING'}
	/** A token's live validity; `of: 'fresh'` for the one issued right after a revoke. */
	| {readonly type: 'TOKEN_STATUS'; readonly status: TokenStatus; readonly of?: 'fresh'}
	/** A store write failed after the operation succeeded: shown, never silent. */
	| {readonly type: 'STORE_FAILED'; readonly message: string}
	/** The embedded emulator's thread died and was started again, or could not be. */
	| {readonly type: 'EMULATOR_EVENT'; readonly message: string}
	/**
	 * The store, opened after the first frame, warned (a damaged config file moved aside, a
	 * stale lock taken over): what it said, and the connection choices as they now are.
	 */
	| {readonly type: 'STORE_WARNING'; readonly message: string; readonly choices: readonly ConnectionChoice[]};

export type WizardContext = {
	readonly choices: readonly ConnectionChoice[];
	readonly autoConnect: ConnectionChoice | undefined;
	readonly pendingChoice: ConnectionChoice | undefined;
	/**
	 * The label being saved in Manage → rename, kept so a failed save can be retried; or the
	 * label the identity about to be created gets (manager and tour).
	 */
	readonly pendingLabel: string | undefined;
	readonly connection: ConnectionInfo | undefined;
	/** With a keyless connection, who signed in: undefined until its first request. */
	readonly signedIn: SignedIn | undefined;
	readonly identities: readonly IdentitySummary[];
	/** The identity the tour created, or the one chosen in Manage. */
	readonly userId: string | undefined;
	/** The identity Manage's list had open last: the list comes back with it highlighted. */
	readonly listedId: string | undefined;
	/** What Manage's filter held when an identity was opened from it: the list comes back filtered so. */
	readonly listFilter: string | undefined;
	readonly scopes: readonly TokenScope[];
	readonly lifetimeMinutes: number;
	readonly token: IssuedToken | undefined;
	readonly tokenStatus: TokenStatus | undefined;
	/** The token the tour's revoke step issues after revoking, to show that new tokens still work. */
	readonly freshToken: IssuedToken | undefined;
	readonly freshTokenStatus: TokenStatus | undefined;
	readonly revealed: boolean;
	/** The token view shows the token's claims instead of the token. */
	readonly claimsShown: boolean;
	/** The field open in the view, while one is (the state is then tagged `typing`). */
	readonly openField: OpenField | undefined;
	readonly presenter: boolean;
	/** Started in presenter mode (--present, settings): nothing in the session turns it off. */
	readonly presenterHeld: boolean;
	readonly codeLanguage: 'typescript' | 'python';
	readonly signingShown: boolean;
	readonly exchanges: readonly Exchange[];
	readonly error: WizardError | undefined;
	readonly action: ManageAction | undefined;
	readonly notice: string | undefined;
	/** What happened to the embedded emulator, shown on every screen until the next such news. */
	readonly emulatorNews: string | undefined;
	/** What the store warned of when it opened (a damaged config moved aside), shown on every screen. */
	readonly storeNews: string | undefined;
	/** The Teams flow: the app (client) id typed, the device code on screen, whose token is exchanged, and the Teams user's oid. */
	readonly teamsAppId: string | undefined;
	readonly teamsDeviceCode: TeamsDeviceCode | undefined;
	readonly teamsUser: TeamsUser | undefined;
	readonly teamsUserId: string | undefined;
	/** The client app exchange: which kind, the assignments known (listed, or for Teams Extension looked up), the one being assigned or removed, whose token, and the ACS identity it gave. */
	readonly entraKind: EntraKind;
	readonly assignments: readonly AccessAssignment[];
	readonly pendingAssignment: AccessAssignment | undefined;
	readonly entraAction: EntraAction | undefined;
	readonly entraUser: EntraUser | undefined;
	readonly entraIdentity: string | undefined;
};

/** The screen a state is shown on. */
export type View =
	| 'connect'
	| 'paste'
	/** A keyless connection's endpoint, then its tenant (optional). */
	| 'entraEndpoint'
	| 'entraTenant'
	| 'menu'
	| 'busy'
	| 'error'
	| 'connectionFailed'
	| 'tourIntro'
	| 'createUser'
	| 'userCreated'
	| 'scopes'
	| 'lifetime'
	| 'token'
	| 'revoke'
	| 'revoked'
	| 'deleteUser'
	| 'userDeleted'
	| 'finished'
	| 'identities'
	| 'identity'
	| 'rename'
	/** The label of an identity not created yet (optional). */
	| 'newLabel'
	| 'confirm'
	/** The Teams flow: what it is and the app id; simulated or signed in (emulator); the device code. */
	| 'teamsAppId'
	| 'teamsMethod'
	| 'teamsSignIn'
	/** The client app exchange: what it is; simulated or pasted (emulator); the pasted token; the assignments, their form, a look-up, a removal. */
	| 'entraIntro'
	| 'entraMethod'
	| 'entraPaste'
	| 'entraAssignments'
	| 'entraAssignForm'
	| 'entraLookUp'
	| 'entraRemove'
	| 'entraFailed';

/** The fields a view can open: the token's file name or .env variable, the identities' filter, a custom lifetime. */
export type OpenField = 'file' | 'dotenv' | 'filter' | 'minutes';

/** What a busy state is doing, for its one line. */
export type BusyWork = 'connecting' | 'loading' | 'createUser' | 'issueToken' | 'revoke' | 'deleteUser' | 'saving' | 'forgetting' | 'teamsSignIn' | 'teamsExchange' | 'entraExchange' | 'assignments';

/**
 * What a state shows, in its `meta`; the UI merges the active states' meta, outer to inner
 * (screenOf in app/hooks/use-wizard.ts), and never lists state names.
 */
export type ScreenMeta = {
	readonly view?: View;
	readonly busy?: BusyWork;
	/** The quickstart's step (1–6): set on every tour state. */
	readonly step?: 1 | 2 | 3 | 4 | 5 | 6;
	readonly snippet?: SnippetStep;
	/** A sentence and a prompt: Enter goes on. */
	readonly enterSubmits?: boolean;
	/** The HTTP panel shows the exchanges of the step just done. */
	readonly showsExchange?: boolean;
	/** The Teams user token flow: the code and HTTP panels (and t, s) without a tour step. */
	readonly flow?: 'teams' | 'entra';
	/** Manage → Issue a new token (and the token view, of a stored token too): each screen says whose token it is. */
	readonly issuing?: true;
};

export type WizardTag = 'busy' | 'failed' | 'typing';
