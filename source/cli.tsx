#!/usr/bin/env node
import type {CommandIo} from './commands/context.js';
import {exitCodeFor, exitCodes, UserError} from './errors/user-error.js';
import {commands} from './commands/registry.js';
import {rootHelpPage} from './root-help.js';
import {UsageError} from './commands/usage-error.js';
import {setProgramEntry} from './platform/entry.js';
import {text, switchLanguage} from './text/index.js';
import {chooseLanguage, isLanguageSetting, type LanguageSetting, languageSettings} from './text/locale.js';
import {resolveConfigDirectory} from './store/config-directory.js';
import {savedLanguage} from './store/saved-profiles.js';


async function main(argv: readonly string[], io: CommandIo): Promise<number> {
	const [first, second, ...rest] = argv;
	if (first === 'emulator' && second === 'stand-in-az') {
		const {runStandInAz} = await import('./commands/stand-in-az.js');
		return runStandInAz(rest, io);
	}

	if (first === 'emulator' && second === 'stand-in-entra-token') {
		const {runStandInEntraToken} = await import('./commands/stand-in-az.js');
		return runStandInEntraToken(rest, io);
	}

	if (first === 'emulator' && second === 'stand-in-teams-token') {
		const {runStandInTeamsToken} = await import('./commands/stand-in-az.js');
		return runStandInTeamsToken(rest, io);
	}

	if (first === 'emulator') {
		const {runEmulatorCommand} = await import('./commands/emulator.js');
		return runEmulatorCommand(second === undefined ? [] : [second, ...rest], io);
	}

	if (first === '--version' || first === '-V') {
		const {version} = await import('./version.js');
		io.stdout.write(`${version}\n`);
		return exitCodes.ok;
	}

	if (first === '-h' || first === '--help' || first === 'help') {
		io.stdout.write(rootHelpPage(text.help));
		return exitCodes.ok;
	}

	if (first === undefined || first.startsWith('-')) {
		const {runWizard} = await import('./app/start.js');
		return runWizard(argv, io);
	}

	const twoWords = `${first} ${second ?? ''}`.trim();
	const load = commands[twoWords] ?? commands[first];
	if (!load) {
		const group = Object.keys(commands).filter(name => name.startsWith(`${first} `));
		const suggestion = await closestCommand(first, second);
		throw new UsageError(
			group.length > 0
				? text.commands.notACommand(second?.startsWith('-') ? first : twoWords, group, suggestion !== undefined && group.includes(suggestion) ? suggestion : undefined)
				: text.commands.unknownCommand(first, suggestion),
		);
	}

	const command = await load();
	const args = commands[twoWords] ? rest : argv.slice(1);
	if (args.includes('--help') || args.includes('-h')) {
		io.stdout.write(command.help);
		return exitCodes.ok;
	}

	return command.run(args, io);
}

/** The command `first` (and `second`) most likely meant: `tokn issue` is token issue, `user` alone none. */
async function closestCommand(first: string, second: string | undefined): Promise<string | undefined> {
	const {closestName} = await import('./commands/parse-command.js');
	const names = [...Object.keys(commands), 'emulator'];
	const whole = second === undefined || second.startsWith('-') ? undefined : closestName(`${first} ${second}`, names);
	return whole ?? closestName(first, names.filter(name => !name.includes(' ')));
}

/**
 * `--lang` is the program's, before or after the command: taken out of argv here, so that
 * every command and the wizard are in the chosen language from their first line.
 */
function takeLanguageFlag(all: readonly string[]): {readonly argv: string[]; readonly lang: string | undefined} {
	const argv: string[] = [];
	let lang: string | undefined;
	for (let index = 0; index < all.length; index++) {
		const argument = all[index] as string;
		if (argument === '--') {
			argv.push(...all.slice(index));
			break;
		}

		if (argument === '--lang') {
			lang = all[index + 1] ?? '';
			index++;
		} else if (argument.startsWith('--lang=')) {
			lang = argument.slice('--lang='.length);
		} else {
			argv.push(argument);
		}
	}

	return {argv, lang};
}

/** `--config-dir` as the command will read it, to find the saved language before it runs. */
function configDirectoryFlag(argv: readonly string[]): string | undefined {
	const index = argv.indexOf('--config-dir');
	const inline = argv.find(argument => argument.startsWith('--config-dir='));
	return inline === undefined ? (index === -1 ? undefined : argv[index + 1]) : inline.slice('--config-dir='.length);
}

