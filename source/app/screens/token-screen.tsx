import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useState} from 'react';
import {UserError} from '../../errors/user-error.js';
import {type DecodedJwt, decodeJwt} from '../../protocol/jwt.js';
import {text} from '../../text/index.js';
import type {IssuedToken, OpenField, TokenStatus, WizardEvent} from '../../wizard/types.js';
import type {UiEffects} from '../effects.js';
import {useNow} from '../hooks/use-now.js';
import {maskToken} from '../../identity/trace.js';
import {showId, gapAfter} from '../present.js';
import {formatDuration} from '../../text/format.js';
import {claimLines, claimsJson} from '../claims.js';
import {ClaimsScreen} from './claims-screen.js';
import {useKeys} from '../hooks/use-keys.js';

/**
 * A save field opened again on the name the user gave, with why: its file exists (Enter on the
 * same name replaces it), or the name was refused (a .env variable that is no name).
 */
type AskedAgain = {readonly field: 'file' | 'dotenv'; readonly name: string; readonly note: string; readonly replace: boolean};

/** A save prompt: what it saves (the token, or the claims as JSON) and where. */
type Prompt = {readonly kind: 'file' | 'dotenv'; readonly content: string} | undefined;

const statusColors: Partial<Record<TokenStatus, string>> = {valid: 'green', checking: 'yellow', unknown: 'gray'};

export const statusColor = (status: TokenStatus | undefined): string => statusColors[status ?? 'unknown'] ?? 'red';

export function TokenStatusLine({status}: {readonly status: TokenStatus | undefined}) {
	const labels = text.wizard.token.statuses;
	return (
		<Text>
			{text.wizard.token.status}
			{text.wizard.colon}
			<Text bold color={statusColor(status)}>
				{labels[status ?? 'unknown']}
			</Text>
		</Text>
	);
}

/** A save that failed: said already by the export (the file and the system's code), or a bug's message. */
function saveFailure(error: unknown): string {
	return (error as Error).message;
}

function SavePrompt(props: {
	readonly prompt: NonNullable<Prompt>;
	readonly claims: boolean;
	readonly initial: string;
	readonly active: boolean;
	readonly effects: UiEffects;
	/** Enter: the name is taken, the field closes. */
	readonly onClose: () => void;
	/** The save's outcome, once it is known. */
	readonly onSaved: (notice: string) => void;
	/** Nothing was written, and the field is to open again on the name: its file exists, or the name was refused. */
	readonly onAskAgain: (again: AskedAgain) => void;
	/** Why the field was opened again, if it was. */
	readonly again: AskedAgain | undefined;
}) {
	const [answer, setAnswer] = useState(props.initial);
	const {prompt, effects} = props;
	const label =
		prompt.kind === 'dotenv' ? text.wizard.token.dotenvPrompt : props.claims ? text.wizard.token.claimsView.filePrompt : text.wizard.token.filePrompt;
	return (
		<Box flexDirection="column">
			{props.again?.field === prompt.kind ? <Prose color={props.again.replace ? 'yellow' : 'red'}>{props.again.note}</Prose> : undefined}
			{/* What is typed goes on below the prompt once it no longer fits beside it. */}
			<Box columnGap={gapAfter(label)} flexWrap="wrap">
				<Text>{label}</Text>
				<LineInput
					value={answer}
					focus={props.active}
					onChange={setAnswer}
					onSubmit={value => {
						props.onClose();
						const field = prompt.kind;
						const failed = (error: unknown) =>
							// A name refused (no file name, no variable name) is asked for again; anything else is the answer.
							error instanceof UserError && error.kind === 'usage'
								? props.onAskAgain({field, name: value, note: error.message, replace: false})
								: props.onSaved(saveFailure(error));
						if (field === 'dotenv') {
							effects.saveTokenToDotenv(prompt.content, value).then(props.onSaved, failed);
							return;
						}

						const replace = props.again?.field === 'file' && props.again.replace && value === props.again.name;
						effects.saveTokenToFile(prompt.content, value, replace).then(
							saved =>
								saved.kind === 'saved'
									? props.onSaved(saved.message)
									: props.onAskAgain({field, name: value, note: text.wizard.token.fileExists(saved.file), replace: true}),
							failed,
						);
					}}
				/>
			</Box>
		</Box>
	);
}

/** A time claim (seconds since 1970) as how long ago or until, not as a raw number; `i` shows the date. */
function relativeClaim(value: unknown, now: number): string {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		return String(value ?? '');
	}

	const left = value * 1000 - now;
	const {claimsView} = text.wizard.token;
	const duration = formatDuration(left, {precision: 1});
	return left >= 0 ? claimsView.fromNow(duration) : claimsView.ago(duration);
}

/** The token itself: masked unless revealed, its scopes, a live countdown, its live validity and a line of claims. */
function TokenSummary(props: {
	readonly token: IssuedToken;
	readonly decoded: DecodedJwt | undefined;
	readonly status: TokenStatus | undefined;
	readonly revealed: boolean;
	readonly presenter: boolean;
	readonly now: number;
}) {
	const claims = props.decoded?.payload ?? {};
	const left = Date.parse(props.token.expiresOn) - props.now;
	const shown = props.revealed && !props.presenter ? props.token.token : maskToken(props.token.token);
	return (
		<>
			<Text wrap={props.revealed ? 'wrap' : 'truncate-end'}>
				<Text bold>
					{text.wizard.token.heading}
					{text.wizard.colon}
				</Text>
				{shown}
			</Text>
			<Text>
				{text.wizard.token.scopes}
				{text.wizard.colon}
				{text.wizard.scopeList(props.token.scopes)} · {text.wizard.token.expires}
				{text.wizard.colon}
				{left > 0 ? text.wizard.token.expiresIn(formatDuration(left)) : text.wizard.token.expiredAgo(formatDuration(left))}
			</Text>
			<TokenStatusLine status={props.status} />
			<Text dimColor wrap="truncate-end">
				{text.wizard.token.claims}
				{text.wizard.colon}skypeid {showId(`8:${String(claims['skypeid'] ?? '')}`, props.presenter).slice(2)} · iat{' '}
				{relativeClaim(claims['iat'], props.now)} · exp {relativeClaim(claims['exp'], props.now)} · acsScope {String(claims['acsScope'] ?? '')}
			</Text>
		</>
	);
}

