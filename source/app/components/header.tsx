import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import textWidth from '../../text/width.js';
import {presentProfileName, presentSignIn, presentText} from '../present.js';
import type {ConnectionInfo, SignedIn} from '../../wizard/types.js';

/**
 * A keyless connection's line: who signed in, through which credential, once the first request
 * told; the tenant cut to its first group when the whole line would not fit.
 */
export function signInLine(signedIn: SignedIn | undefined, presenter: boolean, columns: number): string {
	if (!signedIn) {
		return text.wizard.signInPending;
	}

	const shown = presentSignIn(signedIn, presenter);
	const line = text.wizard.signedIn({...shown, credential: signedIn.credential});
	if (textWidth(line) <= columns || shown.tenantId === undefined || shown.tenantId.length <= 9) {
		return line;
	}

	return text.wizard.signedIn({...shown, tenantId: `${shown.tenantId.slice(0, 8)}…`, credential: signedIn.credential});
}

export function Header({
	connection,
	presenter,
	signedIn,
	columns = 80,
}: {
	readonly connection: ConnectionInfo | undefined;
	readonly presenter: boolean;
	readonly signedIn?: SignedIn | undefined;
	readonly columns?: number;
}) {
	return (
		<Box flexDirection="column">
			<Box gap={1}>
				<Text bold color="cyan">
					{text.wizard.title}
				</Text>
				<Text dimColor wrap="truncate-end">
					{connection
						? text.wizard.connectedTo(
								// A profile named after its resource (the default) names it as plainly as the endpoint.
								presentProfileName(connection.profileName, connection.endpoint, presenter),
								presentText(connection.endpoint, presenter),
							)
						: text.wizard.notConnected}
				</Text>
				{presenter ? <Text inverse> {text.wizard.presenterBadge} </Text> : undefined}
			</Box>
			{connection?.keyless ? (
				<Text color="magenta" wrap="truncate-end">
					{signInLine(signedIn, presenter, columns)}
				</Text>
			) : undefined}
		</Box>
	);
}
