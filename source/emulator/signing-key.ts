import {createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject} from 'node:crypto';

export type SigningKey = {
	readonly privateKey: KeyObject;
	readonly publicKey: KeyObject;
	/** RFC 7638 thumbprint of the public key. */
	readonly kid: string;
	/** SHA-1 thumbprint of the public key (the service derives it from its certificate; we have none). */
	readonly x5t: string;
	readonly pem: string;
};

export function generateSigningKey(): SigningKey {
	const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
	return signingKeyFromPem(privateKey.export({type: 'pkcs8', format: 'pem'}).toString());
}

export function signingKeyFromPem(pem: string): SigningKey {
	const privateKey = createPrivateKey(pem);
	const publicKey = createPublicKey(privateKey);
	const jwk = publicKey.export({format: 'jwk'});
	const canonical = JSON.stringify({e: jwk.e, kty: jwk.kty, n: jwk.n});
	return {
		privateKey,
		publicKey,
		pem,
		kid: createHash('sha256').update(canonical).digest('base64url'),
		x5t: createHash('sha1').update(publicKey.export({type: 'spki', format: 'der'})).digest('base64url'),
	};
}

export function jwks(keys: readonly SigningKey[]): {keys: Record<string, unknown>[]} {
	return {
		keys: keys.map(key => ({
			...key.publicKey.export({format: 'jwk'}),
			kid: key.kid,
			x5t: key.x5t,
			use: 'sig',
			alg: 'RS256',
		})),
	};
}
