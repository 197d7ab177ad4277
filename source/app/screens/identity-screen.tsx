import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {stateOf} from '../../store/identity-status.js';
import {text} from '../../text/index.js';
import type {IdentitySummary, ManageAction, WizardEvent} from '../../wizard/types.js';
import {fitWidth, showId} from '../present.js';

export function identityName(identity: IdentitySummary | undefined, id: string, presenter: boolean): string {
	const shown = showId(id, presenter);
	return identity?.label ? `${identity.label} (${shown})` : shown;
}

export function IdentityScreen(props: {
	readonly id: string;
	readonly identity: IdentitySummary | undefined;
	readonly presenter: boolean;
	readonly notice: string | undefined;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const {manage} = text.wizard;
	const {identity} = props;
	const deleted = identity?.deletedAt !== undefined;
	const actions: ManageAction[] = deleted ? ['rename', 'forget'] : ['issue', 'revoke', 'delete', 'rename', 'forget'];
	const line = (label: string, value: string | undefined) =>
		value ? (
			<Text wrap="truncate-end">
				<Text dimColor>{fitWidth(label, 11)}</Text>
				{value}
			</Text>
		) : undefined;
	return (
		<Box flexDirection="column" gap={1}>
			<Box flexDirection="column">
				<Text bold wrap="truncate-end">
					{identityName(identity, props.id, props.presenter)}
				</Text>
				<Text color="cyan">{identity ? manage.states[stateOf(identity)] : ''}</Text>
				{line(manage.details.created, identity?.createdAt)}
				{line(
					manage.details.lastToken,
					identity?.lastToken ? `${identity.lastToken.scopes.join(', ')} · expires ${identity.lastToken.expiresOn}` : undefined,
				)}
				{line(manage.details.revoked, identity?.revokedAt)}
				{line(manage.details.deleted, identity?.deletedAt)}
			</Box>
			<SelectList
				items={actions.map(action => ({key: action, label: manage.actions[action], value: action}))}
				isFocused={props.active}
				onSelect={item => {
					props.send({type: 'CHOOSE_ACTION', action: item.value});
				}}
			/>
			{props.notice ? <Text color="cyan">{props.notice}</Text> : undefined}
		</Box>
	);
}
