import {readFileSync} from 'node:fs';
import {CommunicationIdentityClient} from '@azure/communication-identity';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {createEmulator, type Emulator, type EmulatorOptions} from '../../source/emulator/server.js';

export type Transport = 'http' | 'https';

export async function startEmulator(transport: Transport, options: EmulatorOptions = {}): Promise<Emulator> {
	return createEmulator({port: 0, http: transport === 'http', ...options});
}

/** The official SDK, set up as a user would: trusting the emulator's CA, or allowing loopback HTTP. */
export function sdkClient(
	emulator: Emulator,
	options: {readonly apiVersion?: string; readonly accessKey?: string} = {},
): CommunicationIdentityClient {
	const {endpoint, accessKey} = parseConnectionString(emulator.connectionString);
	const connectionString = `endpoint=${endpoint};accesskey=${options.accessKey ?? accessKey}`;
	return new CommunicationIdentityClient(connectionString, {
		retryOptions: {maxRetries: 0},
		...(emulator.certificatePath
			? {tlsOptions: {ca: readFileSync(emulator.certificatePath, 'utf8')}}
			: {allowInsecureConnection: true}),
		// Not in the public options type, but the generated client honours it.
		...(options.apiVersion ? {apiVersion: options.apiVersion} : {}),
	});
}

/** What the SDK's RestError carries that a user sees. */
export async function restError(promise: Promise<unknown>): Promise<{statusCode?: number; code?: string; message: string}> {
	try {
		await promise;
	} catch (error) {
		const {statusCode, code, message} = error as {statusCode?: number; code?: string; message: string};
		return {statusCode, code, message};
	}

	throw new Error('expected the call to fail');
}

export function decodeClaims(token: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
