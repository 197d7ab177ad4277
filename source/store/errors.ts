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
			`Profile ${JSON.stringify(profileName)} has no identity ${JSON.stringify(identity)}. List the identities it knows, and use one of their ids or labels.`,
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
			`The label ${JSON.stringify(label)} is already used by ${existingId} in profile ${JSON.stringify(profileName)}. Choose another label, or rename or forget that identity first.`,
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
			`${path} has data format ${fileVersion}, newer than the ${supportedVersion} this acs-tokens reads. Upgrade acs-tokens, or use another directory with --config-dir.`,
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
			`${path} cannot be read: ${reason}. Fix it by hand, or run acs-tokens again: it moves a broken file aside and starts afresh.`,
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
			`Another acs-tokens has held ${lockPath} for too long. Try again; if no other acs-tokens is running, remove that directory.`,
			options,
		);
	}
}

export class ConfigDirectoryError extends StoreError {
	override name = 'ConfigDirectoryError';
}
