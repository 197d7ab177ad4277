import type {ConnectionSource, ResolvedConnection} from '../identity/connection.js';
import type {IdentityStore} from '../store/identity-store.js';
import type {ConnectionStringVariable, KeySource} from '../store/types.js';

/** Saves the profile a connection came from; a profile already saved is kept as it is, unless the key is to be saved. */
export async function rememberProfile(
	store: IdentityStore,
	resolved: ResolvedConnection,
	options: {readonly saveKey?: boolean} = {},
): Promise<void> {
	const {source} = resolved;
	if (source.kind === 'profile') {
		return;
	}

	// The key is kept only when the user asks (--save-key); otherwise a profile says where to find it.
	const {credential} = resolved.connection;
	const saveKey = options.saveKey === true && source.kind !== 'emulator' && credential.kind === 'access-key';
	if (store.profile(resolved.profileName) && !saveKey) {
		return;
	}

	const keySource: KeySource =
		credential.kind === 'entra'
			? {kind: 'entra', ...(credential.tenantId ? {tenantId: credential.tenantId} : {})}
			: saveKey
				? {kind: 'saved', accessKey: credential.accessKey}
				: keySourceOf(source);
	await store.saveProfile({
		name: resolved.profileName,
		endpoint: resolved.connection.endpoint,
		keySource,
		createdAt: new Date().toISOString(),
	});
}

function keySourceOf(source: Exclude<ConnectionSource, {kind: 'profile'}>): KeySource {
	switch (source.kind) {
		case 'entra': {
			return {kind: 'entra'};
		}

		case 'emulator': {
			return {kind: 'emulator'};
		}

		case 'flag': {
			return {kind: 'command-line'};
		}

		case 'environment': {
			return {kind: 'environment', variable: source.variable as ConnectionStringVariable};
		}

		case 'dotenv': {
			return {kind: 'dotenv', path: source.path, variable: source.variable};
		}
	}
}
