import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {stateOf} from '../../store/identity-status.js';
import {text} from '../../text/index.js';
import type {IdentitySummary, WizardEvent} from '../../wizard/types.js';
import {fitWidth, showId} from '../present.js';
import textWidth from '../../text/width.js';

const create = 'create' as const;

/** Narrowest a label column gets: `customer-su…` still says what it is. */
const minimumLabelWidth = 12;

/**
 * The label column: as wide as the longest label, within what the row leaves beside the pointer,
 * the id and the state on this terminal; 12 columns at least.
 */
function labelColumn(identities: readonly IdentitySummary[], shortIds: boolean, columns: number): number {
	const widest = (values: readonly string[]) => Math.max(0, ...values.map(value => textWidth(value)));
	const longest = widest(identities.map(identity => identity.label ?? '—'));
	const id = widest(identities.map(identity => showId(identity.id, shortIds)));
	const state = widest(Object.values(text.wizard.manage.states));
	// "❯ " before, one space after the label, two before the state, one to spare.
	const room = columns - 2 - 1 - id - 2 - state - 1;
	return Math.max(minimumLabelWidth, Math.min(longest, room));
}

export function ManageScreen(props: {
	readonly profile: string;
	readonly identities: readonly IdentitySummary[];
	/** The identity in hand (one just created, say): highlighted. */
	readonly selectedId: string | undefined;
	readonly presenter: boolean;
	readonly notice: string | undefined;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly rows: number;
	readonly columns: number;
	/** The machine's `filter` field is open: what is typed filters the list. */
	readonly filterOpen: boolean;
	/** What the filter held when the identity in hand was opened from it: the filter comes back with it. */
	readonly filterText: string | undefined;
}) {
	const {manage} = text.wizard;
	const shortIds = props.presenter || props.columns < 120;
	const labelWidth = labelColumn(props.identities, shortIds, props.columns);
	const items = [
		{key: create, label: manage.create, value: create as string, uncounted: true},
		...props.identities.map(identity => ({
			key: identity.id,
			label: `${fitWidth(identity.label ?? '—', labelWidth)} ${showId(identity.id, shortIds)}  ${manage.states[stateOf(identity)]}`,
			value: identity.id,
			// The label and the whole id: "ali" is not to find every "token valid".
			filterText: `${identity.label ?? ''} ${identity.id}`,
		})),
	];
	// The identity in hand, else the first one; the create choice when there is none.
	const selected = props.identities.findIndex(identity => identity.id === props.selectedId);
	const initialIndex = props.identities.length === 0 ? 0 : Math.max(0, selected) + 1;
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{manage.heading(props.profile)}</Text>
			{props.identities.length === 0 ? <Prose>{manage.empty}</Prose> : undefined}
			<SelectList
				items={items}
				initialIndex={initialIndex}
				// The header, the heading, the filter, the position, the notice and the footer take the rest.
				limit={Math.max(3, props.rows - 12)}
				isFocused={props.active}
				filter={{open: props.filterOpen, initial: props.filterText, onOpen: () => props.send({type: 'OPEN_FIELD', field: 'filter'})}}
				onSelect={(item, filter) => {
					props.send(item.value === create ? {type: 'CREATE_IDENTITY'} : {type: 'SELECT_IDENTITY', id: item.value, filter});
				}}
			/>
			{props.notice ? <Text color="cyan">{props.notice}</Text> : undefined}
		</Box>
	);
}
