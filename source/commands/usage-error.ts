import {UserError} from '../errors/user-error.js';

/** A mistake in how the command was called: printed without a stack trace, kind `usage`, exit code 2. */
export class UsageError extends UserError {
	override name = 'UsageError';

	constructor(message: string, options?: ErrorOptions) {
		super('usage', message, options);
	}
}

/** A destructive command without confirmation where none can be asked. */
export class NotConfirmedError extends UsageError {
	override name = 'NotConfirmedError';
}
