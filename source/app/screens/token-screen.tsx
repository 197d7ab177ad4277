import {Prose} from '../components/prose.js';
import {Box, Text, useInput} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useEffect, useState} from 'react';
import {decodeJwt} from '../../protocol/jwt.js';
import {text} from '../../text/index.js';
import type {IssuedToken, TokenStatus, WizardEvent} from '../../wizard/types.js';
import type {UiEffects} from '../effects.js';
import {useNow} from '../hooks/use-now.js';
import {maskToken} from '../../identity/trace.js';
import {showId} from '../present.js';
import {formatDuration} from '../../text/format.js';

type Prompt = 'file' | 'dotenv' | undefined;

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

/** The token, masked unless revealed, its claims, a live countdown and its live validity. */
export function TokenScreen(props: {
	readonly token: IssuedToken;
	readonly status: TokenStatus | undefined;
	readonly revealed: boolean;
	readonly presenter: boolean;
	readonly effects: UiEffects;
	readonly active: boolean;
	readonly onTyping: (typing: boolean) => void;
	readonly send: (event: WizardEvent) => void;
}) {
	const now = useNow();
	const [prompt, setPrompt] = useState<Prompt>(undefined);
	const [answer, setAnswer] = useState('');
	const [notice, setNotice] = useState<string | undefined>(undefined);
	const {onTyping} = props;
	useEffect(() => {
		onTyping(prompt !== undefined);
	}, [prompt, onTyping]);

	const keys: Record<string, () => void> = {
		c() {
			props.effects.copyToClipboard(props.token.token);
			setNotice(text.wizard.token.copied);
		},
		f() {
			setAnswer('access-token.txt');
			setPrompt('file');
		},
		e() {
			setAnswer('ACS_USER_ACCESS_TOKEN');
			setPrompt('dotenv');
		},
		v() {
			if (props.presenter) {
				setNotice(text.wizard.token.presenterHidden);
			}
		},
	};

	useInput(
		(input, key) => {
			if (prompt) {
				if (key.escape) {
					setPrompt(undefined);
				}
			} else if (key.return) {
				props.send({type: 'SUBMIT'});
			} else if (Object.hasOwn(keys, input)) {
				keys[input]?.();
			}
		},
		{isActive: props.active},
	);

	const claims = decodeJwt(props.token.token)?.payload ?? {};
	const expiresAt = Date.parse(props.token.expiresOn);
	const left = expiresAt - now;
	const shown = props.revealed && !props.presenter ? props.token.token : maskToken(props.token.token);
	return (
		<Box flexDirection="column">
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
				{String(claims['iat'] ?? '')} · exp {String(claims['exp'] ?? '')} · acsScope {String(claims['acsScope'] ?? '')}
			</Text>
			{prompt ? (
				<Box gap={1}>
					<Text>{prompt === 'file' ? text.wizard.token.filePrompt : text.wizard.token.dotenvPrompt}</Text>
					<LineInput
						value={answer}
						focus={props.active}
						onChange={setAnswer}
						onSubmit={value => {
							setPrompt(undefined);
							const save =
								prompt === 'file'
									? props.effects.saveTokenToFile(props.token.token, value)
									: props.effects.saveTokenToDotenv(props.token.token, value);
							save.then(
								message => {
									setNotice(message);
								},
								(error: unknown) => {
									// The store's and our own refusals are said already; a system error by its code.
									const {code} = error as NodeJS.ErrnoException;
									setNotice(typeof code === 'string' ? text.wizard.token.saveFailed(code) : (error as Error).message);
								},
							);
						}}
					/>
				</Box>
			) : undefined}
			{notice ? (
				<Prose color="cyan">
					{notice}
				</Prose>
			) : undefined}
		</Box>
	);
}
