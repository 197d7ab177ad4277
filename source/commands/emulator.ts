import {developmentAccessKey, defaultPort} from '../emulator/defaults.js';
import {defaultDataDirectory} from '../platform/directories.js';
import {createEmulator} from '../emulator/server.js';
import {isLoopbackHost} from '../protocol/connection-string.js';
import type {CommandIo} from './context.js';
import {parseCommand} from './parse-command.js';
import {UsageError} from './usage-error.js';
import {readStdin} from './stdin.js';
import {text} from '../text/index.js';
import {DataDirectoryError} from '../emulator/state/state-errors.js';
import {UserError} from '../errors/user-error.js';

export const emulatorHelp = (): string => text.help.emulator(defaultPort, defaultDataDirectory());

export async function runEmulatorCommand(
	argv: readonly string[],
	io: Pick<CommandIo, 'stdout' | 'stderr' | 'env'> & {readonly stdin?: CommandIo['stdin']},
): Promise<number> {
	const {values} = parseCommand('emulator', argv, {
		port: {type: 'string'},
		host: {type: 'string'},
		http: {type: 'boolean', default: false},
		'data-dir': {type: 'string'},
		'in-memory': {type: 'boolean', default: false},
		'access-key': {type: 'string'},
		'allow-entra': {type: 'boolean', default: false},
		'skip-api-version-check': {type: 'boolean', default: false},
		'print-certificate-path': {type: 'boolean', default: false},
		help: {type: 'boolean', short: 'h', default: false},
	});

	if (values.help) {
		io.stdout.write(emulatorHelp());
		return 0;
	}

	const port = values.port === undefined ? defaultPort : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new UsageError(text.commands.emulator.badPort(values.port));
	}

	if (values['data-dir'] !== undefined && values['in-memory']) {
		throw new UsageError(text.commands.emulator.dataDirOrMemory);
	}

	// `--access-key -` reads the key from stdin: it never has to be on the command line.
	const accessKey = values['access-key'] === '-' && io.stdin ? await readStdin(io.stdin, undefined, {stderr: io.stderr}) : values['access-key'];
	if (accessKey !== undefined && (!/^[A-Za-z0-9+/]+={0,2}$/.test(accessKey) || Buffer.from(accessKey, 'base64').length < 16)) {
		throw new UsageError(text.commands.emulator.badAccessKey);
	}

	if (values.http && values.host !== undefined && !isLoopbackHost(values.host)) {
		throw new UsageError(text.commands.emulator.httpOffLoopback(values.host));
	}

	const dataDirectory = values['data-dir'] ?? defaultDataDirectory(io.env);
	if (values['print-certificate-path']) {
		const {loadOrCreateTls} = await import('../emulator/certificate.js');
		const {default: path} = await import('node:path');
		io.stdout.write(`${(await loadOrCreateTls(path.join(dataDirectory, 'tls'))).certificatePath}\n`);
		return 0;
	}

	const emulator = await createEmulator({
		port,
		...(values.host === undefined ? {} : {host: values.host}),
		http: values.http,
		...(values['in-memory'] ? {inMemory: true, certificateDirectory: dataDirectory} : {dataDirectory}),
		...(accessKey === undefined ? {} : {accessKey}),
		allowEntra: values['allow-entra'],
		skipApiVersionCheck: values['skip-api-version-check'],
		// Commands with --emulator learn from the lock file where it is, and whether it takes their key.
		advertise: true,
		onRequest(entry) {
			// A path is the client's to make as long as the URL limit (16 KB): the log line keeps 200 characters of it.
			const shown = entry.path.length > 200 ? `${entry.path.slice(0, 199)}…` : entry.path;
			io.stderr.write(`${entry.method} ${shown} ${entry.status} ${entry.milliseconds.toFixed(1)}ms\n`);
		},
		onWarning(_message, warning) {
			io.stderr.write(`${text.commands.emulator.warning(warning)}\n`);
		},
		onInternalError(error) {
			io.stderr.write(`${text.commands.emulator.internalError((error as Error).stack ?? String(error))}\n`);
		},
	}).catch((error: NodeJS.ErrnoException) => {
		// A refusal of the data directory (damaged, missing or locked state), in the user's language.
		if (error instanceof DataDirectoryError) {
			throw new UserError('local', error.problem ? text.commands.emulator.refusal(error.problem) : error.message, {cause: error});
		}

		if (error.code === 'EADDRINUSE') {
			throw new UsageError(text.commands.emulator.portInUse(port));
		}

		// Not an address of this machine, or a name that does not resolve to one.
		if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
			throw new UsageError(text.commands.emulator.notAnAddress(values.host));
		}

		if (error.code === 'EACCES' || error.code === 'EPERM') {
			throw new UsageError(text.commands.emulator.portNotAllowed(port));
		}

		// Any other refusal by the system is this machine's side, named with its code.
		if (typeof error.code === 'string') {
			throw new UserError('local', text.commands.emulator.listenFailed(values.host ?? '127.0.0.1', port, error.code), {cause: error});
		}

		throw error;
	});

	const shown =
		accessKey === undefined || accessKey === developmentAccessKey
			? emulator.connectionString
			: emulator.connectionString.replace(/accesskey=.*$/, `accesskey=${text.commands.emulator.keyGiven}`);
	io.stderr.write(`${text.commands.emulator.listening(emulator.url, values['in-memory'] ? undefined : dataDirectory)}\n`);
	if (values.host !== undefined && !isLoopbackHost(values.host)) {
		io.stderr.write(`${text.commands.emulator.offLoopback(values.host, Number(new URL(emulator.url).port), accessKey === undefined || accessKey === developmentAccessKey)}\n`);
	}
	io.stdout.write(`${shown}\n`);
	if (emulator.certificatePath) {
		io.stdout.write(`${text.commands.emulator.certificate(emulator.certificatePath)}\n`);
	}

	await new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};

		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	await emulator.close();
	io.stderr.write(`${text.commands.emulator.stopped}\n`);
	return 0;
}