/** What a save field opens with: the default name, or the one found to exist (asked again). */
function initialName(prompt: Prompt, again: AskedAgain | undefined, claims: boolean): string {
	if (again !== undefined && again.field === prompt?.kind) {
		return again.name;
	}

	if (prompt?.kind === 'dotenv') {
		return 'ACS_USER_ACCESS_TOKEN';
	}

	return claims ? 'token-claims.json' : 'access-token.txt';
}

/** The name being typed, while the machine has the view's field open: what is shown (f), or the token (e). */
function promptOf(field: OpenField | undefined, shown: string, token: string): Prompt {
	if (field === 'file') {
		return {kind: 'file', content: shown};
	}

	return field === 'dotenv' ? {kind: 'dotenv', content: token} : undefined;
}

/**
 * The token view: the token, masked unless revealed, with a live countdown and validity; or,
 * with i, its claims one a line. c copies and f saves what is shown (the token, or the claims as JSON).
 */
export function TokenScreen(props: {
	readonly token: IssuedToken;
	readonly status: TokenStatus | undefined;
	readonly revealed: boolean;
	readonly claimsShown: boolean;
	readonly presenter: boolean;
	readonly effects: UiEffects;
	readonly active: boolean;
	/** Rows and columns the claims may take. */
	readonly rows: number;
	readonly columns: number;
	/** The machine's field open in this view: the file or .env name being typed. */
	readonly openField: OpenField | undefined;
	readonly send: (event: WizardEvent) => void;
}) {
	const now = useNow();
	// A notice about the token is not one about the claims, and the other way round; nor is one
	// said in presenter mode ("cannot be revealed") one of the mode turned off.
	const [said, setSaid] = useState<{readonly text: string; readonly claims: boolean; readonly presenter: boolean} | undefined>(undefined);
	const {claimsShown, presenter} = props;
	const notice = said?.claims === claimsShown && said.presenter === presenter ? said.text : undefined;
	const setNotice = (value: string) => setSaid({text: value, claims: claimsShown, presenter});
	// A save field opened again on the name given: its file exists (Enter replaces it), or the name was refused.
	const [again, setAgain] = useState<AskedAgain | undefined>(undefined);

	const decoded = decodeJwt(props.token.token);
	const claims = claimsShown && decoded ? claimsJson(decoded) : undefined;
	const copied = claims ?? props.token.token;
	const prompt = promptOf(props.openField, copied, props.token.token);
	const keys: Record<string, () => void> = {
		c() {
			props.effects.copyToClipboard(copied).then(
				({message, sent}) => {
					const said = text.wizard.token.clipboard.offerFile(message, sent);
					setNotice(claims !== undefined && props.presenter ? `${said} ${text.wizard.token.claimsView.copiedUnmasked}` : said);
				},
				(error: unknown) => {
					setNotice((error as Error).message);
				},
			);
		},
		// A field opened afresh: what the screen said before (a copy, a save) is not about it.
		f() {
			setAgain(undefined);
			setSaid(undefined);
			props.send({type: 'OPEN_FIELD', field: 'file'});
		},
		e() {
			if (claims === undefined) {
				setAgain(undefined);
				setSaid(undefined);
				props.send({type: 'OPEN_FIELD', field: 'dotenv'});
			}
		},
		i() {
			props.send({type: 'TOGGLE_CLAIMS'});
		},
		v() {
			if (props.presenter) {
				setNotice(text.wizard.token.presenterHidden);
			}
		},
	};

	useKeys(
		(input, key) => {
			// While a name is typed, the field has the keys; Esc is the machine's (BACK closes it).
			if (prompt) {
				return;
			}

			if (key.return) {
				props.send({type: 'SUBMIT'});
			} else if (Object.hasOwn(keys, input)) {
				keys[input]?.();
			}
		},
		props.active,
	);

	const initial = initialName(prompt, again, claims !== undefined);
	const reservedRows = (notice ? 3 : 0) + (prompt ? 1 : 0) + (prompt && again ? 2 : 0);
	return (
		<Box flexDirection="column">
			{claimsShown && decoded ? (
				<ClaimsScreen
					lines={claimLines(decoded, props.status, now, props.presenter)}
					rows={props.rows - reservedRows}
					columns={props.columns}
					active={props.active && prompt === undefined}
				/>
			) : (
				<TokenSummary token={props.token} decoded={decoded} status={props.status} revealed={props.revealed} presenter={props.presenter} now={now} />
			)}
			{prompt ? (
				<SavePrompt
					prompt={prompt}
					claims={claims !== undefined}
					initial={initial}
					active={props.active}
					effects={props.effects}
					onClose={() => props.send({type: 'CLOSE_FIELD'})}
					onSaved={value => {
						setAgain(undefined);
						setNotice(value);
					}}
					onAskAgain={next => {
						setSaid(undefined);
						setAgain(next);
						props.send({type: 'OPEN_FIELD', field: next.field});
					}}
					again={again}
				/>
			) : undefined}
			{notice ? <Prose color="cyan">{notice}</Prose> : undefined}
		</Box>
	);
}
