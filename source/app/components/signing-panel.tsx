import {Box, Text} from 'ink';
import {type Exchange, masked} from '../../identity/trace.js';
import {authorizationHeader} from '../../protocol/hmac-scheme.js';
import {text} from '../../text/index.js';
import {presentText} from '../present.js';

function Part({label, value}: {readonly label: string; readonly value: string}) {
	return (
		<Box>
			<Box width={21} flexShrink={0}>
				<Text dimColor>{label}</Text>
			</Box>
			<Text color="green" wrap="wrap">
				{value}
			</Text>
		</Box>
	);
}

/** The string to sign, part by part, and the Authorization header with the signature masked. */
function HmacSigning({exchange, presenter}: {readonly exchange: Exchange; readonly presenter: boolean}) {
	const said = text.wizard.signing;
	const shown = (value: string) => presentText(value, presenter);
	const host = exchange.signing?.scheme === 'hmac' ? exchange.signing.host : '';
	// A few characters at each end, to compare with one computed by hand; none of it on a projector.
	const hint = exchange.signing?.scheme === 'hmac' && !presenter ? exchange.signing.signatureHint : masked;
	return (
		<>
			<Text wrap="wrap">{said.stringToSign}</Text>
			<Part label={said.parts.method} value={exchange.method.toUpperCase()} />
			<Part label={said.parts.path} value={shown(exchange.path)} />
			<Part label={said.parts.date} value={exchange.requestHeaders['x-ms-date'] ?? '—'} />
			<Part label={said.parts.host} value={shown(host)} />
			<Part label={said.parts.hash} value={exchange.requestHeaders['x-ms-content-sha256'] ?? '—'} />
			<Text wrap="wrap">{said.signature}</Text>
			<Text wrap="wrap">
				<Text dimColor>Authorization: </Text>
				{authorizationHeader(hint)}
			</Text>
			<Text dimColor wrap="truncate-end">
				{said.tip}
			</Text>
		</>
	);
}

/**
 * How the step's request was signed, so a learner can do it again in curl or Postman: the
 * step's first authenticated request (the ones after it, such as the emulator's checks, are not).
 */
export function SigningPanel({exchanges, presenter}: {readonly exchanges: readonly Exchange[]; readonly presenter: boolean}) {
	const exchange = exchanges.find(candidate => candidate.signing !== undefined);
	return (
		<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
			<Text dimColor>{text.wizard.signing.heading}</Text>
			{exchange === undefined ? <Text dimColor>{text.wizard.http.none}</Text> : undefined}
			{exchange?.signing?.scheme === 'bearer' ? <Text wrap="wrap">{text.wizard.signing.bearer}</Text> : undefined}
			{exchange?.signing?.scheme === 'hmac' ? <HmacSigning exchange={exchange} presenter={presenter} /> : undefined}
		</Box>
	);
}
