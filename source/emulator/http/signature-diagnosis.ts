import type {IncomingHttpHeaders} from 'node:http';
import {computeSignature, contentHash, signaturesEqual} from '../../protocol/hmac.js';
import {printable} from '../errors.js';

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

type Variant = {readonly part: string; readonly value: string; readonly hint: string};

/**
 * One log line for a person writing their own client: the string to sign the emulator
 * computed, and, where signing one part differently reproduces the signature received,
 * which part that is. Never the key, never the signature received.
 */
export function explainSignatureMismatch(context: MismatchContext): string {
	// Bounded by the header limits, and cut for the log all the same.
	const shown = JSON.stringify(context.stringToSign.length > 2000 ? `${context.stringToSign.slice(0, 2000)}…` : context.stringToSign);
	const culprit = variants(context).find(variant =>
		signaturesEqual(computeSignature(context.accessKey, variant.value), context.received),
	);
	const verdict = culprit
		? `It matches the signature received if ${culprit.part}: ${culprit.hint}`
		: 'No single part explains it: check that the key is the base64-decoded access key of this emulator, and compare each line.';
	return `Signature mismatch on ${context.method} ${printable(context.target, 200)}. String to sign (method, path and query, ${context.signedHeaders.join(';')}): ${shown}. ${verdict}`;
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
		result.push({
			part: `the host is signed as ${hostname}`,
			value: line(method, target, {host: hostname}),
			hint: 'sign the Host header exactly as sent, with its port.',
		});
	}

	const actualHash = contentHash(body);
	if (headers['x-ms-content-sha256'] !== actualHash) {
		result.push({
			part: 'x-ms-content-sha256 is the hash of the body sent',
			value: line(method, target, {'x-ms-content-sha256': actualHash}),
			hint: 'send the same hash in the header that you signed.',
		});
	}

	const questionMark = target.indexOf('?');
	if (questionMark !== -1) {
		result.push({
			part: 'the query is left out',
			value: line(method, target.slice(0, questionMark), {}),
			hint: 'sign the path with its query (?api-version=…).',
		});
	}

	const decoded = safeDecode(target);
	if (decoded !== target) {
		result.push({
			part: 'the path is signed decoded',
			value: line(method, decoded),
			hint: 'sign the path as sent, percent-encoding kept (8%3Aacs%3A…).',
		});
	}

	if (method !== method.toLowerCase()) {
		result.push({
			part: 'the method is signed in lower case',
			value: line(method.toLowerCase(), target),
			hint: 'sign the method in upper case.',
		});
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
