import {Box, Text} from 'ink';
import {useState} from 'react';
import {isGuid} from '../../protocol/identifiers.js';
import {text} from '../../text/index.js';
import type {AccessAssignment, EntraKind, WizardEvent} from '../../wizard/types.js';
import {LineInput} from '../components/line-input.js';
import {Prose} from '../components/prose.js';
import {SelectList} from '../components/select-list.js';
import {useKeys} from '../hooks/use-keys.js';

/** A GUID as a room may see it: its first eight characters. */
export const presentGuid = (guid: string, presenter: boolean) => (presenter && guid.length > 8 ? `${guid.slice(0, 8)}…` : guid);

/** `user 0000…c1e47 (tenant 0000…)`: the type, the object id, and the tenant cut short (the row has no room for two GUIDs). */
export function assignmentName(assignment: AccessAssignment, presenter: boolean): string {
	const said = text.wizard.clientExchange;
	return said.assignment(said.types[assignment.principalType], presentGuid(assignment.objectId, presenter), `${assignment.tenantId.slice(0, 8)}…`);
}

type Choice = {readonly kind: 'remove'; readonly assignment: AccessAssignment} | {readonly kind: 'ASSIGN' | 'LOOK_UP' | 'ENTRA_EXCHANGE'};

/** Who may exchange: each assignment (Enter removes it, asked first), then assign, look up (Teams Extension) and exchange. */
export function AssignmentsScreen(props: {
	readonly kind: EntraKind;
	readonly assignments: readonly AccessAssignment[];
	readonly canExchange: boolean;
	readonly presenter: boolean;
	readonly rows: number;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const said = text.wizard.clientExchange;
	const items: Array<{key: string; label: string; value: Choice}> = [
		...props.assignments.map(assignment => ({
			key: `${assignment.tenantId}/${assignment.objectId}`,
			label: assignmentName(assignment, props.presenter),
			value: {kind: 'remove', assignment} as const,
		})),
		{key: 'assign', label: said.assign(props.kind), value: {kind: 'ASSIGN'}},
		...(props.kind === 'teamsExtension' ? [{key: 'look-up', label: said.lookUp, value: {kind: 'LOOK_UP'} as const}] : []),
		...(props.canExchange ? [{key: 'exchange', label: said.exchangeNow, value: {kind: 'ENTRA_EXCHANGE'} as const}] : []),
	];
	const empty = props.assignments.length === 0 ? (props.kind === 'entra' ? said.none : said.teamsNone) : said.removeHint;
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{said.assignmentsHeading(props.kind)}</Text>
			<Prose>{empty}</Prose>
			<SelectList
				items={items}
				isFocused={props.active}
				// The header, the heading, the sentence, the footer and the gaps take ten rows.
				limit={Math.max(3, props.rows - 10)}
				onSelect={({value}) => {
					props.send(value.kind === 'remove' ? {type: 'REMOVE_ASSIGNMENT', assignment: value.assignment} : {type: value.kind});
				}}
			/>
		</Box>
	);
}

const typesOf: Record<EntraKind, readonly AccessAssignment['principalType'][]> = {
	entra: ['user', 'group', 'tenant'],
	teamsExtension: ['user', 'resourceAccount'],
};

/** One field of the form: its label, and what is wrong with it as typed. */
function Field(props: {readonly label: string; readonly focused: boolean; readonly problem?: string | undefined; readonly children: React.ReactNode}) {
	return (
		<Box flexDirection="column">
			<Box gap={1}>
				<Text color={props.focused ? 'cyan' : undefined}>{`${props.focused ? '❯' : ' '} ${props.label}`}</Text>
				{props.children}
			</Box>
			{props.problem ? <Text color="yellow">{`  ${props.problem}`}</Text> : undefined}
		</Box>
	);
}

type FormValues = {readonly objectId: string; readonly tenantId: string; readonly type: number};

