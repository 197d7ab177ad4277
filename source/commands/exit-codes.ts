import type {IdentityErrorKind} from '../identity/errors.js';

/** Documented in the README; scripts rely on them. */
export const exitCodes = {
	ok: 0,
	/** The operation failed for another reason (a token that does not verify, a service error). */
	failure: 1,
	/** The command was called wrongly, or the service refused the input (400). */
	usage: 2,
	/** The access key was refused, or the identity belongs to another resource. */
	authentication: 3,
	/** The identity does not exist (any more). */
	notFound: 4,
	/** The endpoint could not be reached, or its certificate is not trusted. */
	network: 5,
	cancelled: 130,
} as const;

export function exitCodeFor(kind: IdentityErrorKind): number {
	switch (kind) {
		case 'authentication':
		case 'not-owned': {
			return exitCodes.authentication;
		}

		case 'not-found': {
			return exitCodes.notFound;
		}

		case 'network':
		case 'untrusted-certificate': {
			return exitCodes.network;
		}

		case 'validation':
		case 'no-connection': {
			return exitCodes.usage;
		}

		case 'cancelled': {
			return exitCodes.cancelled;
		}

		case 'service': {
			return exitCodes.failure;
		}
	}
}
