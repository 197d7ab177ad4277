import type {DecodedJwt} from '../protocol/jwt.js';
import {text} from '../text/index.js';
import {formatDateTime, formatDuration} from '../text/format.js';
import type {TokenStatus} from '../wizard/types.js';
import {presentText, shortId} from './present.js';

/** One line of the claims view: a label and what it says. */
export type ClaimLine = {
	/** Unique among the lines: a claim may be named like a summary line. */
	readonly key: string;
	readonly label: string;
	readonly value: string;
	readonly emphasis?: 'good' | 'bad';
};

/** Claims that are times (NumericDate, seconds; ACS's csi as a string of them). */
const timeClaims = new Set(['iat', 'nbf', 'exp', 'auth_time', 'csi']);

const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** A value a room may see: full ids shortened (present.ts) and any other GUID cut to its first eight. */
function presentValue(value: string, presenter: boolean): string {
	return presenter ? presentText(value, true).replace(guid, found => `${found.slice(0, 8)}…`) : value;
}

/** `8:acs:…`: the ACS user id the token is for, from its skypeid claim. */
export function identityOf(payload: Record<string, unknown>): string | undefined {
	const skypeid = payload['skypeid'];
	return typeof skypeid === 'string' && skypeid !== '' ? `8:${skypeid}` : undefined;
}

function secondsOf(value: unknown): number | undefined {
	const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
	return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** `Dec 2, 2026, 6:34:56 AM GMT+8 (in 23h 59m)`, in the user's zone and language. */
export function momentOf(milliseconds: number, now: number): string {
	const left = milliseconds - now;
	const duration = formatDuration(left, {precision: 2});
	const {claimsView} = text.wizard.token;
	return text.wizard.moment(formatDateTime(milliseconds), left >= 0 ? claimsView.fromNow(duration) : claimsView.ago(duration));
}

function claimValue(name: string, value: unknown, now: number, presenter: boolean): string {
	const seconds = timeClaims.has(name) ? secondsOf(value) : undefined;
	if (seconds !== undefined) {
		return momentOf(seconds * 1000, now);
	}

	if (name === 'skypeid' && typeof value === 'string') {
		return presenter ? shortId(`8:${value}`).slice(2) : value;
	}

	return presentValue(typeof value === 'string' ? value : JSON.stringify(value), presenter);
}

const emphasis: Partial<Record<TokenStatus, ClaimLine['emphasis']>> = {
	valid: 'good',
	expired: 'bad',
	revoked: 'bad',
	deleted: 'bad',
	'bad-signature': 'bad',
	malformed: 'bad',
};

/** valid / EXPIRED at … / REVOKED / …: the live check where it says more than exp, else what exp says. */
function validityOf(status: TokenStatus | undefined, exp: number | undefined, now: number): Omit<ClaimLine, 'key'> {
	const label = text.wizard.token.claimsView.validity;
	const shown = status ?? 'unknown';
	const pastExp = exp !== undefined && exp * 1000 <= now;
	// Revoked, deleted or a bad signature say more than the clock; valid, checking or unchecked do not.
	if (exp !== undefined && (shown === 'expired' || (pastExp && emphasis[shown] !== 'bad'))) {
		return {label, value: text.wizard.token.claimsView.expiredAt(formatDateTime(exp * 1000)), emphasis: 'bad'};
	}

	const tone = emphasis[shown];
	return {label, value: text.wizard.token.statuses[shown], ...(tone ? {emphasis: tone} : {})};
}

/**
 * What the claims view shows, one line each: the validity, the identity, the resource, the
 * scopes and the header's alg and kid, then every claim of the payload as it is, times in the
 * user's zone. In presenter mode ids are short and GUIDs cut; the signature is never shown.
 */
export function claimLines(decoded: DecodedJwt, status: TokenStatus | undefined, now: number, presenter: boolean): ClaimLine[] {
	const {claimsView} = text.wizard.token;
	const {payload, header} = decoded;
	const identity = identityOf(payload);
	const scopes = typeof payload['acsScope'] === 'string' ? payload['acsScope'].split(',').filter(scope => scope !== '') : [];
	const headerParts = ['alg', 'kid']
		.filter(name => header[name] !== undefined)
		.map(name => `${name} ${presentValue(String(header[name]), presenter)}`);
	const summary: (Omit<ClaimLine, 'key'> | undefined)[] = [
		validityOf(status, secondsOf(payload['exp']), now),
		identity ? {label: claimsView.identity, value: presenter ? shortId(identity) : identity} : undefined,
		typeof payload['resourceId'] === 'string' ? {label: claimsView.resource, value: presentValue(payload['resourceId'], presenter)} : undefined,
		scopes.length > 0 ? {label: text.wizard.token.scopes, value: text.wizard.scopeList(scopes)} : undefined,
		headerParts.length > 0 ? {label: claimsView.header, value: headerParts.join(' · ')} : undefined,
	];
	const claims = Object.entries(payload).map(([name, value]) => ({key: `claim:${name}`, label: name, value: claimValue(name, value, now, presenter)}));
	return [...summary.flatMap((line, index) => (line ? [{...line, key: `summary:${index}`}] : [])), ...claims];
}

/** The claims, as they are (unmasked: they go to the clipboard or a file, not the screen), as JSON. */
export function claimsJson(decoded: DecodedJwt): string {
	return JSON.stringify(decoded.payload, undefined, 2);
}
