import type {IncomingHttpHeaders} from 'node:http';
import {computeSignature, contentHash, signaturesEqual} from '../../protocol/hmac.js';
import {printable} from '../errors.js';
import type {EmulatorWarning, SignatureCulprit} from '../warnings.js';

export type MismatchContext = {
	readonly accessKey: Uint8Array;
	readonly received: string;
	/** What the emulator signed: method, path and query, then the signed headers' values. */
	readonly stringToSign: string;
	readonly method: string;
	readonly target: string;
	readonly signedHeaders: readonly string[];
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
};

type Variant = {readonly culprit: SignatureCulprit; readonly value: string};

/**
 * For a person writing their own client: the string to sign the emulator computed, and, where
 * signing one part differently reproduces the signature received, which part that is. Never the
 * key, never the signature received.
 */
export function explainSignatureMismatch(context: MismatchContext): EmulatorWarning {
	// Bounded by the header limits, and cut for the log all the same.
	const shown = JSON.stringify(context.stringToSign.length > 2000 ? `${context.stringToSign.slice(0, 2000)}…` : context.stringToSign);
	const found = variants(context).find(variant => signaturesEqual(computeSignature(context.accessKey, variant.value), context.received));
	return {
		kind: 'signature-mismatch',
		method: context.method,
		target: printable(context.target, 200),
		signedHeaders: context.signedHeaders,
		stringToSign: shown,
		...(found ? {culprit: found.culprit} : {}),
	};
}

function variants(context: MismatchContext): Variant[] {
	const {method, target, signedHeaders, headers, body} = context;
	const values = (replace: Record<string, string>) =>
		signedHeaders.map(name => replace[name] ?? (headers[name] as string | undefined) ?? '').join(';');
	const line = (m: string, t: string, replace: Record<string, string> = {}) => `${m}\n${t}\n${values(replace)}`;
	const result: Variant[] = [];
	const host = typeof headers.host === 'string' ? headers.host : '';
	const hostname = host.replace(/:\d+$/, '');
	if (hostname !== host) {
		result.push({culprit: {part: 'host-without-port', hostname}, value: line(method, target, {host: hostname})});
	}

	const actualHash = contentHash(body);
	if (headers['x-ms-content-sha256'] !== actualHash) {
		result.push({culprit: {part: 'body-hash'}, value: line(method, target, {'x-ms-content-sha256': actualHash})});
	}

	const questionMark = target.indexOf('?');
	if (questionMark !== -1) {
		result.push({culprit: {part: 'query-left-out'}, value: line(method, target.slice(0, questionMark), {})});
	}

	const decoded = safeDecode(target);
	if (decoded !== target) {
		result.push({culprit: {part: 'path-decoded'}, value: line(method, decoded)});
	}

	if (method !== method.toLowerCase()) {
		result.push({culprit: {part: 'method-lower-case'}, value: line(method.toLowerCase(), target)});
	}

	return result;
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}
