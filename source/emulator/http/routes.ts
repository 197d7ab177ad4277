import {type ApiVersion, features} from '../api-versions.js';
import type {IdentityService} from '../identity-service.js';
import {jwks} from '../signing-key.js';

export type RouteResult = {readonly status: number; readonly body?: unknown};

export type RouteInput = {
	readonly params: readonly string[];
	readonly body: unknown;
	readonly apiVersion: ApiVersion;
};

export type Route = {
	readonly method: 'GET' | 'POST' | 'DELETE';
	/** Decoded path segments; `*` matches one segment, passed on in `params`. */
	readonly segments: readonly string[];
	/** Operations of the ACS API need an api-version and a signature; emulator extensions need neither. */
	readonly acs: boolean;
	readonly minimumVersion?: ApiVersion;
	readonly handle: (service: IdentityService, input: RouteInput) => RouteResult | Promise<RouteResult>;
};

export const routes: readonly Route[] = [
	{
		method: 'POST',
		segments: ['identities'],
		acs: true,
		handle: (service, {body, apiVersion}) => service.create(body, apiVersion),
	},
	{
		method: 'GET',
		segments: ['identities', '*'],
		acs: true,
		minimumVersion: features.customId,
		handle: (service, {params}) => ({status: 200, body: service.get(params[0] as string)}),
	},
	{
		method: 'DELETE',
		segments: ['identities', '*'],
		acs: true,
		async handle(service, {params}) {
			await service.remove(params[0] as string);
			return {status: 204};
		},
	},
	{
		method: 'POST',
		segments: ['identities', '*', ':issueAccessToken'],
		acs: true,
		handle: async (service, {params, body}) => ({status: 200, body: await service.issue(params[0] as string, body)}),
	},
	{
		method: 'POST',
		segments: ['identities', '*', ':revokeAccessTokens'],
		acs: true,
		async handle(service, {params}) {
			await service.revoke(params[0] as string);
			return {status: 204};
		},
	},
	{
		method: 'POST',
		segments: ['teamsUser', ':exchangeAccessToken'],
		acs: true,
		minimumVersion: features.teamsExchange,
		handle: async (service, {body}) => ({status: 200, body: await service.exchangeTeamsToken(body)}),
	},
	{
		method: 'GET',
		segments: ['.well-known', 'jwks.json'],
		acs: false,
		handle: service => ({status: 200, body: jwks(service.signingKeys)}),
	},
	{
		method: 'POST',
		segments: ['emulator', 'tokens', ':verify'],
		acs: false,
		handle: (service, {body}) => ({
			status: 200,
			body: service.verify(typeof body === 'object' && body !== null ? (body as {token?: unknown}).token : undefined),
		}),
	},
];

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
