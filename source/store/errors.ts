import {type ErrorKind, UserError} from '../errors/user-error.js';
import {text} from '../text/index.js';

/**
 * Every error the store throws; `instanceof StoreError` catches them all. Kind `local` (a file
 * of this machine: damaged, locked, newer) unless a subclass says the user named something wrong.
 */
export class StoreError extends UserError {
	override name = 'StoreError';

	constructor(message: string, options?: ErrorOptions & {readonly kind?: ErrorKind; readonly inWizard?: string}) {
		super(options?.kind ?? 'local', message, options);
	}
}

/** A value handed to the store that it will not write. */
export class InvalidStoreValueError extends StoreError {
	override name = 'InvalidStoreValueError';

	constructor(
		readonly field: string,
		message: string,
	) {
		super(message, {kind: 'usage'});
	}
}

export class UnknownProfileError extends StoreError {
	override name = 'UnknownProfileError';

	constructor(
		readonly profileName: string,
		knownProfiles: readonly string[],
	) {
		super(text.errors.unknownProfile(profileName, knownProfiles), {kind: 'usage', inWizard: text.errors.inWizard.unknownProfile(profileName, knownProfiles)});
	}
}

export class UnknownIdentityError extends StoreError {
	override name = 'UnknownIdentityError';

	constructor(
		readonly profileName: string,
		readonly identity: string,
	) {
		super(text.store.unknownIdentity(profileName, identity), {kind: 'usage'});
	}
}

export class DuplicateLabelError extends StoreError {
	override name = 'DuplicateLabelError';

	constructor(
		readonly profileName: string,
		readonly label: string,
		readonly existingId: string,
	) {
		super(text.store.duplicateLabel(label, existingId, profileName), {kind: 'usage'});
	}
}

/** The file was written by a newer acs-tokens; it is left exactly as it is. */
export class StoreVersionError extends StoreError {
	override name = 'StoreVersionError';

	constructor(
		readonly path: string,
		readonly fileVersion: string,
		readonly supportedVersion: string,
	) {
		super(
			text.store.newerFormat(path, fileVersion, supportedVersion),
		);
	}
}

/** The file turned unreadable while the store was open (edited by hand, or by another program). */
export class CorruptStoreError extends StoreError {
	override name = 'CorruptStoreError';

	constructor(
		readonly path: string,
		reason: string,
	) {
		super(
			text.store.corrupt(path, reason),
		);
	}
}

export class StoreLockError extends StoreError {
	override name = 'StoreLockError';

	constructor(
		readonly lockPath: string,
		options?: ErrorOptions,
	) {
		super(
			text.store.lockHeld(lockPath),
			options,
		);
	}
}

/**
 * The system refused the config file or its lock (EACCES, EISDIR, EROFS, ENOSPC, …): this
 * machine's side, kind `local`, named with the path and the system's code. Any error of the
 * store's own file operations that carries a code becomes one (`asStoreFileError`).
 */
export class StoreFileError extends StoreError {
	override name = 'StoreFileError';

	constructor(
		readonly path: string,
		readonly code: string,
		options?: ErrorOptions,
	) {
		super(text.store.fileUnusable(path, code), options);
	}
}

/** `error` as a StoreFileError if it is a system error (it has an errno code), else as it is. */
export function asStoreFileError(filePath: string, error: unknown): unknown {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	return error instanceof UserError || typeof code !== 'string' ? error : new StoreFileError(filePath, code, {cause: error});
}

/** A config directory that cannot be used: `usage` when the value given is wrong, `local` when the disk refuses it. */
export class ConfigDirectoryError extends StoreError {
	override name = 'ConfigDirectoryError';
}
