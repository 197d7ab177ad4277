/** What the emulator remembers of one identity. Deleted identities stay as tombstones. */
export type IdentityRecord = {
	readonly id: string;
	readonly customId?: string;
	readonly createdAt: number;
	readonly lastTokenIssuedAt?: number;
	/** The `iat` of the newest token issued, in seconds. */
	readonly lastIat?: number;
	readonly revokedAt?: number;
	/**
	 * Tokens whose `iat` (whole seconds) is at most this are revoked. Tokens issued later in
	 * the same second as a revoke get the next second as `iat`, so the boundary is exact.
	 */
	readonly revokedThroughIat?: number;
	readonly deletedAt?: number;
};

export type StateChange =
	| {readonly op: 'create'; readonly id: string; readonly at: number; readonly customId?: string}
	| {readonly op: 'issue'; readonly id: string; readonly at: number; readonly iat: number}
	| {readonly op: 'revoke'; readonly id: string; readonly at: number; readonly throughIat: number}
	| {readonly op: 'delete'; readonly id: string; readonly at: number};

/** The store behind the emulator: memory or a data directory, chosen in one place (server.ts). */
export type IdentityState = {
	get(id: string): IdentityRecord | undefined;
	findByCustomId(customId: string): IdentityRecord | undefined;
	/** Applies the change at once; resolves when it is durable (at once in memory). */
	commit(change: StateChange): Promise<void>;
	/** Resolves once every change committed so far is durable: before answering from a record another request made. */
	settled(): Promise<void>;
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
				this.records.set(change.id, {
					...record,
					lastTokenIssuedAt: change.at,
					lastIat: Math.max(record.lastIat ?? 0, change.iat),
				});
				break;
			}

			case 'revoke': {
				this.records.set(change.id, {...record, revokedAt: change.at, revokedThroughIat: change.throughIat});
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
		async settled() {},
		async close() {},
	};
}
