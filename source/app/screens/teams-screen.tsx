import {gapAfter} from '../present.js';
import {Box, Text} from 'ink';
import {useState} from 'react';
import {isGuid} from '../../protocol/identifiers.js';
import {text} from '../../text/index.js';
import {formatRelative, formatTime} from '../../text/format.js';
import type {TeamsDeviceCode, TeamsMethod, WizardEvent} from '../../wizard/types.js';
import {LineInput} from '../components/line-input.js';
import {Prose} from '../components/prose.js';
import {SelectList} from '../components/select-list.js';
import {useNow} from '../hooks/use-now.js';
import {BusyScreen} from './busy-screen.js';

/** What a Teams user token is for, and the app (client) id, checked as it is typed. */
export function TeamsAppIdScreen(props: {
	readonly initial: string;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const {teams} = text.wizard;
	const [value, setValue] = useState(props.initial);
	const valid = isGuid(value.trim());
	return (
		<Box flexDirection="column">
			<Text bold>{teams.heading}</Text>
			<Prose>{teams.explain}</Prose>
			<Box columnGap={gapAfter(teams.appIdPrompt)} flexWrap="wrap" marginTop={1}>
				<Text>{teams.appIdPrompt}</Text>
				<LineInput
					value={value}
					focus={props.active}
					onChange={setValue}
					onSubmit={appId => {
						props.send({type: 'SUBMIT_APP_ID', appId: appId.trim()});
					}}
				/>
			</Box>
			{value.trim() === '' ? undefined : <Prose color={valid ? 'green' : 'yellow'}>{valid ? teams.appIdValid : teams.appIdInvalid}</Prose>}
		</Box>
	);
}

/** On the emulator: a simulated Teams user (no sign-in), or a real one signed in with a device code. */
export function TeamsMethodScreen(props: {
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const {teams} = text.wizard;
	const items: Array<{key: string; label: string; value: TeamsMethod}> = [
		{key: 'simulated', label: teams.simulated, value: 'simulated'},
		{key: 'sign-in', label: teams.signIn, value: 'sign-in'},
	];
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{teams.methodHeading}</Text>
			<SelectList
				items={items}
				isFocused={props.active}
				onSelect={item => {
					props.send({type: 'CHOOSE_TEAMS_METHOD', method: item.value});
				}}
			/>
		</Box>
	);
}

/**
 * The device code: the page and the code to type there (shown even in presenter mode, where
 * it must be read to be typed; it is good for this sign-in only), when it expires, and a spinner
 * until the user has signed in.
 */
export function TeamsSignInScreen({deviceCode, presenter}: {readonly deviceCode: TeamsDeviceCode | undefined; readonly presenter: boolean}) {
	const {teams} = text.wizard;
	const now = useNow(30_000);
	if (!deviceCode) {
		return <BusyScreen label={teams.askingCode} />;
	}

	return (
		<Box flexDirection="column" gap={1}>
			<Prose bold>{teams.openAndEnter(deviceCode.verificationUri, deviceCode.userCode)}</Prose>
			<Prose>
				{teams.codeExpires(`${formatTime(deviceCode.expiresOn)} (${formatRelative(Date.parse(deviceCode.expiresOn) - now)})`)}
			</Prose>
			{/* A room can read the code: whoever types it first signs in (and the wizard holds their token). */}
			{presenter ? <Prose color="yellow">{teams.codeInRoom}</Prose> : undefined}
			<BusyScreen label={text.wizard.busy.teamsSignIn} />
		</Box>
	);
}
