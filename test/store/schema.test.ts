import {readFile} from 'node:fs/promises';
import path from 'node:path';
import Conf from 'conf';
import {describe, expect, it} from 'vitest';
import {storeRootSchema, storeSchema} from '../../source/store/schema.js';
import {defaultSettings, type StoreData} from '../../source/store/types.js';
import {temporaryDirectory} from './temporary-directory.js';

describe('the schema', () => {
	// The store skips this check when it opens, to start faster.
	it('is valid JSON Schema 2020-12, under ajv strict mode', async () => {
		const create = async () =>
			new Conf<StoreData>({
				cwd: await temporaryDirectory(),
				schema: storeSchema,
				rootSchema: storeRootSchema,
				ajvOptions: {strict: true, validateSchema: true},
				defaults: {profiles: [], settings: defaultSettings},
			});
		await expect(create()).resolves.toBeInstanceOf(Conf);
	});

	it('is the one compiled into source/store/generated/validate-store.js (npm run generate writes it again)', async () => {
		const {storeValidatorSource} = await import('../../scripts/store-validator-source.js');
		const committed = await readFile(path.resolve(import.meta.dirname, '../../source/store/generated/validate-store.js'), 'utf8');
		expect(committed, 'the committed validator is out of date: run npm run generate').toBe(await storeValidatorSource());
	});
});
