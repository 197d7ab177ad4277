import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {stateOf} from '../../store/identity-status.js';
import {text} from '../../text/index.js';
import type {IdentitySummary, ManageAction, WizardEvent} from '../../wizard/types.js';
import {fitWidth, showId} from '../present.js';
import {useNow} from '../hooks/use-now.js';
import textWidth from '../../text/width.js';
import {formatDateTime, formatRelative} from '../../text/format.js';

export function identityName(identity: IdentitySummary | undefined, id: string, presenter: boolean): string {
	const shown = showId(id, presenter);
	return identity?.label ? `${identity.label} (${shown})` : shown;
}

/** `Dec 2, 2026, 6:34:56 AM GMT+8 (3 hours ago)`, in the user's time zone and language. */
function moment(iso: string | undefined, now: number): string | undefined {
	return iso === undefined ? undefined : text.wizard.moment(formatDateTime(iso), formatRelative(Date.parse(iso) - now));
}

/** Whether the last token still works, and till when (a deleted identity's or a revoked token's is void before its time). */
function lastTokenState(identity: IdentitySummary, now: number): Parameters<typeof text.wizard.token.lastToken>[1] {
	const state = stateOf(identity, now);
	if (state === 'deleted' || state === 'revoked') {
		return {ended: state};
	}

	const when = moment(identity.lastToken?.expiresOn, now) ?? '';
	return state === 'token-expired' ? {expired: when} : {expires: when};
}

/**
 * What a choice says, for the identity's state: forgetting a deleted identity only tidies this
 * machine's list, forgetting a live one leaves it (and its tokens) on the service.
 */
export function actionLabel(action: ManageAction, deleted: boolean): string {
	const {actions} = text.wizard.manage;
	return action === 'forget' && deleted ? actions.forgetDeleted : actions[action];
}

/** The confirmation question for an action on the identity, worded for its state as its choice is. */
export function confirmQuestion(action: ManageAction, name: string, deleted: boolean): string {
	const {confirm} = text.wizard.manage;
	return action === 'forget' && deleted ? confirm.forgetDeleted(name) : confirm[action](name);
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
	const now = useNow(30_000);
	const {identity} = props;
	const deleted = identity?.deletedAt !== undefined;
	const actions: ManageAction[] = deleted ? ['rename', 'forget'] : ['issue', 'revoke', 'delete', 'rename', 'forget'];
	// Only where the store kept the last token (settings --store-tokens on): see it again, copy it, check it.
	const stored = identity?.lastToken?.token ? [{key: 'view-token', label: manage.viewStoredToken, value: 'view-token' as const}] : [];
	// The labels' column is as wide as the widest label in this language, plus a space.
	const labelWidth = Math.max(...Object.values(manage.details).map(label => textWidth(label))) + 1;
	const line = (label: string, value: string | undefined) =>
		value ? (
			<Text wrap="truncate-end">
				<Text dimColor>{fitWidth(label, labelWidth)}</Text>
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
				{line(manage.details.created, moment(identity?.createdAt, now))}
				{line(
					manage.details.lastToken,
					identity?.lastToken
						? text.wizard.token.lastToken(text.wizard.scopeList(identity.lastToken.scopes), lastTokenState(identity, now))
						: undefined,
				)}
				{line(manage.details.revoked, moment(identity?.revokedAt, now))}
				{line(manage.details.deleted, moment(identity?.deletedAt, now))}
			</Box>
			<SelectList
				items={[...stored, ...actions.map(action => ({key: action, label: actionLabel(action, deleted), value: action}))]}
				isFocused={props.active}
				onSelect={item => {
					props.send(item.value === 'view-token' ? {type: 'VIEW_STORED_TOKEN'} : {type: 'CHOOSE_ACTION', action: item.value});
				}}
			/>
			{props.notice ? <Text color="cyan">{props.notice}</Text> : undefined}
		</Box>
	);
}
