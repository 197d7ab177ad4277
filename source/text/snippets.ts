/**
 * The SDK code of each quickstart step, as the learner would write it. Code, not prose: the
 * same in every language of the UI. The Python of the first step holds the script's imports
 * (os, timedelta, CommunicationTokenScope), as the quickstart's script starts with them.
 */
/** The steps that show SDK code: the quickstart's, and the Teams and Entra ID flows. */
export type SnippetStep = 'connect' | 'createUser' | 'issueToken' | 'revokeTokens' | 'deleteUser' | 'teamsToken' | 'entraToken';

export const snippets: Record<SnippetStep, {readonly typescript: string; readonly python: string}> = {
	connect: {
		typescript: `import {CommunicationIdentityClient} from '@azure/communication-identity';
const client = new CommunicationIdentityClient(
  process.env.COMMUNICATION_SERVICES_CONNECTION_STRING!);`,
		python: `import os
from datetime import timedelta
from azure.communication.identity import (
    CommunicationIdentityClient, CommunicationTokenScope)
client = CommunicationIdentityClient.from_connection_string(
    os.environ["COMMUNICATION_SERVICES_CONNECTION_STRING"])`,
	},
	createUser: {
		typescript: `const user = await client.createUser();
console.log(user.communicationUserId);`,
		python: `user = client.create_user()
print(user.properties["id"])`,
	},
	issueToken: {
		typescript: `const {token, expiresOn} = await client.getToken(
  user, SCOPES, {tokenExpiresInMinutes: MINUTES});`,
		python: `token_result = client.get_token(
    user, SCOPES,
    token_expires_in=timedelta(minutes=MINUTES))`,
	},
	// Revoking ends the tokens issued before it, not the identity: a new one works at once.
	revokeTokens: {
		typescript: `await client.revokeTokens(user);
const fresh = await client.getToken(
  user, SCOPES, {tokenExpiresInMinutes: MINUTES});`,
		python: `client.revoke_tokens(user)
fresh = client.get_token(
    user, SCOPES,
    token_expires_in=timedelta(minutes=MINUTES))`,
	},
	deleteUser: {
		typescript: 'await client.deleteUser(user);',
		python: 'client.delete_user(user)',
	},
	// Custom Teams Endpoint: the Teams user's Entra ID token (from MSAL), the app id, the user's oid.
	teamsToken: {
		typescript: `const {token, expiresOn} = await client.getTokenForTeamsUser({
  teamsUserAadToken, clientId, userObjectId});`,
		python: `token_result = client.get_token_for_teams_user(
    aad_token, client_id, user_object_id)`,
	},
	// The client app exchange: the app's signed-in user (tokenCredential: MSAL, @azure/identity) for an ACS token, no server of the app's.
	entraToken: {
		typescript: `import {AzureCommunicationTokenCredential}
  from '@azure/communication-common';
const credential = new AzureCommunicationTokenCredential({
  resourceEndpoint, tokenCredential,
  scopes: ['https://communication.azure.com/clients/.default']});
const {token, expiresOnTimestamp} = await credential.getToken();`,
		python: `# The Python SDK has no AzureCommunicationTokenCredential for
# Entra ID users: a client app makes this exchange in TypeScript
# (or .NET, Java, iOS, Android). t shows the TypeScript.`,
	},
};

/** The first step with a keyless connection: the endpoint and DefaultAzureCredential (Microsoft Entra ID), no key. */
export const keylessConnect: {readonly typescript: string; readonly python: string} = {
	typescript: `import {CommunicationIdentityClient} from '@azure/communication-identity';
import {DefaultAzureCredential} from '@azure/identity';
const endpoint = process.env.AZURE_COMMUNICATION_ENDPOINT!;
const client = new CommunicationIdentityClient(
  endpoint, new DefaultAzureCredential());`,
	python: `import os
from datetime import timedelta
from azure.identity import DefaultAzureCredential
from azure.communication.identity import (
    CommunicationIdentityClient, CommunicationTokenScope)
endpoint = os.environ["AZURE_COMMUNICATION_ENDPOINT"]
client = CommunicationIdentityClient(endpoint, DefaultAzureCredential())`,
};

export function renderSnippet(
	step: SnippetStep,
	language: 'typescript' | 'python',
	values: {
		readonly scopes?: readonly string[];
		readonly minutes?: number;
		readonly keyless?: boolean;
		/** A plain http:// endpoint (the local emulator): the JavaScript SDK refuses one unless told. */
		readonly plainHttp?: boolean;
	} = {},
): string {
	const scopes = values.scopes ?? ['chat'];
	const list =
		language === 'typescript'
			? `[${scopes.map(scope => `'${scope}'`).join(', ')}]`
			: `[${scopes.map(scope => `CommunicationTokenScope.${scope.toUpperCase().replaceAll('.', '_')}`).join(', ')}]`;
	const code = step === 'connect' && values.keyless ? keylessConnect[language] : snippets[step][language];
	const reachable =
		step === 'connect' && values.plainHttp && language === 'typescript'
			? code.replace('STRING!);', 'STRING!,\n  {allowInsecureConnection: true}); // http:// on this machine only')
			: code;
	return reachable.replace('SCOPES', list).replace('MINUTES', String(values.minutes ?? 1440));
}
