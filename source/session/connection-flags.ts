import type {ConnectionRequest} from '../identity/connection.js';

/** The flags that name a connection, as the commands and the wizard take them. */
export type ConnectionFlags = {
	readonly 'connection-string'?: string | undefined;
	readonly emulator?: boolean | undefined;
	readonly endpoint?: string | undefined;
	readonly tenant?: string | undefined;
	readonly profile?: string | undefined;
};

/**
 * The connection the flags name, first match wins: --connection-string, --emulator, --endpoint
 * (keyless, Microsoft Entra ID; --tenant narrows it), --profile; none: discovery. The commands
 * open their session with it, and the wizard connects at once to what it names.
 */
export function requestFromFlags(flags: ConnectionFlags): ConnectionRequest | undefined {
	if (flags['connection-string'] !== undefined) {
		return {kind: 'connection-string', value: flags['connection-string']};
	}

	if (flags.emulator) {
		return {kind: 'emulator'};
	}

	if (flags.endpoint !== undefined) {
		return {kind: 'endpoint', endpoint: flags.endpoint, ...(flags.tenant ? {tenantId: flags.tenant} : {})};
	}

	return flags.profile === undefined ? undefined : {kind: 'profile', name: flags.profile};
}
