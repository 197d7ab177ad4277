import {Text} from 'ink';
import {maskToken} from '../../identity/trace.js';
import {decodeJwt} from '../../protocol/jwt.js';
import {formatTime} from '../../text/format.js';
import {text} from '../../text/index.js';
import type {IssuedToken, TokenStatus} from '../../wizard/types.js';
import {Prose} from '../components/prose.js';
import {statusColor} from './token-screen.js';

/** When a token says it was issued (its `iat`), else when it was asked for: two masked tokens look alike, their times do not. */
function issuedTime(token: IssuedToken): string {
	const iat = decodeJwt(token.token)?.payload['iat'];
	return formatTime(typeof iat === 'number' ? iat * 1000 : token.issuedAt);
}

function TokenLine(props: {
	readonly label: string;
	readonly token: IssuedToken | undefined;
	readonly status: TokenStatus | undefined;
	/** With when it was issued: off where the status is longer (INVALID: identity deleted) and 80 columns are all there is. */
	readonly issued: boolean;
}) {
	const status = props.status ?? 'checking';
	const said = text.wizard;
	return (
		<Text wrap="truncate-end">
			<Text bold>
				{props.label}
				{said.colon}
			</Text>
			{props.token ? `${maskToken(props.token.token)} · ${props.issued ? `${said.revoked.issued(issuedTime(props.token))} · ` : ''}` : ''}
			{said.token.status}
			{said.colon}
			<Text bold color={statusColor(status)}>
				{said.token.statuses[status]}
			</Text>
		</Text>
	);
}

/**
 * After the tour's revoke: why it happened as it did, the revoked token checked live beside the
 * one issued just after it (same identity, scopes and lifetime), checked live too.
 */
export function RevokedScreen(props: TokenPair) {
	return (
		<>
			<Prose>{text.wizard.explain.revokeDone}</Prose>
			<TokenPairLines {...props} />
		</>
	);
}

type TokenPair = {
	readonly revoked: IssuedToken | undefined;
	readonly revokedStatus: TokenStatus | undefined;
	readonly fresh: IssuedToken | undefined;
	readonly freshStatus: TokenStatus | undefined;
	/** Each line says when its token was issued (the revoke step, where the times tell them apart). */
	readonly issued?: boolean;
};

/** The revoked token and the one issued after it, each with its live status (the revoke step, and the delete after it). */
export function TokenPairLines(props: TokenPair) {
	return (
		<>
			<TokenLine label={text.wizard.revoked.before} token={props.revoked} status={props.revokedStatus} issued={props.issued ?? true} />
			<TokenLine label={text.wizard.revoked.after} token={props.fresh} status={props.freshStatus} issued={props.issued ?? true} />
		</>
	);
}
