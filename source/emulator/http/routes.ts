import {type ApiVersion, type RouteFamily, routeFamilies} from '../../protocol/api-versions.js';
import type {AccessService} from '../access-service.js';
import type {IdentityService} from '../identity-service.js';
import {jwks} from '../signing-key.js';

export type RouteResult = {readonly status: number; readonly body?: unknown};

export type Services = {readonly identity: IdentityService; readonly access: AccessService};

export type RouteInput = {
	readonly services: Services;
	readonly params: readonly string[];
	readonly body: unknown;
	readonly apiVersion: ApiVersion;
	/** The bearer token of an exchange route, as sent. */
	readonly bearer?: string;
};

/**
 * How a route is reached: `hmac` (the access key, or an Entra ID bearer with --allow-entra),
 * `exchange` (an Entra ID user's own bearer token, checked by the operation), or `none`
 * (the emulator's own extensions, which also need no api-version).
 */
export type RouteAuth = 'hmac' | 'exchange' | 'none';

export type Route = {
	readonly method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Decoded path segments; `*` matches one segment, passed on in `params`. */
	readonly segments: readonly string[];
	readonly auth: RouteAuth;
	/** The api-versions of an operation of the ACS API; extensions have none. */
	readonly family?: RouteFamily;
	readonly handle: (input: RouteInput) => RouteResult | Promise<RouteResult>;
};

const param = (input: RouteInput, index: number) => input.params[index] as string;
const noContent = {status: 204} as const;

const identityRoutes: readonly Route[] = [
	{
		method: 'POST',
		segments: ['identities'],
		auth: 'hmac',
		family: routeFamilies.identities,
		handle: input => input.services.identity.create(input.body, input.apiVersion),
	},
	{
		method: 'GET',
		segments: ['identities', '*'],
		auth: 'hmac',
		family: routeFamilies.identityDetails,
		handle: input => ({status: 200, body: input.services.identity.get(param(input, 0))}),
	},
	{
		method: 'DELETE',
		segments: ['identities', '*'],
		auth: 'hmac',
		family: routeFamilies.identities,
		async handle(input) {
			await input.services.identity.remove(param(input, 0));
			return noContent;
		},
	},
	{
		method: 'POST',
		segments: ['identities', '*', ':issueAccessToken'],
		auth: 'hmac',
		family: routeFamilies.issueToken,
		handle: async input => ({status: 200, body: await input.services.identity.issue(param(input, 0), input.body)}),
	},
	{
		method: 'POST',
		segments: ['identities', '*', ':revokeAccessTokens'],
		auth: 'hmac',
		family: routeFamilies.identities,
		async handle(input) {
			await input.services.identity.revoke(param(input, 0));
			return noContent;
		},
	},
	{
		method: 'POST',
		segments: ['teamsUser', ':exchangeAccessToken'],
		auth: 'hmac',
		family: routeFamilies.teamsUser,
		handle: async input => ({status: 200, body: await input.services.identity.exchangeTeamsToken(input.body)}),
	},
];

const entraAssignment = ['access', 'entra', 'assignments', '*'];
const teamsExtensionAssignment = ['access', 'teamsExtension', 'tenants', '*', 'assignments', '*'];

