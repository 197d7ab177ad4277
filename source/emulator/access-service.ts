import {decodeJwt, isObject} from '../protocol/jwt.js';
import {hasAudience, isLiveToken} from '../protocol/entra-token.js';
import {guidPattern} from '../protocol/identifiers.js';
import {type EntraAssignment, maxAssignments, maxClientIds, type TeamsExtensionAssignment} from '../protocol/assignments.js';
import type {AssignmentStore} from './assignment-store.js';
import {acsErrors} from './errors.js';
import type {AccessTokenBody, IdentityService} from './identity-service.js';

/**
 * Entra ID users and Teams Extension users (shared/acs-identity-api.md, "Exchanges for Entra
 * ID users and Teams Extension"): who may exchange is managed with assignments; a client
 * app then trades its user's Entra ID token for an ACS token. No live recordings exist, so
 * the errors reuse the service's shapes: 401 InvalidAccessToken for a token that is not
 * valid or is for another audience, 403 Forbidden where no assignment allows the exchange,
 * 404 AssignmentNotFound, 400 ValidationError for bad fields.
 */
export type ExchangeKind = 'entra' | 'teamsExtension';

/** The tokens each exchange takes: `…/clients/.default` and the Teams Extension scopes. */
const audiences: Record<ExchangeKind, ReadonlySet<string>> = {
	entra: new Set(['https://communication.azure.com/clients', 'https://communication.azure.com/clients/']),
	teamsExtension: new Set([
		'https://auth.msft.communication.azure.com',
		'https://auth.msft.communication.azure.com/',
		'https://auth.msft.communication.azure.us',
		'https://auth.msft.communication.azure.us/',
	]),
};

/** ACS tokens live at most 24 hours, whatever the Entra ID token says. */
const maxLifetimeSeconds = 24 * 60 * 60;

export class AccessService {
	readonly #identity: IdentityService;
	readonly #store: AssignmentStore;
	readonly #now: () => number;

	constructor(options: {identity: IdentityService; store: AssignmentStore; now?: () => number}) {
		this.#identity = options.identity;
		this.#store = options.store;
		this.#now = options.now ?? Date.now;
	}

	async exchange(kind: ExchangeKind, bearer: string): Promise<{identity: {id: string}; accessToken: AccessTokenBody}> {
		const claims = decodeJwt(bearer)?.payload;
		const now = this.#now();
		if (!claims || !isLiveToken(claims, now) || !hasAudience(claims, audiences[kind])) {
			throw acsErrors.invalidAccessToken();
		}

		const oid = lowerGuid(claims['oid']);
		const tid = lowerGuid(claims['tid']);
		if (!oid || !tid) {
			throw acsErrors.invalidAccessToken();
		}

		const clientId = lowerGuid(claims['appid'] ?? claims['azp']);
		if (!this.#allows(kind, {oid, tid, clientId, groups: groupsOf(claims)})) {
			throw acsErrors.notAssigned();
		}

		const resource = this.#identity.resourceId;
		const user = kind === 'entra' ? `${resource}_wf_${tid}_${oid}` : `${resource}_${tid}_${oid}`;
		const exp = Math.min(claims['exp'] as number, Math.floor(now / 1000) + maxLifetimeSeconds);
		const accessToken = await this.#identity.issueFor(`acs:${user}`, scopesOf(claims), exp);
		return {identity: {id: `8:acs:${user}`}, accessToken};
	}

	#allows(kind: ExchangeKind, who: {oid: string; tid: string; clientId: string | undefined; groups: string[]}): boolean {
		const clientAllowed = (clientIds: readonly string[] | undefined) =>
			!clientIds || clientIds.length === 0 || (who.clientId !== undefined && clientIds.includes(who.clientId));
		if (kind === 'teamsExtension') {
			// An assignment for the user, or one for the tenant as a whole.
			return [who.oid, who.tid].some(objectId => {
				const found = this.#store.teamsExtension.get(teamsKey(who.tid, objectId));
				return found !== undefined && clientAllowed(found.clientIds);
			});
		}

