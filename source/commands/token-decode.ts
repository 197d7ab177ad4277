import {parseBoundedJson} from '../protocol/bounded-json.js';
import {decodeJwt} from '../protocol/jwt.js';
import {type Command, outputOptions, parseCommand, printJson} from './context.js';
import {formatExpiry} from './format.js';
import {readStdin} from './stdin.js';
import {formatDateTime} from '../text/format.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

export const tokenDecode: Command = {
	name: 'token decode',
	get help() {
		return text.help.tokenDecode;
	},
	async run(argv, io) {
		const {values, positionals} = parseCommand('token decode', argv, outputOptions, true);
		const token = await readToken(positionals, io.stdin);
		const decoded = decodeJwt(token);
		if (!decoded) {
			throw new UsageError(text.commands.tokenDecode.notAJwt);
		}

		const {header, payload} = decoded;
		const time = (claim: unknown) => (typeof claim === 'number' ? new Date(claim * 1000) : undefined);
		const issuedAt = time(payload['iat']);
		const expiresAt = time(payload['exp']);
		if (values.json) {
			printJson(io, {
				header,
				claims: payload,
				...(issuedAt ? {issuedAt: issuedAt.toISOString()} : {}),
				...(expiresAt ? {expiresOn: expiresAt.toISOString(), expired: expiresAt.getTime() <= Date.now()} : {}),
			});
			return 0;
		}

		const said = text.commands.tokenDecode;
		const lines = [said.header, indent(header), said.claims, indent(payload)];
		if (issuedAt) {
			lines.push(said.issued(formatDateTime(issuedAt)));
		}

		if (expiresAt) {
			lines.push(said.expires(formatExpiry(expiresAt)));
		}

		if (typeof payload['acsScope'] === 'string') {
			lines.push(said.scopes(payload['acsScope'].split(',')));
		}

		io.stdout.write(`${lines.join('\n')}\n`);
		return 0;
	},
};

function indent(value: object): string {
	return JSON.stringify(value, undefined, 2)
		.split('\n')
		.map(line => `  ${line}`)
		.join('\n');
}

export async function readToken(positionals: readonly string[], stdin: NodeJS.ReadableStream): Promise<string> {
	if (positionals.length !== 1) {
		throw new UsageError(text.commands.tokenDecode.oneToken);
	}

	if (positionals[0] !== '-') {
		return (positionals[0] as string).trim();
	}

	const token = await readStdin(stdin);
	if (token === '') {
		throw new UsageError(text.commands.tokenDecode.emptyStdin);
	}

	return tokenOf(token);
}

/** The token in what `token issue --json` printed (`{"token": …}`), or the text as it is (stdin is at most 64 KiB, its JSON's depth bounded). */
function tokenOf(given: string): string {
	if (!given.startsWith('{')) {
		return given;
	}

	try {
		const value = parseBoundedJson(given);
		const token = (value as {token?: unknown} | null)?.token;
		return typeof token === 'string' ? token : given;
	} catch {
		return given;
	}
}