const accessRoutes: readonly Route[] = [
	{
		method: 'POST',
		segments: ['access', 'entra', ':exchangeAccessToken'],
		auth: 'exchange',
		family: routeFamilies.entra,
		handle: async input => ({status: 200, body: await input.services.access.exchange('entra', input.bearer ?? '')}),
	},
	{
		method: 'POST',
		segments: ['access', 'teamsExtension', ':exchangeAccessToken'],
		auth: 'exchange',
		family: routeFamilies.teamsExtension,
		handle: async input => ({
			status: 200,
			body: await input.services.access.exchange('teamsExtension', input.bearer ?? ''),
		}),
	},
	{
		method: 'GET',
		segments: ['access', 'entra', 'assignments'],
		auth: 'hmac',
		family: routeFamilies.entra,
		handle: input => ({status: 200, body: input.services.access.listEntra()}),
	},
	{
		method: 'PATCH',
		segments: ['access', 'entra', 'assignments'],
		auth: 'hmac',
		family: routeFamilies.entra,
		handle: async input => ({status: 200, body: await input.services.access.patchEntra(input.body)}),
	},
	{
		method: 'GET',
		segments: entraAssignment,
		auth: 'hmac',
		family: routeFamilies.entra,
		handle: input => ({status: 200, body: input.services.access.getEntra(param(input, 0))}),
	},
	{
		method: 'PUT',
		segments: entraAssignment,
		auth: 'hmac',
		family: routeFamilies.entra,
		handle: input => input.services.access.putEntra(param(input, 0), input.body),
	},
	{
		method: 'DELETE',
		segments: entraAssignment,
		auth: 'hmac',
		family: routeFamilies.entra,
		async handle(input) {
			await input.services.access.deleteEntra(param(input, 0));
			return noContent;
		},
	},
	{
		method: 'GET',
		segments: teamsExtensionAssignment,
		auth: 'hmac',
		family: routeFamilies.teamsExtension,
		handle: input => ({
			status: 200,
			body: input.services.access.getTeamsExtension(param(input, 0), param(input, 1)),
		}),
	},
	{
		method: 'PUT',
		segments: teamsExtensionAssignment,
		auth: 'hmac',
		family: routeFamilies.teamsExtension,
		handle: input => input.services.access.putTeamsExtension(param(input, 0), param(input, 1), input.body),
	},
	{
		method: 'DELETE',
		segments: teamsExtensionAssignment,
		auth: 'hmac',
		family: routeFamilies.teamsExtension,
		async handle(input) {
			await input.services.access.deleteTeamsExtension(param(input, 0), param(input, 1));
			return noContent;
		},
	},
];

/** The emulator's own routes: no api-version, no signature. */
const extensionRoutes: readonly Route[] = [
	// Readiness probes ask with GET or HEAD: the same answer (Node leaves the body off a HEAD).
	...(['GET', 'HEAD'] as const).map(
		(method): Route => ({
			method,
			segments: ['emulator', 'health'],
			auth: 'none',
			handle: input => ({status: 200, body: input.services.identity.health()}),
		}),
	),
	{
		method: 'GET',
		segments: ['.well-known', 'jwks.json'],
		auth: 'none',
		handle: input => ({status: 200, body: jwks(input.services.identity.signingKeys)}),
	},
	{
		method: 'POST',
		segments: ['emulator', 'tokens', ':verify'],
		auth: 'none',
		handle: input => ({
			status: 200,
			body: input.services.identity.verify(
				typeof input.body === 'object' && input.body !== null ? (input.body as {token?: unknown}).token : undefined,
			),
		}),
	},
];

export const routes: readonly Route[] = [...identityRoutes, ...accessRoutes, ...extensionRoutes];

export type RouteMatch =
	| {readonly kind: 'found'; readonly route: Route; readonly params: string[]}
	| {readonly kind: 'wrong-method'; readonly allowed: string[]}
	| {readonly kind: 'none'};

export function matchRoute(method: string, segments: readonly string[]): RouteMatch {
	const allowed: string[] = [];
	for (const route of routes) {
		if (route.segments.length !== segments.length) {
			continue;
		}

		const params: string[] = [];
		const fits = route.segments.every((expected, index) => {
			const actual = segments[index] as string;
			if (expected === '*') {
				params.push(actual);
				return true;
			}

			return expected === actual;
		});
		if (!fits) {
			continue;
		}

		if (route.method === method) {
			return {kind: 'found', route, params};
		}

		allowed.push(route.method);
	}

	return allowed.length > 0 ? {kind: 'wrong-method', allowed} : {kind: 'none'};
}
