import {SelectList} from '../components/select-list.js';
import {defaultLifetimeMinutes} from '../../protocol/scopes.js';
import {text} from '../../text/index.js';
import type {WizardEvent} from '../../wizard/types.js';

export const lifetimePresets = [60, 120, 240, 480, 720, 1440] as const;

export function LifetimeScreen(props: {
	readonly minutes: number;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const items = lifetimePresets.map(minutes => ({
		key: String(minutes),
		label: `${text.wizard.lifetime.minutes(minutes)}${minutes === defaultLifetimeMinutes ? ` — ${text.wizard.lifetime.default}` : ''}`,
		value: minutes,
	}));
	const initialIndex = Math.max(0, lifetimePresets.indexOf(props.minutes as (typeof lifetimePresets)[number]));
	return (
		<SelectList
			items={items}
			initialIndex={initialIndex}
			isFocused={props.active}
			onHighlight={item => {
				props.send({type: 'SET_LIFETIME', minutes: item.value});
			}}
			onSelect={item => {
				props.send({type: 'SET_LIFETIME', minutes: item.value});
				props.send({type: 'SUBMIT'});
			}}
		/>
	);
}
