// A client app as users write one: @azure/communication-common's Entra ID credential,
// trusting the emulator's CA through NODE_EXTRA_CA_CERTS. Reads what to do from argv[2]
// (JSON: endpoint, claims, scopes), prints {token, expiresOnTimestamp} or {error}.
import {AzureCommunicationTokenCredential} from '@azure/communication-common';

const {endpoint, claims, scopes} = JSON.parse(process.argv[2]);
const part = value => Buffer.from(JSON.stringify(value)).toString('base64url');
const tokenCredential = {
	async getToken(asked) {
		const scope = Array.isArray(asked) ? asked[0] : asked;
		const aud = scope.startsWith('https://auth.msft.communication.azure.com/')
			? 'https://auth.msft.communication.azure.com'
			: 'https://communication.azure.com/clients';
		const exp = Math.floor(Date.now() / 1000) + 3600;
		const token = `${part({alg: 'RS256', typ: 'JWT'})}.${part({aud, exp, ...claims})}.${part('unsigned')}`;
		return {token, expiresOnTimestamp: exp * 1000};
	},
};

try {
	const credential = new AzureCommunicationTokenCredential({resourceEndpoint: endpoint, tokenCredential, ...(scopes ? {scopes} : {})});
	const {token, expiresOnTimestamp} = await credential.getToken();
	process.stdout.write(JSON.stringify({token, expiresOnTimestamp}));
} catch (error) {
	process.stdout.write(JSON.stringify({error: error.message}));
}
