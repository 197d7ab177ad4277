import {randomUUID} from 'node:crypto';
import {type ApiVersion, hasCustomId, newestApiVersion} from '../protocol/api-versions.js';
import {decodeJwt, isObject} from '../protocol/jwt.js';
import {isLiveToken} from '../protocol/entra-token.js';
import {acsUserIdPattern, exchangedIdentityPattern, guidPattern} from '../protocol/identifiers.js';
import type {TokenValidity} from '../protocol/token-validity.js';
import {defaultLifetimeMinutes, isTokenScope, maximumLifetimeMinutes, minimumLifetimeMinutes, type TokenScope, tokenScopes} from '../protocol/scopes.js';
import {acsErrors} from './errors.js';
import type {SigningKey} from './signing-key.js';
import type {IdentityRecord, IdentityState} from './state/identity-state.js';
import {
	type AcsTokenClaims,
	formatInstant,
	region,
	scpValue,
	signJwt,
	verifySignature,
} from './tokens.js';

export type AccessTokenBody = {readonly token: string; readonly expiresOn: string};

/** The verify extension's answer; the client side reads the same shape. */
export type VerifyResult = TokenValidity;

/** The longest an ACS token lives, an exchanged one too. */
const maxExchangedLifetimeSeconds = 24 * 60 * 60;

/** The operations of the Identity API, over the state, without HTTP. */
export class IdentityService {
	readonly #resourceId: string;
	readonly #state: IdentityState;
	readonly #keys: readonly SigningKey[];
	readonly #now: () => number;

	constructor(options: {
		readonly resourceId: string;
		readonly state: IdentityState;
		readonly signingKey: SigningKey;
		readonly now?: () => number;
	}) {
		this.#resourceId = options.resourceId;
		this.#state = options.state;
		this.#keys = [options.signingKey];
		this.#now = options.now ?? Date.now;
	}

	get signingKeys(): readonly SigningKey[] {
		return this.#keys;
	}

	/** The health extension's answer: enough for a CI step to know this is the emulator and it is up. */
	health(): object {
		return {status: 'healthy', service: 'acs-identity-emulator', resourceId: this.#resourceId, apiVersion: newestApiVersion};
	}

	/** 201 for a new identity and for a repeated customId alike (recorded 2025; an old preview documented 200). */
	async create(body: unknown, apiVersion: ApiVersion): Promise<{status: 201; body: object}> {
		const request = isObject(body) ? body : {};
		if (body !== undefined && !isObject(body)) {
			throw acsErrors.invalidField('body', 'a JSON object');
		}

		const scopes =
			request['createTokenWithScopes'] === undefined || request['createTokenWithScopes'] === null
				? undefined
				: parseScopes(request['createTokenWithScopes']);
		const minutes = parseLifetime(request['expiresInMinutes']);
		const customId = hasCustomId(apiVersion) ? parseCustomId(request['customId']) : undefined;

		const existing = customId === undefined ? undefined : this.#state.findByCustomId(customId);
		let record = existing;
		// An existing identity may have been created by a request whose write is still in flight.
		const writes: Promise<void>[] = existing ? [this.#state.settled()] : [];
		if (!record) {
			const id = `8:acs:${this.#resourceId}_${randomUUID()}`;
			writes.push(
				this.#state.commit({
					op: 'create',
					id,
					at: this.#now(),
					...(customId === undefined ? {} : {customId}),
				}),
			);
			record = this.#state.get(id) as IdentityRecord;
		}

		let accessToken: AccessTokenBody | undefined;
		if (scopes) {
			accessToken = await this.#issue(record.id, scopes, minutes, writes);
		}

		await Promise.all(writes);
		// With a customId the identity comes as GET shows it, last token included; without, as its id alone.
		const identity = customId === undefined ? {id: record.id} : this.#details(this.#state.get(record.id) ?? record);
		return {status: 201, body: accessToken ? {identity, accessToken} : {identity}};
	}

