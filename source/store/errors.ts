import {text} from '../text/index.js';

/** Every error the store throws; `instanceof StoreError` catches them all. */
export class StoreError extends Error {
	override name = 'StoreError';
}

/** A value handed to the store that it will not write. */
export class InvalidStoreValueError extends StoreError {
	override name = 'InvalidStoreValueError';

	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

export class UnknownProfileError extends StoreError {
	override name = 'UnknownProfileError';

	constructor(
		readonly profileName: string,
		knownProfiles: readonly string[],
	) {
		super(text.errors.unknownProfile(profileName, knownProfiles));
	}
}

export class UnknownIdentityError extends StoreError {
	override name = 'UnknownIdentityError';

	constructor(
		readonly profileName: string,
		readonly identity: string,
	) {
		super(
			text.store.unknownIdentity(profileName, identity),
		);
	}
}

export class DuplicateLabelError extends StoreError {
	override name = 'DuplicateLabelError';

	constructor(
		readonly profileName: string,
		readonly label: string,
		readonly existingId: string,
	) {
		super(
			text.store.duplicateLabel(label, existingId, profileName),
		);
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

export class ConfigDirectoryError extends StoreError {
	override name = 'ConfigDirectoryError';
}
