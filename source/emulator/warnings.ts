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
	| {readonly kind: 'torn-journal'; readonly path: string; readonly bytes: number; readonly at: number}
	| {
			readonly kind: 'request-denied';
			readonly method: string;
			/** Cut at 200 characters, control characters escaped. */
			readonly target: string;
			readonly reason: DenialReason;
	  };

/**
 * Why a request got the service's plain `401 Denied` (a signature that does not match is
 * `signature-mismatch`, with its own diagnosis). Nothing the client sent is repeated but the
 * names of the scheme's own headers and, for a skewed clock, the instant it signed.
 */
export type DenialReason =
	| {readonly why: 'no-authorization'}
	/** Neither `HMAC-SHA256 SignedHeaders=…&Signature=…` nor `Bearer …`. */
	| {readonly why: 'not-hmac'}
	| {readonly why: 'signature-not-canonical'}
	/** SignedHeaders names a header outside the scheme, or one twice. */
	| {readonly why: 'headers-outside-scheme'}
	| {readonly why: 'signed-header-absent'; readonly header: string}
	| {readonly why: 'required-unsigned'; readonly missing: readonly string[]}
	| {readonly why: 'date-unreadable'; readonly header: string}
	| {readonly why: 'clock-skew'; readonly header: string; readonly sentAt: string; readonly minutes: number; readonly allowedMinutes: number}
	| {readonly why: 'bearer-not-enabled'}
	| {readonly why: 'bearer-needs-https'}
	| {readonly why: 'bearer-not-jwt'}
	| {readonly why: 'bearer-wrong-audience'}
	| {readonly why: 'bearer-expired'};

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

function denialText(reason: DenialReason): string {
	switch (reason.why) {
		case 'no-authorization': {
			return 'the request has no Authorization header. Sign it with the access key (HMAC-SHA256), or send a Microsoft Entra ID token as Bearer.';
		}

		case 'not-hmac': {
			return 'its Authorization header is neither "HMAC-SHA256 SignedHeaders=…&Signature=…" nor "Bearer <token>".';
		}

		case 'signature-not-canonical': {
			return 'its Signature is not the canonical base64 of 32 bytes (an HMAC-SHA256, base64 with its padding and nothing after it).';
		}

		case 'headers-outside-scheme': {
			return 'its SignedHeaders may name only x-ms-date (or date), host and x-ms-content-sha256, each once.';
		}

		case 'signed-header-absent': {
			return `its SignedHeaders names ${reason.header}, which the request does not carry.`;
		}

		case 'required-unsigned': {
			return `its SignedHeaders must include host, x-ms-content-sha256 and x-ms-date (or date); missing: ${reason.missing.join(', ')}.`;
		}

		case 'date-unreadable': {
			return `its ${reason.header} header is not a date (an HTTP date, e.g. Tue, 01 Dec 2026 21:30:00 GMT).`;
		}

		case 'clock-skew': {
			return `it was signed at ${reason.sentAt} (${reason.header}), ${reason.minutes} minutes from the emulator's clock; at most ${reason.allowedMinutes} are allowed. Check the client's clock.`;
		}

		case 'bearer-not-enabled': {
			return 'it carries a bearer token, and Microsoft Entra ID tokens are taken only with --allow-entra (over HTTPS).';
		}

		case 'bearer-needs-https': {
			return 'it carries a bearer token over plain HTTP; Microsoft Entra ID tokens are taken only over HTTPS.';
		}

		case 'bearer-not-jwt': {
			return 'its bearer token is not a JWT.';
		}

		case 'bearer-wrong-audience': {
			return 'its bearer token is not for Communication Services (aud https://communication.azure.com).';
		}

		case 'bearer-expired': {
			return 'its bearer token has expired, or is not valid yet.';
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

		case 'request-denied': {
			return `401 Denied on ${warning.method} ${warning.target}: ${denialText(warning.reason)}`;
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