	async issue(id: string, body: unknown): Promise<AccessTokenBody> {
		const request = body === undefined ? {} : body;
		if (!isObject(request)) {
			throw acsErrors.invalidField('body', 'a JSON object with scopes');
		}

		// A missing field fails the framework's model validation; an empty list, the service's own check.
		if (request['scopes'] === undefined || request['scopes'] === null) {
			throw acsErrors.fieldRequired('Scopes');
		}

		const scopes = parseScopes(request['scopes']);
		const minutes = parseLifetime(request['expiresInMinutes']);
		this.#liveRecord(id);
		const writes: Promise<void>[] = [];
		const token = await this.#issue(id, scopes, minutes, writes);
		await Promise.all(writes);
		return token;
	}

	async revoke(id: string): Promise<void> {
		const record = this.#liveRecord(id);
		const now = this.#now();
		const throughIat = Math.max(Math.floor(now / 1000), record.lastIat ?? 0);
		await this.#state.commit({op: 'revoke', id, at: now, throughIat});
	}

	async remove(id: string): Promise<void> {
		this.#liveRecord(id);
		await this.#state.commit({op: 'delete', id, at: this.#now()});
	}

	get(id: string): object {
		return this.#details(this.#liveRecord(id));
	}

	/** In the service's key order; `lastTokenIssuedAt` in whole seconds, as recorded. */
	#details(record: IdentityRecord): object {
		return {
			...(record.customId === undefined ? {} : {customId: record.customId}),
			...(record.lastTokenIssuedAt === undefined
				? {}
				: {lastTokenIssuedAt: formatInstant(Math.floor(record.lastTokenIssuedAt / 1000) * 1000)}),
			id: record.id,
		};
	}

	/**
	 * The Custom Teams Endpoint exchange, its checks in the recorded order: the token first
	 * (401), then required fields (PascalCase), then their formats, then the claims they must match.
	 */
	async exchangeTeamsToken(body: unknown): Promise<AccessTokenBody> {
		const request = isObject(body) ? body : {};
		const {token, appId, userId} = request;
		const claims = typeof token === 'string' ? decodeJwt(token)?.payload : undefined;
		const now = this.#now();
		if (!claims || !isLiveToken(claims, now)) {
			throw acsErrors.invalidAccessToken();
		}

		if (typeof appId !== 'string' || appId === '') {
			throw acsErrors.fieldRequired('AppId');
		}

		if (typeof userId !== 'string' || userId === '') {
			throw acsErrors.fieldRequired('UserId');
		}

		if (!guidPattern.test(appId)) {
			throw acsErrors.invalidAppId();
		}

		if (!guidPattern.test(userId)) {
			throw acsErrors.invalidUserId();
		}

		if (!sameGuid(claims['appid'] ?? claims['azp'], appId)) {
			throw acsErrors.unexpectedApp();
		}

		if (!sameGuid(claims['oid'], userId)) {
			throw acsErrors.unexpectedUser();
		}

		return this.issueFor(`orgid:${userId.toLowerCase()}`, ['voip', 'chat'], claims['exp'] as number);
	}

	/**
	 * An ACS token for an identity the caller has already vouched for (the Teams and Entra ID
	 * exchanges). It expires with the token exchanged, in whole seconds, and within 24 hours, as
	 * every ACS token does, whatever that token says (an `exp` years ahead, or a fraction).
	 */
	async issueFor(skypeid: string, scopes: readonly string[], exp: number): Promise<AccessTokenBody> {
		const iat = Math.floor(this.#now() / 1000);
		const expires = Math.min(Math.floor(exp), iat + maxExchangedLifetimeSeconds);
		return {
			token: await signJwt(this.#keys[0] as SigningKey, this.#claims(skypeid, scopes, iat, expires)),
			expiresOn: formatInstant(expires * 1000),
		};
	}

	get resourceId(): string {
		return this.#resourceId;
	}

	verify(token: unknown): VerifyResult {
		const decoded = typeof token === 'string' ? decodeJwt(token) : undefined;
		if (!decoded) {
			return {valid: false, reason: 'malformed', claims: {}};
		}

		const claims = decoded.payload;
		if (!verifySignature(decoded, this.#keys)) {
			return {valid: false, reason: 'bad-signature', claims};
		}

		const {skypeid, iat, exp} = claims;
		if (typeof skypeid !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') {
			return {valid: false, reason: 'malformed', claims};
		}

		// Identities of Entra ID exchanges (`…_wf_<tenant>_<oid>`, `…_<tenant>_<oid>`) are not kept: nothing revokes them.
		if (skypeid.startsWith('acs:') && !exchangedIdentityPattern.test(skypeid)) {
			const record = this.#state.get(`8:${skypeid}`);
			if (!record || record.deletedAt !== undefined) {
				return {valid: false, reason: 'deleted', claims};
			}

			if (record.revokedThroughIat !== undefined && iat <= record.revokedThroughIat) {
				return {valid: false, reason: 'revoked', claims};
			}
		}

		if (exp * 1000 <= this.#now()) {
			return {valid: false, reason: 'expired', claims};
		}

		return {valid: true, reason: 'valid', claims};
	}

	async #issue(id: string, scopes: readonly TokenScope[], minutes: number, writes: Promise<void>[]) {
		const record = this.#state.get(id);
		const now = this.#now();
		// After a revoke within this second, the new token's iat is the next second (see IdentityRecord).
		const iat = Math.max(Math.floor(now / 1000), (record?.revokedThroughIat ?? -1) + 1);
		const exp = iat + minutes * 60;
		const token = await signJwt(this.#keys[0] as SigningKey, this.#claims(id.slice(2), scopes, iat, exp));
		writes.push(this.#state.commit({op: 'issue', id, at: now, iat}));
		return {token, expiresOn: formatInstant(Math.max(now, iat * 1000) + minutes * 60_000)};
	}

	#claims(skypeid: string, scopes: readonly string[], iat: number, exp: number): AcsTokenClaims {
		return {
			skypeid,
			scp: scpValue,
			csi: String(iat),
			exp,
			rgn: region.rgn,
			acsScope: scopes.join(','),
			resourceId: this.#resourceId,
			resourceLocation: region.resourceLocation,
			iat,
		};
	}

	/** The record for an id in the path: 400 malformed, 401 another resource's, 404 unknown or deleted. */
	#liveRecord(id: string): IdentityRecord {
		const match = acsUserIdPattern.exec(id);
		if (!match) {
			if (id.startsWith('8:')) {
				throw acsErrors.identityNotOwned();
			}

			throw acsErrors.invalidIdentityId(id);
		}

		if (match[1]?.toLowerCase() !== this.#resourceId || !id.startsWith('8:acs:')) {
			throw acsErrors.identityNotOwned();
		}

		const record = this.#state.get(id);
		if (!record) {
			throw acsErrors.identityNotFound(id);
		}

		if (record.deletedAt !== undefined) {
			throw acsErrors.identityDeleted(id);
		}

		return record;
	}
}

function parseScopes(value: unknown): TokenScope[] {
	if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
		throw acsErrors.scopesRequired();
	}

	if (!Array.isArray(value)) {
		throw acsErrors.invalidField('scopes', `an array of scopes (${tokenScopes.join(', ')})`);
	}

	const scopes: TokenScope[] = [];
	for (const scope of value) {
		if (typeof scope !== 'string' || !isTokenScope(scope)) {
			throw acsErrors.unknownScope(typeof scope === 'string' ? scope : JSON.stringify(scope) ?? String(scope));
		}

		if (!scopes.includes(scope)) {
			scopes.push(scope);
		}
	}

	return scopes;
}

function parseLifetime(value: unknown): number {
	if (value === undefined || value === null) {
		return defaultLifetimeMinutes;
	}

	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw acsErrors.invalidField('expiresInMinutes', `a whole number of minutes from ${minimumLifetimeMinutes} to ${maximumLifetimeMinutes}, or null`);
	}

	if (value < minimumLifetimeMinutes || value > maximumLifetimeMinutes) {
		throw acsErrors.expiresInMinutesOutOfRange(value);
	}

	return value;
}

function parseCustomId(value: unknown): string | undefined {
	if (value === undefined || value === null) {
		return undefined;
	}

	if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
		throw acsErrors.invalidField('customId', 'a string of 1 to 256 characters');
	}

	return value;
}


function sameGuid(claim: unknown, expected: string): boolean {
	return typeof claim === 'string' && claim.toLowerCase() === expected.toLowerCase();
}
