import {exchangeScopes} from '../protocol/entra-token.js';
import {decodeJwt} from '../protocol/jwt.js';
import {maskToken} from '../identity/trace.js';
import {connectionOptions, outputOptions, parseCommand, printJson, type Command} from './context.js';
import {exitCodes} from '../errors/user-error.js';
import {formatExpiry} from './format.js';
import {openCommandSession, refuseConnectionStringOnStdin} from './session.js';
import {readStdin} from './stdin.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

const [clientsScope] = exchangeScopes.entra;
const teamsExtensionScopes = exchangeScopes.teamsExtension;

/**
 * `acs-tokens token exchange [--teams-extension]`: what a client app does for an Entra ID user
 * (or a Teams Extension user): `@azure/communication-common`'s AzureCommunicationTokenCredential,
 * given the user's Entra ID token (read from stdin), exchanges it for an ACS token on the
 * resource. The credential itself runs, as in the app.
 */
export const tokenExchange: Command = {
	name: 'token exchange',
	get help() {
		return text.help.tokenExchange;
	},
	async run(argv, io) {
		const {values} = parseCommand('token exchange', argv, {
			...connectionOptions,
			...outputOptions,
			'teams-extension': {type: 'boolean'},
			scopes: {type: 'string'},
			reveal: {type: 'boolean'},
		});
		const scopes = values.scopes?.split(',').map(scope => scope.trim()).filter(scope => scope !== '') ?? (values['teams-extension'] ? [...teamsExtensionScopes] : [clientsScope]);
		const prefix = values['teams-extension'] ? 'https://auth.msft.communication.azure.com/' : 'https://communication.azure.com/clients/';
		const wrong = scopes.find(scope => !scope.startsWith(prefix));
		if (wrong !== undefined || scopes.length === 0) {
			throw new UsageError(text.commands.tokenExchange.badScope(wrong ?? '', prefix));
		}

		refuseConnectionStringOnStdin(values);
		// The connection first: a profile that does not exist is said before the token is pasted.
		const session = await openCommandSession(io, values);
		try {
			const entraToken = await readStdin(io.stdin, 32 * 1024, {prompt: text.commands.tokenExchange.pasteToken, stderr: io.stderr});
			if (entraToken === '') {
				throw new UsageError(text.commands.tokenExchange.noToken);
			}

			const {connection} = session.resolved;
			const {exchangeEntraToken} = await import('../identity/entra-exchange.js');
			const issued = await exchangeEntraToken({
				endpoint: connection.endpoint,
				entraToken,
				scopes,
				trustedCertificate: connection.trustedCertificate,
				timeoutSeconds: session.timeoutSeconds,
			});
			const skypeid = decodeJwt(issued.token)?.payload['skypeid'];
			const identity = typeof skypeid === 'string' ? `8:${skypeid}` : undefined;
			if (values.json) {
				printJson(io, {token: issued.token, expiresOn: issued.expiresOn.toISOString(), ...(identity ? {identity} : {})});
			} else {
				const lines = [
					text.commands.tokenExchange.issued(identity ?? '?', values.reveal ? issued.token : maskToken(issued.token)),
					text.commands.expires(formatExpiry(issued.expiresOn)),
					...(values.reveal ? [] : [text.commands.tokenMasked]),
				];
				io.stdout.write(`${lines.join('\n')}\n`);
			}

			return exitCodes.ok;
		} finally {
			await session.close();
		}
	},
};
