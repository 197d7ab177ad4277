import {Box, Text} from 'ink';
import {useState} from 'react';
import {text} from '../../text/index.js';
import type {WizardEvent} from '../../wizard/types.js';
import {LineInput} from '../components/line-input.js';
import {Prose} from '../components/prose.js';
import {presentText} from '../present.js';

type Verdict<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly message: string} | undefined;

/**
 * An endpoint for a keyless connection, as typed: https:// and a host, nothing after the
 * origin (a trailing / is fine). Given back as the origin with its /, as the SDK takes it.
 */
export function checkEntraEndpoint(typed: string): Verdict<string> {
	const value = typed.trim();
	if (value === '') {
		return undefined;
	}

	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return {ok: false, message: text.wizard.entra.endpointProblem('url')};
	}

	if (url.protocol === 'http:') {
		return {ok: false, message: text.wizard.entra.endpointProblem('https')};
	}

	if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') {
		return {ok: false, message: text.wizard.entra.endpointProblem('url')};
	}

	if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]/.test(value)) {
		return {ok: false, message: text.wizard.entra.endpointProblem('path')};
	}

	return {ok: true, value: `${url.origin}/`};
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A tenant as typed: a GUID, or nothing (the credential's default tenant). */
export function checkTenant(typed: string): Verdict<string | undefined> {
	const value = typed.trim();
	if (value === '') {
		return {ok: true, value: undefined};
	}

	return guid.test(value) ? {ok: true, value: value.toLowerCase()} : {ok: false, message: text.wizard.entra.tenantInvalid};
}

function VerdictLine<T>({verdict, said, presenter}: {readonly verdict: Verdict<T>; readonly said: (value: T) => string; readonly presenter: boolean}) {
	if (verdict === undefined) {
		return undefined;
	}

	return verdict.ok ? <Text color="green">{presentText(said(verdict.value), presenter)}</Text> : <Prose color="red">{verdict.message}</Prose>;
}

/** "Sign in with Microsoft Entra ID": the resource's endpoint, checked as it is typed. */
export function EntraEndpointScreen(props: {
	readonly initial: string;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly presenter: boolean;
}) {
	const [value, setValue] = useState(props.initial);
	const said = text.wizard.entra;
	const verdict = checkEntraEndpoint(value);
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{said.endpointHeading}</Text>
			<Prose>{said.endpointExplain}</Prose>
			<Box borderStyle="round" paddingX={1}>
				<LineInput
					value={value}
					focus={props.active}
					placeholder={said.endpointEmpty}
					// The resource's name is not for a projector: typed blind, as the tenant is.
					{...(props.presenter ? {mask: '•'} : {})}
					onChange={setValue}
					onSubmit={submitted => {
						const checked = checkEntraEndpoint(submitted);
						if (checked?.ok) {
							props.send({type: 'SUBMIT_ENDPOINT', endpoint: checked.value});
						}
					}}
				/>
			</Box>
			<VerdictLine verdict={verdict} said={said.endpointValid} presenter={props.presenter} />
		</Box>
	);
}

/** The tenant to sign in to (optional), then connect: the same session step as every other connection. */
export function EntraTenantScreen(props: {
	readonly endpoint: string;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly presenter: boolean;
}) {
	const [value, setValue] = useState('');
	const said = text.wizard.entra;
	const verdict = checkTenant(value);
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{said.tenantHeading(presentText(props.endpoint, props.presenter))}</Text>
			<Prose>{said.tenantExplain}</Prose>
			<Box borderStyle="round" paddingX={1}>
				<LineInput
					value={value}
					// A tenant id says which organisation: not for a room to read.
					{...(props.presenter ? {mask: '•'} : {})}
					focus={props.active}
					placeholder={said.tenantEmpty}
					onChange={setValue}
					onSubmit={submitted => {
						const checked = checkTenant(submitted);
						if (checked?.ok) {
							const tenant = checked.value === undefined ? {} : {tenantId: checked.value};
							props.send({type: 'CHOOSE_CONNECTION', choice: {kind: 'entra', endpoint: props.endpoint, ...tenant}});
						}
					}}
				/>
			</Box>
			<VerdictLine
				verdict={verdict}
				said={tenant => (tenant === undefined ? said.tenantNone : said.tenantValid(props.presenter ? '•••' : tenant))}
				presenter={props.presenter}
			/>
		</Box>
	);
}
