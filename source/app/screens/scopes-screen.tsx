import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import {useState} from 'react';
import {type TokenScope, tokenScopes} from '../../protocol/scopes.js';
import {text} from '../../text/index.js';
import type {WizardEvent} from '../../wizard/types.js';
import {useKeys} from '../hooks/use-keys.js';

/** A multi-select of the five scopes: ↑↓/jk move, Space toggles, Enter continues (at least one). */
export function ScopesScreen(props: {
	readonly selected: readonly TokenScope[];
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const [cursor, setCursor] = useState(0);
	const [warned, setWarned] = useState(false);
	useKeys(
		(input, key) => {
			if (key.upArrow || input === 'k') {
				setCursor(current => (current + tokenScopes.length - 1) % tokenScopes.length);
			} else if (key.downArrow || input === 'j') {
				setCursor(current => (current + 1) % tokenScopes.length);
			} else if (input === ' ') {
				setWarned(false);
				props.send({type: 'TOGGLE_SCOPE', scope: tokenScopes[cursor] as TokenScope});
			} else if (key.return) {
				setWarned(props.selected.length === 0);
				props.send({type: 'SUBMIT'});
			}
		},
		props.active,
	);
	const screenReader = useIsScreenReaderEnabled();
	return (
		<Box flexDirection="column">
			{tokenScopes.map((scope, index) =>
				screenReader ? (
					<Text key={scope}>{spokenScope(scope, props.selected.includes(scope), index === cursor)}</Text>
				) : (
					<Text key={scope} wrap="truncate-end" color={index === cursor ? 'cyan' : undefined}>
						{index === cursor ? '❯ ' : '  '}
						{props.selected.includes(scope) ? '[x] ' : '[ ] '}
						{text.wizard.scopes[scope]}
					</Text>
				),
			)}
			{warned || props.selected.length === 0 ? <Text color="red">{text.wizard.scopes.none}</Text> : undefined}
		</Box>
	);
}

/** `selected: [x] chat: …, checked`: the cursor and the box in words, for a screen reader. */
function spokenScope(scope: TokenScope, checked: boolean, current: boolean): string {
	const {spoken} = text.wizard;
	const line = spoken.checkbox(text.wizard.scopes[scope], checked);
	return current ? spoken.selected(line) : line;
}
