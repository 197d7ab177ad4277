import {UserError} from '../errors/user-error.js';
import type {ConnectionRequest} from '../identity/connection.js';
import {text} from '../text/index.js';

/** The flags that name a connection, as the commands and the wizard take them. */
export type ConnectionFlags = {
	readonly 'connection-string'?: string | undefined;
	readonly emulator?: boolean | undefined;
	readonly endpoint?: string | undefined;
	readonly tenant?: string | undefined;
	readonly profile?: string | undefined;
};

/**
 * The connection the flags name (one at most; refuseTwoConnections): --connection-string, --emulator, --endpoint
 * (keyless, Microsoft Entra ID; --tenant narrows it), --profile; none: discovery. The commands
 * open their session with it, and the wizard connects at once to what it names.
 */
/**
 * Two flags that each name a connection are a mistake, not a choice by precedence: the one
 * that would lose (a --profile that does not exist, say) would be ignored in silence.
 */
export function refuseTwoConnections(flags: ConnectionFlags): void {
	const given = (['connection-string', 'emulator', 'endpoint', 'profile'] as const).filter(flag => flags[flag] !== undefined && flags[flag] !== false);
	if (given.length > 1) {
		throw new UserError('usage', text.errors.twoConnections(given.map(flag => `--${flag}`)));
	}
}

export function requestFromFlags(flags: ConnectionFlags): ConnectionRequest | undefined {
	refuseTwoConnections(flags);
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
