import {createPrivateKey, generateKeyPairSync, X509Certificate} from 'node:crypto';
import {readFile, rm, stat, writeFile} from 'node:fs/promises';
import forge from 'node-forge';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {loadOrCreateTls} from '../../source/emulator/certificate.js';
import {temporaryDirectory} from '../_helpers/cli.js';

const day = 24 * 60 * 60 * 1000;
const read = (directory: string, name: string) => readFile(path.join(directory, name), 'utf8');

/** A certificate's issuer or subject name, as encoded (strict clients compare the bytes). */
function nameDer(pem: string, which: 'issuer' | 'subject'): string {
	const tbs = forge.asn1.fromDer(forge.pem.decode(pem)[0]?.body ?? '').value[0] as forge.asn1.Asn1;
	// tbsCertificate: [0] version, serial, signature algorithm, issuer, validity, subject, …
	return forge.asn1.toDer((tbs.value as forge.asn1.Asn1[])[which === 'issuer' ? 3 : 5] as forge.asn1.Asn1).toHex();
}

/** The server certificate (first in the chain) and whether the CA file signed it, with the key served. */
async function chainOf(directory: string, material: {cert: string; key: string}) {
	const leafPem = material.cert.slice(0, material.cert.indexOf('-----END CERTIFICATE-----') + 25);
	const leaf = new X509Certificate(leafPem);
	const caPem = await read(directory, 'ca.pem');
	const ca = new X509Certificate(caPem);
	const signedByCa =
		leaf.checkIssued(ca) &&
		leaf.verify(ca.publicKey) &&
		leaf.checkPrivateKey(createPrivateKey(material.key)) &&
		nameDer(leafPem, 'issuer') === nameDer(caPem, 'subject');
	return {leaf, ca, signedByCa};
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
		const {leaf, signedByCa} = await chainOf(directory, first);
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
		const chain = await chainOf(directory, renewed);
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
		expect((await chainOf(directory, renewed)).signedByCa).toBe(true);
		expect((await stat(path.join(directory, 'ca-key.pem'))).mode & 0o777).toBe(0o600);

		// Nine years on, that CA has less time left (ten years from its making) than a server certificate lasts.
		vi.setSystemTime(Date.now() + 3300 * day);
		await loadOrCreateTls(directory);
		expect(await read(directory, 'ca.pem')).not.toBe(newCa);
	});

	it('repairs files that do not belong together, whatever a crash or a hand left', async () => {
		const directory = await temporaryDirectory();
		await loadOrCreateTls(directory);
		const other = await temporaryDirectory();
		await loadOrCreateTls(other);
		const unrelatedKey = generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey.export({type: 'pkcs8', format: 'pem'}).toString();
		const cases: [string, () => Promise<void>][] = [
			// An older data directory's upgrade, cut short after the new CA key was written.
			['a CA key that is not the CA\'s, and no server certificate', async () => {
				await writeFile(path.join(directory, 'ca-key.pem'), unrelatedKey);
				await rm(path.join(directory, 'localhost.pem'));
			}],
			['a server certificate another CA signed', async () => {
				await writeFile(path.join(directory, 'localhost.pem'), await read(other, 'localhost.pem'));
			}],
			['a server key that is not the certificate\'s', async () => {
				await writeFile(path.join(directory, 'localhost-key.pem'), unrelatedKey);
			}],
			['a damaged CA key, and no server certificate', async () => {
				await writeFile(path.join(directory, 'ca-key.pem'), 'not a key');
				await rm(path.join(directory, 'localhost.pem'));
			}],
		];
		for (const [what, damage] of cases) {
			await damage();
			const repaired = await loadOrCreateTls(directory);
			expect((await chainOf(directory, repaired)).signedByCa, what).toBe(true);
			// And it stays repaired.
			expect(await loadOrCreateTls(directory), what).toEqual(repaired);
		}
	});
});
