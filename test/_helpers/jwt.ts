/** An unsigned-but-well-formed JWT, as Entra ID would issue (the emulator cannot check its signature offline). */
export function fakeEntraToken(claims: Record<string, unknown>): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({alg: 'RS256', typ: 'JWT', kid: 'test'})}.${part(claims)}.${Buffer.from('not-a-real-signature').toString('base64url')}`;
}
