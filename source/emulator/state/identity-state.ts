/** What the emulator remembers of one identity. Deleted identities stay as tombstones. */
export type IdentityRecord = {
	readonly id: string;
	readonly customId?: string;
	readonly createdAt: number;
	readonly lastTokenIssuedAt?: number;
	/** Tokens issued before this instant (milliseconds) are revoked. */
	readonly revokedAt?: number;
	/**
	 * Token `iat` has whole seconds only: tokens issued after a revoke but in the same second
	 * are told apart from those before it by their fingerprints.
	 */
	readonly issuedInRevocationSecond?: readonly string[];
	readonly deletedAt?: number;
};

export type StateChange =
	| {readonly op: 'create'; readonly id: string; readonly at: number; readonly customId?: string}
	| {readonly op: 'issue'; readonly id: string; readonly at: number; readonly fingerprint: string}
	| {readonly op: 'revoke'; readonly id: string; readonly at: number}
	| {readonly op: 'delete'; readonly id: string; readonly at: number};

/** The store behind the emulator: memory or a data directory, chosen in one place (server.ts). */
export type IdentityState = {
	get(id: string): IdentityRecord | undefined;
	findByCustomId(customId: string): IdentityRecord | undefined;
	/** Applies the change at once; resolves when it is durable (at once in memory). */
	commit(change: StateChange): Promise<void>;
	close(): Promise<void>;
};

export class IdentityTable {
	readonly records = new Map<string, IdentityRecord>();
	readonly #byCustomId = new Map<string, string>();

	constructor(records: Iterable<IdentityRecord> = []) {
		for (const record of records) {
			this.records.set(record.id, record);
			if (record.customId !== undefined && record.deletedAt === undefined) {
				this.#byCustomId.set(record.customId, record.id);
			}
		}
	}

	get(id: string): IdentityRecord | undefined {
		return this.records.get(id);
	}

	findByCustomId(customId: string): IdentityRecord | undefined {
		const id = this.#byCustomId.get(customId);
		return id === undefined ? undefined : this.records.get(id);
	}

	apply(change: StateChange): void {
		if (change.op === 'create') {
			this.records.set(change.id, {
				id: change.id,
				createdAt: change.at,
				...(change.customId === undefined ? {} : {customId: change.customId}),
			});
			if (change.customId !== undefined) {
				this.#byCustomId.set(change.customId, change.id);
			}

			return;
		}

		const record = this.records.get(change.id);
		if (!record) {
			return;
		}

		switch (change.op) {
			case 'issue': {
				const inRevocationSecond =
					record.revokedAt !== undefined && Math.floor(record.revokedAt / 1000) === Math.floor(change.at / 1000);
				this.records.set(change.id, {
					...record,
					lastTokenIssuedAt: change.at,
					...(inRevocationSecond
						? {issuedInRevocationSecond: [...(record.issuedInRevocationSecond ?? []), change.fingerprint]}
						: {}),
				});
				break;
			}

			case 'revoke': {
				const {issuedInRevocationSecond: _, ...rest} = record;
				this.records.set(change.id, {...rest, revokedAt: change.at});
				break;
			}

			case 'delete': {
				if (record.customId !== undefined) {
					this.#byCustomId.delete(record.customId);
				}

				this.records.set(change.id, {...record, deletedAt: change.at});
				break;
			}
		}
	}
}

export function createMemoryState(): IdentityState {
	const table = new IdentityTable();
	return {
		get: id => table.get(id),
		findByCustomId: customId => table.findByCustomId(customId),
		async commit(change) {
			table.apply(change);
		},
		async close() {},
	};
}
