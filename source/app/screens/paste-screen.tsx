import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useState} from 'react';
import {ConnectionStringError, parseConnectionString} from '../../protocol/connection-string.js';
import {text} from '../../text/index.js';
import {presentProfileName, presentText} from '../present.js';
import type {WizardEvent} from '../../wizard/types.js';

/** What is connected with: the string pasted, or for a profile's key alone, the string it makes with the profile's endpoint. */
function connectionStringOf(value: string, profile: {readonly endpoint: string} | undefined): string {
	const trimmed = value.trim();
	return profile === undefined || /endpoint\s*=/i.test(trimmed) ? trimmed : `endpoint=${profile.endpoint};accesskey=${trimmed}`;
}

/**
 * Masked input, validated as you type; the message never echoes the key. For a saved profile
 * that keeps no key, its access key alone is enough (or the whole string).
 */
export function PasteScreen(props: {
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly presenter: boolean;
	readonly profile?: {readonly name: string; readonly endpoint: string} | undefined;
}) {
	const [value, setValue] = useState('');
	const {profile} = props;
	const said = text.wizard.paste;
	let verdict: {ok: true; endpoint: string} | {ok: false; message: string} | undefined;
	if (value.trim() !== '') {
		try {
			verdict = {ok: true, endpoint: parseConnectionString(connectionStringOf(value, profile)).endpoint};
		} catch (error) {
			const message = error instanceof ConnectionStringError ? text.errors.connectionString(error.problem) : String(error);
			verdict = {ok: false, message: presentText(message, props.presenter)};
		}
	}

	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>
				{profile
					? said.keyHeading(
							presentProfileName(profile.name, profile.endpoint, props.presenter),
							presentText(profile.endpoint, props.presenter),
						)
					: said.heading}
			</Text>
			<Prose>{profile ? said.keyExplain : said.explain}</Prose>
			<Box borderStyle="round" paddingX={1}>
				<LineInput
					value={value}
					mask="•"
					focus={props.active}
					placeholder={profile ? said.keyEmpty : said.empty}
					onChange={setValue}
					onSubmit={submitted => {
						if (verdict?.ok) {
							props.send({type: 'CHOOSE_CONNECTION', choice: {kind: 'pasted', connectionString: connectionStringOf(submitted, profile)}});
						}
					}}
				/>
			</Box>
			{verdict === undefined ? undefined : verdict.ok ? (
				<Text color="green">{text.wizard.paste.valid(presentText(verdict.endpoint, props.presenter))}</Text>
			) : (
				<Prose color="red">
					{verdict.message}
				</Prose>
			)}
		</Box>
	);
}
