import {createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, X509Certificate} from 'node:crypto';
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
const caKeyName = 'ca-key.pem';
const serverCertName = 'localhost.pem';
const serverKeyName = 'localhost-key.pem';
const day = 24 * 60 * 60 * 1000;
const renewBefore = 30 * day;
/** 397 days: the longest validity that browsers and Apple platforms accept. */
const serverValidity = 397 * day;

type Ca = {readonly cert: string; readonly key: string};

/**
 * A local CA and a server certificate it signs for localhost, 127.0.0.1 and ::1, made once and
 * kept. A CA plus leaf (rather than one self-signed leaf) passes strict chain checks such as
 * Python 3.13's VERIFY_X509_STRICT. The server certificate is renewed a month before it
 * expires by the same CA (its key is kept, mode 600), so what people trusted stays trusted;
 * a new CA is made only when there is none, or it would expire first. node-forge is loaded
 * only when certificates are made.
 */
export async function loadOrCreateTls(directory: string): Promise<TlsMaterial> {
	const certificatePath = path.join(directory, caName);
	const [ca, caKey, cert, key] = await Promise.all(
		[caName, caKeyName, serverCertName, serverKeyName].map(name => readIfThere(path.join(directory, name))),
	);
	// Files that do not belong together (a crash between two writes, a hand edit) are made again.
	if (ca && cert && key && validPair(cert, key, Date.now() + renewBefore, ca)) {
		return {certificatePath, cert: `${cert}${ca}`, key};
	}

	await ensureDirectory(directory);
	const keptCa = ca && caKey && validPair(ca, caKey, Date.now() + serverValidity) ? {cert: ca, key: caKey} : undefined;
	const made = await createCertificates(keptCa);
	// The CA first, key then certificate, the server's after: whatever a crash leaves, the
	// checks above take it or make it again.
	if (!keptCa) {
		await writeFileAtomic(path.join(directory, caKeyName), made.ca.key);
		await writeFileAtomic(certificatePath, made.ca.cert, 0o644);
	}

	await writeFileAtomic(path.join(directory, serverKeyName), made.key);
	await writeFileAtomic(path.join(directory, serverCertName), made.cert, 0o644);
	return {certificatePath, cert: `${made.cert}${made.ca.cert}`, key: made.key};
}

/**
 * Whether `pem` is a certificate that `keyPem` is the key of, still valid at `until`, and (with
 * `issuer`) signed by that CA. False for anything that cannot be read.
 */
function validPair(pem: string, keyPem: string, until: number, issuer?: string): boolean {
	try {
		const certificate = new X509Certificate(pem);
		const issuedBy = issuer === undefined ? undefined : new X509Certificate(issuer);
		return (
			Date.parse(certificate.validTo) > until &&
			certificate.checkPrivateKey(createPrivateKey(keyPem)) &&
			(issuedBy === undefined || (certificate.checkIssued(issuedBy) && certificate.verify(issuedBy.publicKey)))
		);
	} catch {
		return false;
	}
}

async function readIfThere(file: string): Promise<string | undefined> {
	try {
		return await readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

async function createCertificates(kept: Ca | undefined): Promise<{ca: Ca; cert: string; key: string}> {
	const {default: forge} = await import('node-forge');
	const {pki} = forge;
	const forgeKeys = (privateKey: KeyObject) => ({
		pem: privateKey.export({type: 'pkcs8', format: 'pem'}).toString(),
		privateKey: pki.privateKeyFromPem(privateKey.export({type: 'pkcs1', format: 'pem'}).toString()),
		publicKey: pki.publicKeyFromPem(createPublicKey(privateKey).export({type: 'spki', format: 'pem'}).toString()),
	});
	const makeKeys = () => forgeKeys(generateKeyPairSync('rsa', {modulusLength: 2048}).privateKey);

	const notBefore = new Date(Date.now() - 60 * 60 * 1000);
	const serverKeys = makeKeys();
	let ca: ReturnType<typeof pki.createCertificate>;
	let caKeys: ReturnType<typeof forgeKeys>;
	if (kept) {
		ca = pki.certificateFromPem(kept.cert);
		caKeys = forgeKeys(createPrivateKey(kept.key));
	} else {
		caKeys = makeKeys();
		const caSubject = [
			{name: 'commonName', value: 'acs-tokens emulator local CA'},
			{name: 'organizationName', value: 'acs-tokens'},
		];
		ca = pki.createCertificate();
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
	}

	const server = pki.createCertificate();
	server.publicKey = serverKeys.publicKey;
	server.serialNumber = `02${randomBytes(15).toString('hex')}`;
	server.validity.notBefore = notBefore;
	server.validity.notAfter = new Date(Date.now() + serverValidity);
	server.setSubject([{name: 'commonName', value: 'localhost'}]);
	server.setIssuer(ca.subject.attributes);
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

	return {ca: {cert: kept?.cert ?? pki.certificateToPem(ca), key: caKeys.pem}, cert: pki.certificateToPem(server), key: serverKeys.pem};
}
