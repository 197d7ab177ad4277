import type {AccessToken, GetTokenOptions, TokenCredential} from '@azure/core-auth';
import {isLoopbackHost} from '../protocol/connection-string.js';
import {hasAudience, identityAudiences} from '../protocol/entra-token.js';
import {decodeJwt} from '../protocol/jwt.js';
import {text} from '../text/index.js';
import {IdentityError} from './errors.js';

/** The credentials of DefaultAzureCredential's chain, as acs-tokens names them to the user. */
export type EntraCredentialKind =
	| 'environment'
	| 'workload-identity'
	| 'managed-identity'
	| 'azure-cli'
	| 'azure-developer-cli'
	| 'azure-powershell'
	| 'visual-studio-code'
	| 'other';

/** Who is signed in, read from the claims of the Entra ID token the credential gave. */
export type EntraSignIn = {
	readonly credential: EntraCredentialKind | undefined;
	/** `upn` (or `unique_name`, `preferred_username`) for a user, `appid` for an application. */
	readonly principal: string | undefined;
	readonly principalKind: 'user' | 'application';
	readonly tenantId: string | undefined;
};

export type EntraCredential = {
	readonly tokenCredential: TokenCredential;
	/** After the first request: who signed in, and through which credential. */
	signedIn(): EntraSignIn | undefined;
	/** Why the service refused the last token, as far as its claims tell (audience, expiry). */
	explainRefusal(endpoint: string): IdentityError | undefined;
};

/** The key id of the tokens acs-tokens' stand-in az makes (source/emulator/stand-in-entra.ts): no real authority uses it. */
const standInKeyId = 'stand-in';

type Chain = TokenCredential & {
	readonly _sources?: readonly TokenCredential[];
	getTokenInternal?(scopes: string | string[], options?: GetTokenOptions): Promise<{token: AccessToken; successfulCredential: TokenCredential}>;
};

/**
 * `@azure/identity`'s DefaultAzureCredential (environment, workload identity, managed identity,
 * Azure CLI, Azure Developer CLI and the rest of its chain; `AZURE_TOKEN_CREDENTIALS` narrows it,
 * `tenantId` too), loaded only for such a connection. It remembers which credential answered
 * and the token's claims, so that the wizard can say who is signed in.
 */
export async function createEntraCredential(options: {readonly tenantId?: string} = {}): Promise<EntraCredential> {
	const identity = await import('@azure/identity');
	const chain = new identity.DefaultAzureCredential(options.tenantId ? {tenantId: options.tenantId} : {}) as unknown as Chain;
	const kindOf = (source: TokenCredential | undefined): EntraCredentialKind | undefined => {
		if (!source) {
			return undefined;
		}

		const known: readonly [abstract new (...args: never[]) => unknown, EntraCredentialKind][] = [
			[identity.EnvironmentCredential, 'environment'],
			[identity.WorkloadIdentityCredential, 'workload-identity'],
			[identity.ManagedIdentityCredential, 'managed-identity'],
			[identity.AzureCliCredential, 'azure-cli'],
			[identity.AzureDeveloperCliCredential, 'azure-developer-cli'],
			[identity.AzurePowerShellCredential, 'azure-powershell'],
			[identity.VisualStudioCodeCredential, 'visual-studio-code'],
		];
		return known.find(([type]) => source instanceof type)?.[1] ?? 'other';
	};

	let claims: Record<string, unknown> | undefined;
	let keyId: unknown;
	let credential: EntraCredentialKind | undefined;
	const tokenCredential: TokenCredential = {
		async getToken(scopes, getOptions) {
			try {
				// getTokenInternal is the chain's own, which also says which credential answered.
				const {token, successfulCredential} = chain.getTokenInternal
					? await chain.getTokenInternal(scopes, getOptions)
					: {token: await chain.getToken(scopes, getOptions), successfulCredential: undefined};
				if (!token) {
					throw new identity.CredentialUnavailableError('No token');
				}

				const decoded = decodeJwt(token.token);
				claims = decoded?.payload;
				keyId = decoded?.header['kid'];
				credential = kindOf(successfulCredential);
				return token;
			} catch (error) {
				throw signInError(error, identity, (chain._sources ?? []).map(source => kindOf(source) ?? 'other'));
			}
		},
	};

	return {
		tokenCredential,
		signedIn: () => (claims ? signInOf(claims, credential) : undefined),
		explainRefusal(endpoint) {
			if (!claims) {
				return undefined;
			}

			// acs-tokens' own stand-in az, left on PATH, signing in to a real resource.
			if (keyId === standInKeyId && !isLoopbackHost(new URL(endpoint).hostname)) {
				return new IdentityError('authentication', text.errors.entraStandIn(endpoint));
			}

			if (!hasAudience(claims, identityAudiences)) {
				return new IdentityError('authentication', text.errors.entraWrongAudience(String(claims['aud'] ?? '')));
			}

			const exp = claims['exp'];
			if (typeof exp === 'number' && exp * 1000 <= Date.now()) {
				return new IdentityError('authentication', text.errors.entraExpired(new Date(exp * 1000)));
			}

			return new IdentityError('authentication', text.errors.entraDenied(endpoint, signInOf(claims, credential).principal ?? '?'));
		},
	};
}

function signInOf(claims: Record<string, unknown>, credential: EntraCredentialKind | undefined): EntraSignIn {
	const string = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : undefined);
	const user = string('upn') ?? string('unique_name') ?? string('preferred_username');
	const application = string('appid') ?? string('azp');
	return {
		credential,
		principal: user ?? application,
		principalKind: user || string('idtyp') === 'user' ? 'user' : 'application',
		tenantId: string('tid'),
	};
}

/** No credential of the chain answered, or the one that did refused: said with what was tried and what to do. */
function signInError(error: unknown, identity: typeof import('@azure/identity'), tried: readonly EntraCredentialKind[]): IdentityError {
	if (error instanceof IdentityError) {
		return error;
	}

	if (error instanceof identity.AggregateAuthenticationError || error instanceof identity.CredentialUnavailableError) {
		return new IdentityError('authentication', text.errors.entraNoCredential(tried.map(kind => text.errors.entraCredentialName(kind))), {}, {cause: error});
	}

	// A credential that answered with an error (az: not logged in for this tenant, say): its first line says why.
	const detail = String((error as Error)?.message ?? error).split('\n')[0]?.slice(0, 300) ?? '';
	return new IdentityError('authentication', text.errors.entraSignInFailed(detail), {}, {cause: error});
}
