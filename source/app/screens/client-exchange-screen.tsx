import {Box, Text} from 'ink';
import {useState} from 'react';
import {decodeJwt} from '../../protocol/jwt.js';
import {exchangeAudiences, exchangeScopes, hasAudience} from '../../protocol/entra-token.js';
import {text} from '../../text/index.js';
import {formatTime} from '../../text/format.js';
import type {EntraKind, EntraMethod, WizardEvent} from '../../wizard/types.js';
import {Prose} from '../components/prose.js';
import {SelectList} from '../components/select-list.js';
import {useKeys} from '../hooks/use-keys.js';

type IntroChoice = 'ENTRA_EXCHANGE' | 'ENTRA_ASSIGNMENTS' | 'TOGGLE_ENTRA_KIND';

/**
 * What the client app exchange is (two sentences), then: exchange, the assignments, or the
 * other kind of user. Over plain http:// (the embedded emulator) no exchange is offered: the
 * screen says what to run instead.
 */
export function ClientExchangeIntroScreen(props: {
	readonly kind: EntraKind;
	readonly plainHttp: boolean;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const said = text.wizard.clientExchange;
	const items: Array<{key: string; label: string; value: IntroChoice}> = [
		...(props.plainHttp ? [] : [{key: 'exchange', label: said.exchange, value: 'ENTRA_EXCHANGE' as const}]),
		{key: 'assignments', label: said.assignments, value: 'ENTRA_ASSIGNMENTS'},
		{key: 'kind', label: said.switchKind(props.kind === 'entra' ? 'teamsExtension' : 'entra'), value: 'TOGGLE_ENTRA_KIND'},
	];
	return (
		<Box flexDirection="column">
			<Text bold>{said.heading(props.kind)}</Text>
			<Prose>{said.explain(props.kind)}</Prose>
			{props.plainHttp ? <Prose color="yellow">{said.plainHttp}</Prose> : undefined}
			<SelectList
				items={items}
				isFocused={props.active}
				onSelect={item => {
					props.send({type: item.value});
				}}
			/>
		</Box>
	);
}

/** On the emulator: the simulated Entra ID user (a token made here), or a real user's token pasted. */
export function ClientExchangeMethodScreen(props: {
	readonly upn: string;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const said = text.wizard.clientExchange;
	const items: Array<{key: string; label: string; value: EntraMethod}> = [
		{key: 'simulated', label: said.simulated(props.upn), value: 'simulated'},
		{key: 'paste', label: said.paste, value: 'paste'},
	];
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{said.methodHeading}</Text>
			<SelectList
				items={items}
				isFocused={props.active}
				onSelect={item => {
					props.send({type: 'CHOOSE_ENTRA_METHOD', method: item.value});
				}}
			/>
		</Box>
	);
}

/** What the pasted token looks like, without a word of it: for whom (its audience) and until when. */
function verdictOf(value: string, kind: EntraKind): {readonly ok: boolean; readonly message: string} | undefined {
	if (value === '') {
		return undefined;
	}

	const said = text.wizard.clientExchange;
	const claims = decodeJwt(value)?.payload;
	if (!claims) {
		return {ok: false, message: said.pasteNotJwt};
	}

	const wanted = exchangeAudiences[kind];
	if (!hasAudience(claims, new Set([wanted, `${wanted}/`]))) {
		const audience = typeof claims['aud'] === 'string' ? claims['aud'] : '';
		return {ok: false, message: said.pasteWrongAudience(audience, wanted)};
	}

	const exp = typeof claims['exp'] === 'number' ? formatTime(new Date(claims['exp'] * 1000).toISOString()) : '?';
	return {ok: true, message: said.pasteLooks(wanted, exp)};
}

/** A bound on what is kept of a paste: an Entra ID token is a few kB. */
const maxTokenLength = 32 * 1024;

/**
 * The user's Entra ID token, pasted: never drawn (a count of characters stands for it), checked
 * as a JWT of the right audience. Backspace or Ctrl+U clears it; Enter exchanges it.
 */
export function ClientExchangePasteScreen(props: {
	readonly kind: EntraKind;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const said = text.wizard.clientExchange;
	const [value, setValue] = useState('');
	const verdict = verdictOf(value, props.kind);
	useKeys(
		(input, key) => {
			if (key.return) {
				if (value !== '') {
					props.send({type: 'SUBMIT_ENTRA_TOKEN', entraToken: value});
				}
			} else if (key.backspace || key.delete || (key.ctrl && input === 'u')) {
				setValue('');
			} else if (!key.ctrl && !key.meta) {
				// A paste keeps only what a token is made of: no spaces, line breaks or control characters.
				setValue(current => `${current}${input.replaceAll(/[^\w.-]/g, '')}`.slice(0, maxTokenLength));
			}
		},
		props.active,
	);
	// az takes several scopes after one --scope, separated by spaces (Teams Extension needs both of its own).
	const command = `az account get-access-token --scope ${exchangeScopes[props.kind].join(' ')} --query accessToken -o tsv`;
	return (
		<Box flexDirection="column">
			<Text bold>{said.pasteHeading}</Text>
			<Prose>{said.pasteHow(command)}</Prose>
			<Box borderStyle="round" paddingX={1}>
				{value === '' ? <Text dimColor>{said.pasteEmpty}</Text> : <Text>{`••• (${value.length})`}</Text>}
			</Box>
			{verdict ? <Prose color={verdict.ok ? 'green' : 'yellow'}>{verdict.message}</Prose> : undefined}
		</Box>
	);
}
