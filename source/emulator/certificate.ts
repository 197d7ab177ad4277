import {generateKeyPairSync, randomBytes} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {ensureDirectory} from './data-directory.js';
import {writeFileAtomic} from './state/atomic-write.js';

export type TlsMaterial = {
	/** The local CA to trust (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, SSL_CERT_FILE). */
	readonly certificatePath: string;
	/** Server certificate chain (leaf, then CA) and its key, for https.createServer. */
	readonly cert: string;
	readonly key: string;
};

const caName = 'ca.pem';
const serverCertName = 'localhost.pem';
const serverKeyName = 'localhost-key.pem';
const renewBefore = 30 * 24 * 60 * 60 * 1000;

/**
 * A local CA and a server certificate it signs for localhost, 127.0.0.1 and ::1, made once and
 * kept. A CA plus leaf (rather than one self-signed leaf) passes strict chain checks such as
 * Python 3.13's VERIFY_X509_STRICT. node-forge is loaded only when certificates are made.
 */
export async function loadOrCreateTls(directory: string): Promise<TlsMaterial> {
	const certificatePath = path.join(directory, caName);
	try {
		const [ca, cert, key] = await Promise.all(
			[caName, serverCertName, serverKeyName].map(name => readFile(path.join(directory, name), 'utf8')),
		);
		if (ca && cert && key && (await expiresAfter(cert, Date.now() + renewBefore).catch(() => false))) {
			return {certificatePath, cert: `${cert}${ca}`, key};
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw error;
		}
	}

	await ensureDirectory(directory);
	const made = await createCertificates();
	await writeFileAtomic(path.join(directory, serverKeyName), made.key);
	await writeFileAtomic(path.join(directory, serverCertName), made.cert, 0o644);
	await writeFileAtomic(certificatePath, made.ca, 0o644);
	return {certificatePath, cert: `${made.cert}${made.ca}`, key: made.key};
}

async function expiresAfter(pem: string, instant: number): Promise<boolean> {
	const {X509Certificate} = await import('node:crypto');
	return Date.parse(new X509Certificate(pem).validTo) > instant;
}

async function createCertificates(): Promise<{ca: string; cert: string; key: string}> {
	const {default: forge} = await import('node-forge');
	const {pki} = forge;
	const makeKeys = () => {
		const pair = generateKeyPairSync('rsa', {modulusLength: 2048});
		return {
			pem: pair.privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
			privateKey: pki.privateKeyFromPem(pair.privateKey.export({type: 'pkcs1', format: 'pem'}).toString()),
			publicKey: pki.publicKeyFromPem(pair.publicKey.export({type: 'spki', format: 'pem'}).toString()),
		};
	};

	const day = 24 * 60 * 60 * 1000;
	const notBefore = new Date(Date.now() - 60 * 60 * 1000);
	const caKeys = makeKeys();
	const serverKeys = makeKeys();
	const caSubject = [
		{name: 'commonName', value: 'acs-tokens emulator local CA'},
		{name: 'organizationName', value: 'acs-tokens'},
	];

	const ca = pki.createCertificate();
	ca.publicKey = caKeys.publicKey;
	ca.serialNumber = `01${randomBytes(15).toString('hex')}`;
	ca.validity.notBefore = notBefore;
	ca.validity.notAfter = new Date(Date.now() + 3650 * day);
	ca.setSubject(caSubject);
	ca.setIssuer(caSubject);
	ca.setExtensions([
		{name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true},
		{name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true},
		{name: 'subjectKeyIdentifier'},
		{name: 'authorityKeyIdentifier', keyIdentifier: true},
	]);
	ca.sign(caKeys.privateKey, forge.md.sha256.create());

	const server = pki.createCertificate();
	server.publicKey = serverKeys.publicKey;
	server.serialNumber = `02${randomBytes(15).toString('hex')}`;
	server.validity.notBefore = notBefore;
	// 397 days: the longest validity that browsers and Apple platforms accept.
	server.validity.notAfter = new Date(Date.now() + 397 * day);
	server.setSubject([{name: 'commonName', value: 'localhost'}]);
	server.setIssuer(caSubject);
	server.setExtensions([
		{name: 'basicConstraints', cA: false, critical: true},
		{name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true},
		{name: 'extKeyUsage', serverAuth: true},
		{
			name: 'subjectAltName',
			altNames: [
				{type: 2, value: 'localhost'},
				{type: 7, ip: '127.0.0.1'},
				{type: 7, ip: '::1'},
			],
		},
		{name: 'subjectKeyIdentifier'},
		{name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes()},
	]);
	server.sign(caKeys.privateKey, forge.md.sha256.create());

	return {ca: pki.certificateToPem(ca), cert: pki.certificateToPem(server), key: serverKeys.pem};
}
