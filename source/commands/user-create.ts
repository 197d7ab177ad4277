import {connectionOptions, outputOptions, parseCommand, parseScopesOption, printJson, type Command} from './context.js';
import {maskToken} from '../identity/trace.js';
import {formatExpiry} from './format.js';
import {openCommandSession, validateLifetime, validateScopes} from './session.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

export const userCreate: Command = {
	name: 'user create',
	get help() {
		return text.help.userCreate;
	},
	async run(argv, io) {
		const {values} = parseCommand('user create', argv, {
			...connectionOptions,
			...outputOptions,
			scopes: {type: 'string'},
			'expires-in': {type: 'string'},
			label: {type: 'string'},
			reveal: {type: 'boolean'},
		});
		const scopeList = parseScopesOption(values.scopes, false);
		const scopes = scopeList === undefined ? undefined : validateScopes(scopeList);
		const expiresInMinutes = validateLifetime(values['expires-in']);
		if (expiresInMinutes !== undefined && scopes === undefined) {
			throw new UsageError(text.commands.userCreate.lifetimeWithoutScopes);
		}

		if (values.label !== undefined && (values.label.trim() === '' || values.label.startsWith('8:'))) {
			throw new UsageError(text.commands.userCreate.badLabel);
		}

		const session = await openCommandSession(io, values);
		try {
			const {store, resolved, client} = session;
			if (values.label !== undefined) {
				store.assertLabelFree(resolved.profileName, values.label);
			}

			const created = scopes
				? await client.createUserAndToken(scopes, expiresInMinutes === undefined ? {} : {expiresInMinutes})
				: {...(await client.createUser()), token: undefined, expiresOn: undefined};
			const createdAt = new Date().toISOString();
			await store.recordIdentity(resolved.profileName, {
				id: created.id,
				createdAt,
				...(values.label === undefined ? {} : {label: values.label}),
			});
			if (scopes && created.token && created.expiresOn) {
				await store.recordToken(resolved.profileName, created.id, {
					scopes,
					issuedAt: createdAt,
					expiresOn: created.expiresOn.toISOString(),
					token: created.token,
				});
			}

			if (values.json) {
				printJson(io, {
					id: created.id,
					...(values.label === undefined ? {} : {label: values.label}),
					profile: resolved.profileName,
					...(created.token && created.expiresOn
						? {token: created.token, expiresOn: created.expiresOn.toISOString(), scopes}
						: {}),
				});
			} else {
				const lines = [text.commands.userCreate.created(created.id, values.label, resolved.profileName)];
				if (created.token && created.expiresOn && scopes) {
					lines.push(
						text.commands.userCreate.token(scopes, values.reveal ? created.token : maskToken(created.token)),
						text.commands.expires(formatExpiry(created.expiresOn)),
					);
					if (!values.reveal) {
						lines.push(text.commands.tokenMasked);
					}
				}

				io.stdout.write(`${lines.join('\n')}\n`);
			}

			return 0;
		} finally {
			await session.close();
		}
	},
};
