import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {renderSnippet, type SnippetStep} from '../../text/snippets.js';

export function CodePanel(props: {
	readonly step: SnippetStep;
	readonly language: 'typescript' | 'python';
	readonly scopes?: readonly string[];
	readonly minutes?: number;
	/** Connected with Microsoft Entra ID: the first step's code uses DefaultAzureCredential. */
	readonly keyless?: boolean;
	/** The endpoint is plain http:// (the local emulator): the code says what the SDK needs for it. */
	readonly plainHttp?: boolean;
}) {
	const code = renderSnippet(props.step, props.language, {
		...(props.scopes ? {scopes: props.scopes} : {}),
		...(props.minutes === undefined ? {} : {minutes: props.minutes}),
		keyless: props.keyless === true,
		plainHttp: props.plainHttp === true,
	});
	return (
		<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
			<Text dimColor>{text.wizard.code.heading(props.language === 'typescript' ? 'TypeScript' : 'Python')}</Text>
			{code.split('\n').map((line, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed snippet
				<Text key={index} color="green" wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