async function chooseTheLanguage(argv: readonly string[], lang: string | undefined, env: NodeJS.ProcessEnv): Promise<LanguageSetting | undefined> {
	const setting = savedLanguage(() => resolveConfigDirectory({flag: configDirectoryFlag(argv), env}));
	const flag = lang !== undefined && isLanguageSetting(lang) ? lang : undefined;
	await switchLanguage(chooseLanguage({flag, setting, env}).language);
	if (lang !== undefined && flag === undefined) {
		throw new UsageError(text.commands.badLanguage(lang, languageSettings));
	}

	return flag;
}

const given = process.argv.slice(2);
const taken = takeLanguageFlag(given);
const {lang} = taken;
// `settings --lang` (after the command) saves the language: that command reads the flag itself.
const argv = taken.argv[0] === 'settings' ? given.slice(given.indexOf('settings')) : taken.argv;
setProgramEntry(new URL(import.meta.url));
const cleanups: Array<() => Promise<void>> = [];
const ioBase = {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd()};
// An error that surfaces outside the command's own promise (a timer, an event handler, a
// promise nobody awaited) is reported as any other: a UserError by its kind, anything else as
// a bug, exit 70, not Node's trace and exit 1. Exiting runs Ink's exit hook, which restores the
// terminal, and Node resets the terminal's mode.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
	process.on(event, (error: unknown) => {
		process.exit(report(error));
	});
}

/**
 * A command stopped by a signal (kill, or Ctrl+C outside a prompt) first undoes what a failure
 * would (a new profile whose service was never reached), for 2 s at most, then dies of that
 * same signal, as a program should: a shell loop it runs in stops too (bash goes on after a
 * child that merely exits 130). The wizard (Ink restores the terminal) and the emulator (it
 * closes its server) have their own.
 */
function undoOnSignals(): void {
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		// Kept until the end: the same signal again while undoing (a second Ctrl+C) waits for it.
		process.on(signal, () => {
			if (stopping) {
				return;
			}

			stopping = true;
			const die = () => {
				// With no listener left (signal-exit's included), the signal's default action ends the process.
				process.removeAllListeners(signal);
				process.kill(process.pid, signal);
			};

			setTimeout(die, 2000);
			void Promise.allSettled(cleanups.map(cleanup => cleanup())).then(die);
		});
	}
}

const [commandName] = argv;
if (commandName !== undefined && !commandName.startsWith('-') && commandName !== 'emulator' && commandName !== 'help') {
	undoOnSignals();
}

try {
	const languageFlag = await chooseTheLanguage(argv, lang, ioBase.env);
	// After `settings`, --lang is the setting it saves, not a flag of this run.
	const saving = argv[0] === 'settings' && argv.some(argument => argument === '--lang' || argument.startsWith('--lang='));
	const io: CommandIo = {...ioBase, ...(saving ? {} : {languageFlag}), onFailure: cleanup => cleanups.push(cleanup)};
	process.exitCode = await main(argv, io);
} catch (error) {
	for (const cleanup of cleanups) {
		// The error is the one to report: a clean-up that fails must not replace it.
		await cleanup().catch(() => undefined);
	}

	process.exitCode = report(error);
	if (error instanceof UserError && error.abandoned) {
		// Given up at its deadline: what the SDK still retries would keep the process for seconds
		// more. Everything of ours is done (the undo above included); end once the output is out.
		process.stdout.write('', () => process.stderr.write('', () => process.exit()));
	}
}

function report(error: unknown): number {
	const json = argv.includes('--json');
	const fail = (code: number, kind: string, message: string, extra: object = {}) => {
		process.stderr.write(`acs-tokens: ${message}\n`);
		if (json) {
			process.stdout.write(`${JSON.stringify({error: {kind, message, ...extra}}, undefined, 2)}\n`);
		}

		return code;
	};

	// The kind alone decides the exit code and the --json kind.
	if (error instanceof UserError) {
		return fail(exitCodeFor(error.kind), error.kind, error.message, error.details);
	}

	return fail(exitCodes.bug, 'bug', text.commands.bug((error as Error)?.stack ?? String(error)));
}
