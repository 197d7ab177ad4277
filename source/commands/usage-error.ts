/** A mistake in how the command was called: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
	override name = 'UsageError';
	readonly exitCode: number = 2;
}

/** A destructive command without confirmation where none can be asked. */
export class NotConfirmedError extends UsageError {
	override name = 'NotConfirmedError';
}
