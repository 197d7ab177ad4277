import {connectionOptions, outputOptions, parseCommand, parseScopesOption, printJson, type Command} from './context.js';
import {maskToken} from '../identity/trace.js';
import {formatExpiry} from './format.js';
import {openCommandSession, resolveUser, validateLifetime, validateScopes} from './session.js';
import {text} from '../text/index.js';

export const tokenIssue: Command = {
	name: 'token issue',
	get help() {
		return text.help.tokenIssue;
	},
	async run(argv, io) {
		const {values} = parseCommand('token issue', argv, {
			...connectionOptions,
			...outputOptions,
			user: {type: 'string'},
			scopes: {type: 'string'},
			'expires-in': {type: 'string'},
			reveal: {type: 'boolean'},
		});
		const scopes = validateScopes(parseScopesOption(values.scopes, true) ?? []);
		const expiresInMinutes = validateLifetime(values['expires-in']);
		const session = await openCommandSession(io, values);
		try {
			const {store, resolved, client} = session;
			const {id, stored} = resolveUser(store, resolved.profileName, values.user);
			const issued = await client.issueToken(id, scopes, expiresInMinutes === undefined ? {} : {expiresInMinutes});
			await store.recordToken(resolved.profileName, id, {
				scopes,
				issuedAt: new Date().toISOString(),
				expiresOn: issued.expiresOn.toISOString(),
				token: issued.token,
			});
			if (values.json) {
				printJson(io, {id, ...(stored?.label ? {label: stored.label} : {}), token: issued.token, expiresOn: issued.expiresOn.toISOString(), scopes});
			} else {
				const lines = [
					text.commands.tokenIssue.issued(id, stored?.label, scopes, values.reveal ? issued.token : maskToken(issued.token)),
					text.commands.expires(formatExpiry(issued.expiresOn)),
					...(values.reveal ? [] : [text.commands.tokenMasked]),
				];
				io.stdout.write(`${lines.join('\n')}\n`);
			}

			return 0;
		} finally {
			await session.close();
		}
	},
};
