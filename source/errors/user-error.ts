/**
 * The one error model. Every error a user can cause is a UserError with a kind, and the kind
 * alone decides the exit code and the `--json` `kind`, in every command (README, "Exit codes").
 * Whatever else reaches the top is a bug in acs-tokens: exit 70, with its stack trace.
 * Errors of the two parts that import nothing of ours (protocol/, emulator/) are turned into
 * these where the client calls them, said in the user's language.
 */
export type ErrorKind =
	/** Called wrongly: a flag or value, a profile or identity that does not exist, a label in use. */
	| 'usage'
	/** Nothing to connect with: no flag, no environment variable, no .env, no saved profile, or a profile's key is gone. */
	| 'no-connection'
	/** The service refused the input (400). */
	| 'validation'
	| 'authentication'
	| 'not-owned'
	| 'not-found'
	| 'network'
	| 'untrusted-certificate'
	/** Any other answer of the service. */
	| 'service'
	/** This machine's side: a damaged or locked file, a directory that cannot be used. */
	| 'local'
	/** Declined at a prompt, or Esc, or Ctrl+C during a request. */
	| 'cancelled';

/** Documented in the README; scripts rely on them. */
export const exitCodes = {
	ok: 0,
	/** The operation failed for another reason (a token that does not verify, a service error, a file). */
	failure: 1,
	/** The command was called wrongly, nothing to connect with, or the service refused the input (400). */
	usage: 2,
	/** The access key was refused, or the identity belongs to another resource. */
	authentication: 3,
	/** The identity does not exist (any more). */
	notFound: 4,
	/** The endpoint could not be reached, or its certificate is not trusted. */
	network: 5,
	/** A bug in acs-tokens: the message says so and shows the stack trace. */
	bug: 70,
	cancelled: 130,
} as const;

export function exitCodeFor(kind: ErrorKind): number {
	switch (kind) {
		case 'usage':
		case 'validation':
		case 'no-connection': {
			return exitCodes.usage;
		}

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

		case 'cancelled': {
			return exitCodes.cancelled;
		}

		case 'service':
		case 'local': {
			return exitCodes.failure;
		}
	}
}

/** An error a user can cause: its message says what is wrong and what to do, with no stack trace. */
export class UserError extends Error {
	override name = 'UserError';
	/** Facts printed beside the message under `--json` (a service's code and request id). */
	readonly details: Readonly<Record<string, unknown>>;
	/** The message as the wizard says it, where the advice of `message` names flags or commands. */
	readonly inWizard: string;
	/**
	 * The work was given up at a deadline while a library may still be at it (retries it started
	 * itself): a command that fails so ends once it has said so, without waiting for that work.
	 */
	readonly abandoned: boolean;

	constructor(
		readonly kind: ErrorKind,
		message: string,
		options?: ErrorOptions & {readonly details?: Readonly<Record<string, unknown>>; readonly inWizard?: string; readonly abandoned?: boolean},
	) {
		super(message, options);
		this.details = options?.details ?? {};
		this.inWizard = options?.inWizard ?? message;
		this.abandoned = options?.abandoned ?? false;
	}
}
