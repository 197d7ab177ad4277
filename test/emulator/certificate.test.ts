import {X509Certificate} from 'node:crypto';
import {readFile, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadOrCreateTls} from '../../source/emulator/certificate.js';
import {temporaryDirectory} from '../_helpers/cli.js';

const day = 24 * 60 * 60 * 1000;
const read = (directory: string, name: string) => readFile(path.join(directory, name), 'utf8');

/** The server certificate (first in the chain) and whether the CA file signed it. */
async function chainOf(directory: string, chain: string) {
	const leaf = new X509Certificate(chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25));
	const ca = new X509Certificate(await read(directory, 'ca.pem'));
	return {leaf, ca, signedByCa: leaf.checkIssued(ca) && leaf.verify(ca.publicKey)};
}

afterEach(() => {
	vi.useRealTimers();
});

describe('the emulator certificate', () => {
	it('is made once: a CA (its key kept, mode 600) and a server certificate it signs for localhost', async () => {
		const directory = await temporaryDirectory();
		const first = await loadOrCreateTls(directory);
		expect((await stat(path.join(directory, 'ca-key.pem'))).mode & 0o777).toBe(0o600);
		expect((await stat(path.join(directory, 'localhost-key.pem'))).mode & 0o777).toBe(0o600);
		const {leaf, signedByCa} = await chainOf(directory, first.cert);
		expect(signedByCa).toBe(true);
		expect(leaf.subjectAltName).toContain('DNS:localhost');
		expect(await loadOrCreateTls(directory)).toEqual(first);
	});

	it('renews the server certificate a month before it expires with the same CA, so what was trusted stays trusted', async () => {
		const directory = await temporaryDirectory();
		await loadOrCreateTls(directory);
		const ca = await read(directory, 'ca.pem');
		const leaf = await read(directory, 'localhost.pem');

		vi.useFakeTimers({toFake: ['Date']});
		vi.setSystemTime(Date.now() + 380 * day);
		const renewed = await loadOrCreateTls(directory);
		expect(await read(directory, 'ca.pem')).toBe(ca);
		expect(await read(directory, 'localhost.pem')).not.toBe(leaf);
		const chain = await chainOf(directory, renewed.cert);
		expect(chain.signedByCa).toBe(true);
		expect(Date.parse(chain.leaf.validTo)).toBeGreaterThan(Date.now() + 390 * day);
	});

	it('makes a new CA where its key was not kept (an older data directory) or it would expire first', async () => {
		const directory = await temporaryDirectory();
		await loadOrCreateTls(directory);
		const ca = await read(directory, 'ca.pem');
		await rm(path.join(directory, 'ca-key.pem'));

		vi.useFakeTimers({toFake: ['Date']});
		vi.setSystemTime(Date.now() + 380 * day);
		const renewed = await loadOrCreateTls(directory);
		const newCa = await read(directory, 'ca.pem');
		expect(newCa).not.toBe(ca);
		expect((await chainOf(directory, renewed.cert)).signedByCa).toBe(true);
		expect((await stat(path.join(directory, 'ca-key.pem'))).mode & 0o777).toBe(0o600);

		// Nine years on, that CA has less time left (ten years from its making) than a server certificate lasts.
		vi.setSystemTime(Date.now() + 3300 * day);
		await loadOrCreateTls(directory);
		expect(await read(directory, 'ca.pem')).not.toBe(newCa);
	});
});
