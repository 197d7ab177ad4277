import {execFile} from 'node:child_process';
import {mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {tokenScopes} from '../../source/protocol/scopes.js';
import {createEmulator} from '../../source/emulator/index.js';
import {renderSnippet, type SnippetStep} from '../../source/text/snippets.js';

/**
 * Every SDK snippet the tour shows runs as shown: the steps' code, in their order, makes one
 * program (each step uses what the earlier ones made: `client`, `user`), type-checked against the
 * installed @azure/communication-identity types, and the Python one compiled by python3 with
 * every name it reads defined before. Each check is also shown failing on a broken snippet.
 */

const run = promisify(execFile);
const steps: readonly SnippetStep[] = ['connect', 'createUser', 'issueToken', 'revokeTokens', 'deleteUser'];
/** The Teams flow's program: the client, what MSAL's device code flow gave (the Teams user's token, the app id, the user's oid), its exchange. */
const teamsPreamble = {
	typescript: "declare const teamsUserAadToken: string, clientId: string, userObjectId: string;",
	python: 'aad_token, client_id, user_object_id = os.environ["TEAMS_TOKEN"], os.environ["APP_ID"], os.environ["OID"]',
};

function teamsProgram(language: 'typescript' | 'python'): string {
	return [renderSnippet('connect', language), teamsPreamble[language], renderSnippet('teamsToken', language)].join('\n');
}

const directories: string[] = [];

afterAll(async () => {
	await Promise.all(directories.map(directory => rm(directory, {recursive: true, force: true})));
});

function program(language: 'typescript' | 'python', values: {scopes?: readonly string[]; minutes?: number; keyless?: boolean; plainHttp?: boolean} = {}): string {
	return steps.map(step => renderSnippet(step, language, values)).join('\n');
}

/** tsc's diagnostics for the program (empty when it type-checks), strict, as a learner's ES module. */
async function typeCheck(code: string): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-snippets-'));
	directories.push(directory);
	// The installed SDK and @types/node, found as a learner's project finds them.
	await symlink(path.resolve('node_modules'), path.join(directory, 'node_modules'), 'dir');
	await writeFile(path.join(directory, 'tour.mts'), `${code}\n`);
	await writeFile(
		path.join(directory, 'tsconfig.json'),
		JSON.stringify({
			compilerOptions: {
				target: 'ES2022',
				lib: ['ES2023'],
				module: 'NodeNext',
				moduleResolution: 'NodeNext',
				strict: true,
				noEmit: true,
				types: ['node'],
			},
			files: ['tour.mts'],
		}),
	);
	try {
		await run(path.resolve('node_modules/.bin/tsc'), ['-p', directory], {cwd: directory});
		return '';
	} catch (error) {
		const {stdout, stderr} = error as {stdout?: string; stderr?: string};
		return `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error);
	}
}

/** Compiles the script and lists each name read before anything defines it (a name used, never imported). */
const pythonChecker = `
import ast, builtins, sys
source = sys.stdin.read()
tree = ast.parse(compile(source, "tour.py", "exec", ast.PyCF_ONLY_AST), "tour.py")
defined = set(dir(builtins))
for statement in tree.body:
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in defined:
            print(f"tour.py:{node.lineno}: name {node.id!r} is not defined")
    for node in ast.walk(statement):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            defined.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            defined.add(node.id)
`;

async function pythonCheck(code: string): Promise<string> {
	const running = run('python3', ['-c', pythonChecker]);
	running.child.stdin?.end(code);
	try {
		return (await running).stdout.trim();
	} catch (error) {
		const {stdout, stderr} = error as {stdout?: string; stderr?: string};
		return `${stdout ?? ''}${stderr ?? ''}`.trim() || String(error);
	}
}

describe('the TypeScript snippets', () => {
	it('type-check together, with every scope and a lifetime, as the tour shows them', async () => {
		const code = program('typescript', {scopes: tokenScopes, minutes: 60});
		expect(code).toContain('await client.revokeTokens(user);\nconst fresh = await client.getToken(');
		expect(await typeCheck(code)).toBe('');
		// The defaults the panel falls back to, and the local emulator's plain http://.
		expect(await typeCheck(program('typescript'))).toBe('');
		expect(await typeCheck(program('typescript', {plainHttp: true}))).toBe('');
	});

	it('type-check keyless too: the endpoint and DefaultAzureCredential from @azure/identity, and fail without its import', async () => {
		const code = program('typescript', {scopes: ['chat'], keyless: true});
		expect(code).toContain('new CommunicationIdentityClient(\n  endpoint, new DefaultAzureCredential())');
		expect(code).not.toContain('CONNECTION_STRING');
		expect(await typeCheck(code)).toBe('');
		expect(await typeCheck(code.replace("import {DefaultAzureCredential} from '@azure/identity';\n", ''))).toMatch(
			/error TS2304: Cannot find name 'DefaultAzureCredential'/,
		);
	});

	it('fail when a snippet is broken: an unknown scope, a misspelt method, a name no step defines', async () => {
		const good = program('typescript', {scopes: ['chat', 'voip']});
		expect(await typeCheck(good.replace("['chat', 'voip']", "['chat', 'video']"))).toMatch(/error TS2322/);
		expect(await typeCheck(good.replace('client.revokeTokens(user)', 'client.revokeToken(user)'))).toMatch(/error TS2551/);
		expect(await typeCheck(good.replace('const user = ', 'const someone = '))).toMatch(/error TS2304: Cannot find name 'user'/);
	});
});

describe('the TypeScript snippets, run', () => {
	/** The tour's program as a learner's .mts file beside the installed SDK, run by this Node (types stripped). */
	async function runProgram(code: string, connectionString: string): Promise<{code: number; output: string}> {
		const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-snippets-run-'));
		directories.push(directory);
		await symlink(path.resolve('node_modules'), path.join(directory, 'node_modules'), 'dir');
		const file = path.join(directory, 'tour.mts');
		await writeFile(file, `${code}\nconsole.log('done', fresh.token.length > 0);\n`);
		try {
			const {stdout, stderr} = await run(process.execPath, [file], {
				cwd: directory,
				env: {...process.env, COMMUNICATION_SERVICES_CONNECTION_STRING: connectionString},
				timeout: 20_000,
			});
			return {code: 0, output: `${stdout}${stderr}`};
		} catch (error) {
			const {code: exit, stdout, stderr} = error as {code?: number; stdout?: string; stderr?: string};
			return {code: exit ?? 1, output: `${stdout ?? ''}${stderr ?? ''}`};
		}
	}

	it('work as shown against the local emulator on plain http://, which the SDK refuses without the option the code shows', async () => {
		const dataDirectory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-snippets-emulator-'));
		directories.push(dataDirectory);
		const emulator = await createEmulator({port: 0, http: true, dataDirectory});
		try {
			const code = program('typescript', {scopes: ['chat', 'voip'], minutes: 60, plainHttp: true});
			expect(code).toContain('{allowInsecureConnection: true}); // http:// on this machine only');
			const shown = await runProgram(code, emulator.connectionString);
			expect(shown.output).toContain('done true');
			expect(shown.code).toBe(0);
			// What the panel showed before: the same code without it fails on its first call.
			const refused = await runProgram(program('typescript', {scopes: ['chat'], minutes: 60}), emulator.connectionString);
			expect(refused.code).not.toBe(0);
			expect(refused.output).toContain('allowInsecureConnection is false');
		} finally {
			await emulator.close();
		}
	}, 60_000);

	it('say nothing of plain http:// for an https:// endpoint, nor in Python', () => {
		expect(program('typescript')).not.toContain('allowInsecureConnection');
		expect(program('python', {plainHttp: true})).not.toContain('allowInsecureConnection');
	});
});

describe('the Python snippets', () => {
	it('compile together, every name defined before it is read', async () => {
		const code = program('python', {scopes: tokenScopes, minutes: 60});
		expect(code).toContain('client.revoke_tokens(user)\nfresh = client.get_token(');
		expect(await pythonCheck(code)).toBe('');
		expect(await pythonCheck(program('python'))).toBe('');
	});

	it('compile keyless too, and fail without the azure.identity import', async () => {
		const code = program('python', {keyless: true});
		expect(code).toContain('CommunicationIdentityClient(endpoint, DefaultAzureCredential())');
		expect(await pythonCheck(code)).toBe('');
		expect(await pythonCheck(code.replace('from azure.identity import DefaultAzureCredential\n', ''))).toMatch(
			/name 'DefaultAzureCredential' is not defined/,
		);
	});

	it('fail when a snippet is broken: a syntax error, an import left out', async () => {
		const good = program('python');
		expect(await pythonCheck(good.replace('token_expires_in=timedelta(minutes=1440))', 'token_expires_in=timedelta(minutes=1440)'))).toMatch(
			/SyntaxError/,
		);
		expect(await pythonCheck(good.replace('from datetime import timedelta\n', ''))).toMatch(/name 'timedelta' is not defined/);
		expect(await pythonCheck(good.replace('user = client.create_user()', 'someone = client.create_user()'))).toMatch(
			/name 'user' is not defined/,
		);
	});
});

describe('the Teams user token snippets', () => {
	it('type-check and compile after the client and what MSAL gave, and fail when broken', async () => {
		const typescript = teamsProgram('typescript');
		expect(typescript).toContain('client.getTokenForTeamsUser({');
		expect(await typeCheck(typescript)).toBe('');
		expect(await typeCheck(typescript.replace('userObjectId});', '});'))).toMatch(/error TS2345|error TS2741/);
		const python = teamsProgram('python');
		expect(python).toContain('client.get_token_for_teams_user(');
		expect(await pythonCheck(python)).toBe('');
		expect(await pythonCheck(python.replace('aad_token, client_id, user_object_id = ', 'token, client_id, user_object_id = '))).toMatch(
			/name 'aad_token' is not defined/,
		);
	});
});

describe('the Entra ID user token snippet', () => {
	it('type-checks after the resource endpoint and the signed-in user\'s credential, and fails when broken; the Python is a note that compiles', async () => {
		const preamble = "import type {TokenCredential} from '@azure/core-auth';\ndeclare const resourceEndpoint: string, tokenCredential: TokenCredential;";
		const typescript = [preamble, renderSnippet('entraToken', 'typescript')].join('\n');
		expect(typescript).toContain('new AzureCommunicationTokenCredential({');
		expect(typescript).toContain('await credential.getToken()');
		expect(await typeCheck(typescript)).toBe('');
		expect(await typeCheck(typescript.replace('resourceEndpoint, tokenCredential,', 'resourceEndpoint,'))).toMatch(/error TS2345|error TS2769/);
		expect(await typeCheck(typescript.replace('const {token, expiresOnTimestamp}', 'const {token, expiresOn}'))).toMatch(/error TS2339/);
		const python = renderSnippet('entraToken', 'python');
		expect(python).toContain('no AzureCommunicationTokenCredential');
		expect(await pythonCheck(python)).toBe('');
	});
});
