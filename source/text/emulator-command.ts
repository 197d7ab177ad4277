import {defaultPort} from '../emulator/defaults.js';
import {isLoopbackHost} from '../protocol/connection-string.js';

/**
 * The command that serves a local `endpoint` again as the client expects it: over plain http
 * with --http (the emulator serves https without it, and an http client cannot talk to that),
 * on the endpoint's port. Nothing for an endpoint off this machine.
 */
export function emulatorCommandFor(endpoint: string): string | undefined {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return undefined;
	}

	if (!isLoopbackHost(url.hostname)) {
		return undefined;
	}

	const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
	return `acs-tokens emulator${url.protocol === 'http:' ? ' --http' : ''}${port === defaultPort ? '' : ` --port ${port}`}`;
}

/** `endpoint` over the other scheme (http for https, https for http), for a client that used the wrong one. */
export function otherSchemeOf(endpoint: string): string {
	const url = new URL(endpoint);
	url.protocol = url.protocol === 'https:' ? 'http:' : 'https:';
	return url.toString();
}
