import {IdentityError} from '../identity/errors.js';
import {text} from '../text/index.js';
import {UsageError} from './usage-error.js';

type MaybeTty = NodeJS.ReadableStream & {isTTY?: boolean; setRawMode?: (mode: boolean) => unknown};

/**
 * Everything on stdin, as text, up to `maxBytes` (a connection string, a key or a token: never
 * large). From a terminal it is a secret typed or pasted: read as one line with echo off, so that
 * it never shows on the screen (a projector, a shared terminal), after `prompt` on stderr.
 */
export async function readStdin(
	stdin: NodeJS.ReadableStream,
	maxBytes = 64 * 1024,
	options: {readonly prompt?: string; readonly stderr?: NodeJS.WritableStream} = {},
): Promise<string> {
	const terminal = stdin as MaybeTty;
	if (terminal.isTTY && typeof terminal.setRawMode === 'function') {
		// The prompt once echo is off: a key typed as soon as it shows is neither echoed nor, for
		// Ctrl+C, a signal to the whole process group (the shell script around the command too).
		return readHiddenLine(terminal as MaybeTty & {setRawMode: (mode: boolean) => unknown}, maxBytes, () =>
			options.stderr?.write(`${options.prompt ?? text.commands.secretPrompt}\n`),
		);
	}

	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const bytes = Buffer.from(chunk as Buffer);
		chunks.push(bytes);
		size += bytes.length;
		if (size > maxBytes) {
			// Cut, it would be refused later for a reason that makes no sense: refused here, by its size.
			throw new UsageError(text.commands.stdinTooLarge(maxBytes));
		}
	}

	return Buffer.concat(chunks).toString('utf8').trim();
}

const esc = String.fromCodePoint(0x1b);
const escapeSequence = new RegExp(`${esc}\\[[\\d;]*[~A-Za-z]`, 'g');

function withoutEscapes(input: string): string {
	return input.replaceAll(escapeSequence, '');
}

/** One line from a terminal in raw mode, nothing echoed: Enter ends it, Backspace edits, Ctrl+C or Ctrl+D with nothing typed cancels. */
function readHiddenLine(terminal: MaybeTty & {setRawMode: (mode: boolean) => unknown}, maxBytes: number, prompt: () => void): Promise<string> {
	return new Promise((resolve, reject) => {
		let value = '';
		const finish = (error?: Error) => {
			terminal.removeListener('data', onData);
			terminal.setRawMode(false);
			terminal.pause();
			if (error) {
				reject(error);
			} else {
				resolve(value.trim());
			}
		};

		// Bracketed paste markers and other escape sequences are not part of the secret.
		const onData = (chunk: Buffer | string) => {
			const input = withoutEscapes(String(chunk));
			for (const character of input) {
				if (character === '\u0003' || (character === '\u0004' && value === '')) {
					finish(new IdentityError('cancelled', text.errors.cancelled()));
					return;
				}

				if (character === '\r' || character === '\n' || character === '\u0004') {
					finish();
					return;
				}

				if (character === '\u007F' || character === '\b') {
					value = [...value].slice(0, -1).join('');
				} else if (character >= ' ') {
					value += character;
					if (Buffer.byteLength(value) > maxBytes) {
						finish(new UsageError(text.commands.stdinTooLarge(maxBytes)));
						return;
					}
				}
			}
		};

		terminal.setRawMode(true);
		terminal.on('data', onData);
		terminal.resume();
		prompt();
	});
}

/** Every byte on stdin, as it is (a request body: a byte changed would change its hash); undefined past `maxBytes`. */
export async function readStdinBytes(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Buffer | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stdin) {
		const bytes = Buffer.from(chunk as Buffer);
		chunks.push(bytes);
		size += bytes.length;
		if (size > maxBytes) {
			return undefined;
		}
	}

	return Buffer.concat(chunks);
}
