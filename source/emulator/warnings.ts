/**
 * What the emulator tells a person in its log, as data: the emulator command says it in the
 * user's language, a library user gets `message` (English) and may read the fields.
 */
export type EmulatorWarning =
	| {readonly kind: 'unknown-api-version'; readonly version: string; readonly answeredAs: string}
	| {
			readonly kind: 'signature-mismatch';
			readonly method: string;
			readonly target: string;
			readonly signedHeaders: readonly string[];
			/** JSON-quoted, cut at 2,000 characters. */
			readonly stringToSign: string;
			/** The one part that, signed otherwise, reproduces the signature received; none if no single part does. */
			readonly culprit?: SignatureCulprit;
	  }
	| {readonly kind: 'torn-journal'; readonly path: string; readonly bytes: number; readonly at: number};

export type SignatureCulprit =
	| {readonly part: 'host-without-port'; readonly hostname: string}
	| {readonly part: 'body-hash'}
	| {readonly part: 'query-left-out'}
	| {readonly part: 'path-decoded'}
	| {readonly part: 'method-lower-case'};

export type WarningListener = (message: string, warning: EmulatorWarning) => void;

function culpritText(culprit: SignatureCulprit): string {
	switch (culprit.part) {
		case 'host-without-port': {
			return `the host is signed as ${culprit.hostname}: sign the Host header exactly as sent, with its port.`;
		}

		case 'body-hash': {
			return 'x-ms-content-sha256 is the hash of the body sent: send the same hash in the header that you signed.';
		}

		case 'query-left-out': {
			return 'the query is left out: sign the path with its query (?api-version=…).';
		}

		case 'path-decoded': {
			return 'the path is signed decoded: sign the path as sent, percent-encoding kept (8%3Aacs%3A…).';
		}

		case 'method-lower-case': {
			return 'the method is signed in lower case: sign the method in upper case.';
		}
	}
}

/** The English log line. */
export function warningMessage(warning: EmulatorWarning): string {
	switch (warning.kind) {
		case 'unknown-api-version': {
			return `api-version ${warning.version} is not one the emulator knows; answering it as ${warning.answeredAs} (--skip-api-version-check).`;
		}

		case 'signature-mismatch': {
			const verdict = warning.culprit
				? `It matches the signature received if ${culpritText(warning.culprit)}`
				: 'No single part explains it: check that the key is the base64-decoded access key of this emulator, and compare each line.';
			return `Signature mismatch on ${warning.method} ${warning.target}. String to sign (method, path and query, ${warning.signedHeaders.join(';')}): ${warning.stringToSign}. ${verdict}`;
		}

		case 'torn-journal': {
			return `The emulator's journal ${warning.path} ended in an unfinished line (${warning.bytes} bytes at byte ${warning.at}), a write cut short by a crash before it was acknowledged; it was dropped.`;
		}
	}
}

/** Calls the listener with the English line and the data. */
export function warn(listener: WarningListener | undefined, warning: EmulatorWarning): void {
	listener?.(warningMessage(warning), warning);
}
