import {gapAfter} from '../present.js';
import {Box, Text} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {defaultLifetimeMinutes, maximumLifetimeMinutes, minimumLifetimeMinutes, typedWholeNumber} from '../../protocol/scopes.js';
import {text} from '../../text/index.js';
import type {WizardEvent} from '../../wizard/types.js';
import {LineInput} from '../components/line-input.js';
import {SelectList} from '../components/select-list.js';

export const lifetimePresets = [60, 120, 240, 480, 720, 1440] as const;

const isPreset = (minutes: number) => (lifetimePresets as readonly number[]).includes(minutes);

/** Whole minutes within the service's range, as typed; undefined for anything else. */
export function typedMinutes(value: string): number | undefined {
	const minutes = typedWholeNumber(value);
	return minutes !== undefined && minutes >= minimumLifetimeMinutes && minutes <= maximumLifetimeMinutes ? minutes : undefined;
}

/** Why what is typed is not yet a lifetime: nothing, no whole number, or one out of the range. */
function typedProblem(value: string): string {
	const {lifetime} = text.wizard;
	const trimmed = value.trim();
	if (trimmed === '') {
		return lifetime.range(minimumLifetimeMinutes, maximumLifetimeMinutes);
	}

	const shown = trimmed.length > 20 ? `${trimmed.slice(0, 20)}…` : trimmed;
	const minutes = typedWholeNumber(trimmed);
	// Digits too many to be a number are too long a lifetime, not letters.
	if (minutes === undefined && !/^\d+$/.test(trimmed.normalize('NFKC'))) {
		return lifetime.notMinutes(shown);
	}

	return (minutes ?? Number.POSITIVE_INFINITY) < minimumLifetimeMinutes ? lifetime.tooShort(shown, minimumLifetimeMinutes) : lifetime.tooLong(shown, maximumLifetimeMinutes);
}

/**
 * The minutes typed in, checked at each key; Enter goes on only with a valid number, Esc returns
 * to the presets. Each valid number is the lifetime meanwhile (the step's code shows it as it is
 * typed); Esc puts back the one there was.
 */
function CustomMinutes(props: {
	readonly initial: string;
	readonly active: boolean;
	readonly onDone: (minutes: number) => void;
	readonly onTyped: (minutes: number) => void;
}) {
	const [value, setValue] = useState(props.initial);
	const {lifetime} = text.wizard;
	const minutes = typedMinutes(value);
	const {onTyped} = props;
	useEffect(() => {
		if (minutes !== undefined) {
			onTyped(minutes);
		}
	}, [minutes, onTyped]);
	return (
		<Box flexDirection="column">
			<Box columnGap={gapAfter(lifetime.prompt(minimumLifetimeMinutes, maximumLifetimeMinutes))} flexWrap="wrap">
				<Text>{lifetime.prompt(minimumLifetimeMinutes, maximumLifetimeMinutes)}</Text>
				<LineInput
					value={value}
					focus={props.active}
					onChange={setValue}
					onSubmit={submitted => {
						const valid = typedMinutes(submitted);
						if (valid !== undefined) {
							props.onDone(valid);
						}
					}}
				/>
			</Box>
			{minutes === undefined ? (
				<Text color={value.trim() === '' ? 'yellow' : 'red'}>{typedProblem(value)}</Text>
			) : (
				<Text color="green">{lifetime.valid(lifetime.minutes(minutes))}</Text>
			)}
		</Box>
	);
}

/**
 * The token's lifetime: the presets, and a custom entry where the minutes are typed (60–1440,
 * checked as typed). The tour and the manager share it.
 */
export function LifetimeScreen(props: {
	readonly minutes: number;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	/** The machine's `minutes` field is open: the custom entry takes the keys (Esc, the machine's BACK, closes it). */
	readonly customOpen: boolean;
}) {
	const {lifetime} = text.wizard;
	const typing = props.customOpen;
	const custom = !isPreset(props.minutes);
	const items = [
		...lifetimePresets.map(minutes => ({
			key: String(minutes),
			label: `${lifetime.minutes(minutes)}${minutes === defaultLifetimeMinutes ? ` — ${lifetime.default}` : ''}`,
			value: minutes as number | 'custom',
		})),
		{key: 'custom', label: custom ? lifetime.customChosen(lifetime.minutes(props.minutes)) : lifetime.custom, value: 'custom' as const},
	];
	const initialIndex = custom ? lifetimePresets.length : Math.max(0, lifetimePresets.indexOf(props.minutes as (typeof lifetimePresets)[number]));
	const {send} = props;
	// The lifetime when the custom entry opened: put back if it closes without Enter.
	const before = useRef<number | undefined>(undefined);
	const latest = useRef(props.minutes);
	latest.current = props.minutes;
	useEffect(() => {
		if (!typing) {
			return undefined;
		}

		before.current = latest.current;
		return () => {
			if (before.current !== undefined) {
				send({type: 'SET_LIFETIME', minutes: before.current});
			}
		};
	}, [typing, send]);
	const typed = useCallback((minutes: number) => send({type: 'SET_LIFETIME', minutes}), [send]);
	const done = useCallback(
		(minutes: number) => {
			before.current = undefined;
			send({type: 'CLOSE_FIELD'});
			send({type: 'SET_LIFETIME', minutes});
			send({type: 'SUBMIT'});
		},
		[send],
	);
	return (
		<Box flexDirection="column">
			<SelectList
				items={items}
				initialIndex={initialIndex}
				isFocused={props.active && !typing}
				onHighlight={item => {
					if (item.value !== 'custom') {
						send({type: 'SET_LIFETIME', minutes: item.value});
					}
				}}
				onSelect={item => {
					if (item.value === 'custom') {
						send({type: 'OPEN_FIELD', field: 'minutes'});
					} else {
						send({type: 'SET_LIFETIME', minutes: item.value});
						send({type: 'SUBMIT'});
					}
				}}
			/>
			{typing ? <CustomMinutes initial={custom ? String(props.minutes) : ''} active={props.active} onDone={done} onTyped={typed} /> : undefined}
		</Box>
	);
}