		return [...this.#store.entra.values()].some(
			assignment =>
				clientAllowed(assignment.clientIds) &&
				((assignment.principalType === 'user' && assignment.objectId === who.oid && assignment.tenantId === who.tid) ||
					(assignment.principalType === 'tenant' && assignment.objectId === who.tid) ||
					(assignment.principalType === 'group' && assignment.tenantId === who.tid && who.groups.includes(assignment.objectId))),
		);
	}

	listEntra(): {value: EntraAssignment[]} {
		return {value: [...this.#store.entra.values()]};
	}

	getEntra(objectId: string): EntraAssignment {
		const found = this.#store.entra.get(checkGuid(objectId, 'objectId'));
		if (!found) {
			throw acsErrors.assignmentNotFound(objectId);
		}

		return found;
	}

	async putEntra(objectId: string, body: unknown): Promise<{status: 200 | 201; body: EntraAssignment}> {
		const id = checkGuid(objectId, 'objectId');
		const assignment = parseEntraAssignment(id, body);
		const existed = this.#store.entra.has(id);
		this.#checkRoom(existed);
		await this.#store.update(store => store.entra.set(id, assignment));
		return {status: existed ? 200 : 201, body: assignment};
	}

	async deleteEntra(objectId: string): Promise<void> {
		const id = checkGuid(objectId, 'objectId');
		if (!this.#store.entra.has(id)) {
			throw acsErrors.assignmentNotFound(objectId);
		}

		await this.#store.update(store => store.entra.delete(id));
	}

	/** JSON merge patch: a map of objectId to an assignment, or to null to remove it. */
	async patchEntra(body: unknown): Promise<{value: EntraAssignment[]}> {
		if (!isObject(body)) {
			throw acsErrors.invalidField('body', 'a map of object ids to assignments (or null)');
		}

		const changes = Object.entries(body).map(([objectId, value]) => {
			const id = checkGuid(objectId, 'objectId');
			return [id, value === null ? null : parseEntraAssignment(id, value)] as const;
		});
		const added = changes.filter(([id, value]) => value !== null && !this.#store.entra.has(id)).length;
		if (this.#store.size + added > maxAssignments) {
			throw acsErrors.tooManyAssignments(maxAssignments);
		}

		await this.#store.update(store => {
			for (const [id, value] of changes) {
				if (value === null) {
					store.entra.delete(id);
				} else {
					store.entra.set(id, value);
				}
			}
		});
		return this.listEntra();
	}

	getTeamsExtension(tenantId: string, objectId: string): TeamsExtensionAssignment {
		const found = this.#store.teamsExtension.get(teamsKey(checkGuid(tenantId, 'tenantId'), checkGuid(objectId, 'objectId')));
		if (!found) {
			throw acsErrors.assignmentNotFound(objectId);
		}

		return found;
	}

	async putTeamsExtension(
		tenantId: string,
		objectId: string,
		body: unknown,
	): Promise<{status: 200 | 201; body: TeamsExtensionAssignment}> {
		const tenant = checkGuid(tenantId, 'tenantId');
		const object = checkGuid(objectId, 'objectId');
		if (!isObject(body)) {
			throw acsErrors.invalidField('body', 'an object with principalType and optional clientIds');
		}

		const principalType = body['principalType'];
		if (principalType !== 'resourceAccount' && principalType !== 'user') {
			throw acsErrors.invalidPrincipalType(['resourceAccount', 'user']);
		}

		const clientIds = body['clientIds'] === undefined || body['clientIds'] === null ? undefined : parseClientIds(body['clientIds']);
		const assignment: TeamsExtensionAssignment = {
			objectId: object,
			tenantId: tenant,
			principalType,
			...(clientIds ? {clientIds} : {}),
		};
		const key = teamsKey(tenant, object);
		const existed = this.#store.teamsExtension.has(key);
		this.#checkRoom(existed);
		await this.#store.update(store => store.teamsExtension.set(key, assignment));
		return {status: existed ? 200 : 201, body: assignment};
	}

	async deleteTeamsExtension(tenantId: string, objectId: string): Promise<void> {
		const key = teamsKey(checkGuid(tenantId, 'tenantId'), checkGuid(objectId, 'objectId'));
		if (!this.#store.teamsExtension.has(key)) {
			throw acsErrors.assignmentNotFound(objectId);
		}

		await this.#store.update(store => store.teamsExtension.delete(key));
	}

	#checkRoom(replacing: boolean): void {
		if (!replacing && this.#store.size >= maxAssignments) {
			throw acsErrors.tooManyAssignments(maxAssignments);
		}
	}
}

export function teamsKey(tenantId: string, objectId: string): string {
	return `${tenantId}/${objectId}`;
}

function parseEntraAssignment(objectId: string, body: unknown): EntraAssignment {
	if (!isObject(body)) {
		throw acsErrors.invalidField('body', 'an object with tenantId, principalType and clientIds');
	}

	const tenantId = typeof body['tenantId'] === 'string' ? checkGuid(body['tenantId'], 'tenantId') : undefined;
	if (tenantId === undefined) {
		throw acsErrors.invalidGuid('tenantId');
	}

	const principalType = body['principalType'];
	if (principalType !== 'user' && principalType !== 'group' && principalType !== 'tenant') {
		throw acsErrors.invalidPrincipalType(['user', 'group', 'tenant']);
	}

	if (principalType === 'tenant' && objectId !== tenantId) {
		throw acsErrors.invalidField('objectId', 'the tenant id itself for a tenant assignment');
	}

	return {objectId, tenantId, principalType, clientIds: parseClientIds(body['clientIds'] ?? [])};
}

function parseClientIds(value: unknown): string[] {
	if (!Array.isArray(value) || value.length > maxClientIds) {
		throw acsErrors.invalidField('clientIds', `an array of at most ${maxClientIds} application ids`);
	}

	return [...new Set(value.map(clientId => checkGuid(typeof clientId === 'string' ? clientId : '', 'clientIds')))];
}

function checkGuid(value: string, field: string): string {
	if (!guidPattern.test(value)) {
		throw acsErrors.invalidGuid(field);
	}

	return value.toLowerCase();
}

function lowerGuid(value: unknown): string | undefined {
	return typeof value === 'string' && guidPattern.test(value) ? value.toLowerCase() : undefined;
}


function groupsOf(claims: Record<string, unknown>): string[] {
	const groups = claims['groups'];
	return Array.isArray(groups) ? groups.slice(0, 1000).flatMap(group => lowerGuid(group) ?? []) : [];
}

/** The delegated scopes of the Entra ID token (`scp`, space-separated) as ACS scopes; VoIP when none match. */
function scopesOf(claims: Record<string, unknown>): string[] {
	const granted = typeof claims['scp'] === 'string' ? claims['scp'].toLowerCase().split(' ').slice(0, 50) : [];
	const scopes = new Set<string>();
	for (const scope of granted) {
		if (scope.includes('voip') || scope.endsWith('managecalls')) {
			scopes.add('voip');
		}

		if (scope.includes('chat') || scope.endsWith('managechats')) {
			scopes.add('chat');
		}
	}

	return scopes.size > 0 ? [...scopes] : ['voip'];
}