/** Where the form's keys move the focus or the type; undefined: the key is not the form's. */
function formKey(key: {upArrow: boolean; downArrow: boolean; leftArrow: boolean; rightArrow: boolean; tab: boolean}, focus: number, fields: number) {
	if (key.upArrow) {
		return {focus: Math.max(0, focus - 1)};
	}

	if (key.downArrow || key.tab) {
		return {focus: Math.min(fields - 1, focus + 1)};
	}

	if (key.leftArrow || key.rightArrow) {
		return {typeStep: key.leftArrow ? -1 : 1};
	}

	return undefined;
}

/**
 * Assign (or, with `lookUp`, look one up): the object id, the type (← →; none in a look-up) and
 * the tenant id, each GUID checked as it is typed. ↑ ↓ move between the fields, Enter goes to the
 * next, and on the last sends. On the emulator it comes filled in for the simulated user.
 */
export function AssignmentFormScreen(props: {
	readonly kind: EntraKind;
	readonly lookUp: boolean;
	readonly initial: {readonly objectId: string; readonly tenantId: string};
	readonly prefilledFor: string | undefined;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const said = text.wizard.clientExchange;
	const types = typesOf[props.kind];
	const [values, setValues] = useState<FormValues>({...props.initial, type: 0});
	const [focus, setFocus] = useState(0);
	// Object id, type, tenant id; a look-up has no type.
	const fields = props.lookUp ? (['objectId', 'tenantId'] as const) : (['objectId', 'type', 'tenantId'] as const);
	const focused = fields[focus];
	const valid = isGuid(values.objectId.trim()) && isGuid(values.tenantId.trim());
	const submit = () => {
		if (focus < fields.length - 1) {
			setFocus(focus + 1);
			return;
		}

		if (!valid) {
			return;
		}

		const objectId = values.objectId.trim().toLowerCase();
		const tenantId = values.tenantId.trim().toLowerCase();
		props.send(
			props.lookUp
				? {type: 'SUBMIT_LOOK_UP', objectId, tenantId}
				: {type: 'SUBMIT_ASSIGNMENT', assignment: {objectId, tenantId, principalType: types[values.type] ?? 'user'}},
		);
	};

	useKeys(
		(_input, key) => {
			const moved = formKey(key, focus, fields.length);
			if (moved?.focus !== undefined) {
				setFocus(moved.focus);
			} else if (moved?.typeStep !== undefined && focused === 'type') {
				setValues(current => ({...current, type: (current.type + moved.typeStep + types.length) % types.length}));
			} else if (key.return && focused === 'type') {
				submit();
			}
		},
		props.active,
	);
	const problem = (value: string, label: string) => (value.trim() === '' || isGuid(value.trim()) ? undefined : said.notGuid(label.replace(/[:：]$/, '')));
	const type = types[values.type] ?? 'user';
	return (
		<Box flexDirection="column">
			<Text bold>{props.lookUp ? said.lookUpHeading : said.formHeading(props.kind)}</Text>
			{props.prefilledFor ? <Prose color="gray">{said.prefilled(props.prefilledFor)}</Prose> : undefined}
			<Box flexDirection="column" marginY={1}>
				<Field label={said.objectId} focused={focused === 'objectId'} problem={problem(values.objectId, said.objectId)}>
					<LineInput
						value={values.objectId}
						focus={props.active && focused === 'objectId'}
						onChange={objectId => setValues(current => ({...current, objectId}))}
						onSubmit={submit}
					/>
				</Field>
				{props.lookUp ? undefined : (
					<Field label={said.type} focused={focused === 'type'}>
						<Text>{types.map(each => (each === type ? `[${said.types[each]}]` : said.types[each])).join('  ')}</Text>
					</Field>
				)}
				<Field label={said.tenantId} focused={focused === 'tenantId'} problem={problem(values.tenantId, said.tenantId)}>
					<LineInput
						value={values.tenantId}
						focus={props.active && focused === 'tenantId'}
						onChange={tenantId => setValues(current => ({...current, tenantId}))}
						onSubmit={submit}
					/>
				</Field>
			</Box>
			<Text dimColor>{said.formHint}</Text>
		</Box>
	);
}
