/**
 * Writes source/store/generated/validate-store.js: the store's JSON schema compiled by ajv
 * ahead of time (ajv's standalone code), so that no run of acs-tokens compiles it (that cost
 * some 35 ms of every command that opens the store). `npm run generate` writes it again;
 * test/store/schema.test.ts fails when the committed file is not what the schema gives.
 */
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {storeValidatorSource} from './store-validator-source.js';

const target = path.resolve(import.meta.dirname, '../source/store/generated/validate-store.js');
await writeFile(target, await storeValidatorSource());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
