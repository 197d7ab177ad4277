import xterm from '@xterm/headless';
import pty from 'node-pty';
import {afterAll} from 'vitest';
import {cleanEnvironment} from './cli.js';

/**
 * A program in a real pseudo-terminal, and the screen a person would see: everything the
 * program writes goes through a terminal emulator (xterm.js, headless), so tests read the
 * visible lines, not escape bytes. Keys go in one at a time (Ink reads one key per chunk)
 * and every wait is for something on the screen, bounded, never a fixed delay.
 */

export const keys = {
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
	up: '\u001B[A',
	down: '\u001B[B',
	ctrlC: '\u0003',
} as const;

export type Expectation = string | RegExp | ((screen: string) => boolean);

export type SpawnOptions = {
	readonly args?: readonly string[];
	/** Added to a clean environment; `undefined` removes a variable. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly cwd?: string;
	readonly columns?: number;
	readonly rows?: number;
};

const defaultTimeoutMs = 15_000;
const running = new Set<TerminalSession>();

afterAll(() => {
	for (const session of running) {
		session.kill();
	}
});

/**
 * The environment for a program under test: no colour switches nor CI markers inherited
 * from the test runner (Ink draws only the last frame when it thinks it runs in CI).
 */
export function terminalEnvironment(extra: Readonly<Record<string, string | undefined>> = {}): Record<string, string> {
	const base = cleanEnvironment({NO_COLOR: undefined, COLORTERM: undefined, TERM: 'xterm-256color'});
	for (const name of Object.keys(base)) {
		if (name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_') || name.startsWith('VITEST')) {
			delete base[name];
		}
	}

	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries({...base, ...extra})) {
		if (value !== undefined) {
			env[name] = value;
		}
	}

	return env;
}

export function matches(screen: string, expectation: Expectation): boolean {
	if (typeof expectation === 'string') {
		return screen.includes(expectation);
	}

	return expectation instanceof RegExp ? expectation.test(screen) : expectation(screen);
}

function describe(expectation: Expectation): string {
	return typeof expectation === 'function' ? 'the condition' : JSON.stringify(String(expectation));
}

type Waiter = {readonly check: () => boolean; readonly resolve: () => void};

export class TerminalSession {
	static spawn(file: string, options: SpawnOptions = {}): TerminalSession {
		return new TerminalSession(file, options);
	}

	readonly process: pty.IPty;
	readonly terminal: xterm.Terminal;
	/** Everything the program wrote, escape sequences included. */
	raw = '';
	exitCode: number | undefined;
	readonly exited: Promise<{exitCode: number; signal: number | undefined}>;
	#unparsed = 0;
	#waiters = new Set<Waiter>();

	private constructor(file: string, options: SpawnOptions) {
		const columns = options.columns ?? 80;
		const rows = options.rows ?? 24;
		this.terminal = new xterm.Terminal({cols: columns, rows, allowProposedApi: true, scrollback: 1000});
		const env = terminalEnvironment(options.env);
		this.process = pty.spawn(file, [...(options.args ?? [])], {
			// node-pty sets TERM to this name, whatever env says.
			name: env['TERM'] ?? 'xterm-256color',
			cols: columns,
			rows,
			...(options.cwd ? {cwd: options.cwd} : {}),
			env,
		});
		running.add(this);
		this.process.onData(chunk => {
			this.raw += chunk;
			this.#unparsed++;
			this.terminal.write(chunk, () => {
				this.#unparsed--;
				this.#notify();
			});
		});
		this.exited = new Promise(resolve => {
			this.process.onExit(({exitCode, signal}) => {
				running.delete(this);
				this.exitCode = exitCode;
				resolve({exitCode, signal: signal || undefined});
				this.#notify();
			});
		});
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	/** The visible lines, right-trimmed. */
	lines(): string[] {
		const buffer = this.terminal.buffer.active;
		const lines: string[] = [];
		for (let row = 0; row < this.terminal.rows; row++) {
			lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
		}

		return lines;
	}

	/**
	 * The terminal column (cell) where `text` starts on the first visible line that has it: a
	 * wide character such as 測 takes two cells, which the text of `lines()` does not show.
	 */
	cellColumnOf(text: string): number | undefined {
		const buffer = this.terminal.buffer.active;
		for (let row = 0; row < this.terminal.rows; row++) {
			const line = buffer.getLine(buffer.viewportY + row);
			let characters = '';
			const cellAt: number[] = [];
			for (let column = 0; line && column < line.length; column++) {
				const cell = line.getCell(column);
				if (cell && cell.getWidth() > 0) {
					const chars = cell.getChars() || ' ';
					characters += chars;
					cellAt.push(...Array.from({length: chars.length}, () => column));
				}
			}

			const index = characters.indexOf(text);
			if (index !== -1) {
				return cellAt[index];
			}
		}

		return undefined;
	}

	/** The visible screen as text, one line per row, trailing blank rows dropped. */
	screen(): string {
		return this.lines().join('\n').trimEnd();
	}

	/** Resolves once the screen shows `expectation`; fails with the screen after `timeoutMs`. */
	async waitFor(expectation: Expectation, timeoutMs = defaultTimeoutMs): Promise<string> {
		await this.#until(() => this.#complete() && matches(this.screen(), expectation), timeoutMs, () => `the screen to show ${describe(expectation)}`);
		return this.screen();
	}

	/** Resolves once the raw output (escape sequences included) matches. */
	async waitForOutput(expectation: Expectation, timeoutMs = defaultTimeoutMs): Promise<void> {
		await this.#until(() => matches(this.raw, expectation), timeoutMs, () => `the output to contain ${describe(expectation)}`, true);
	}

	/**
	 * Sends one key and waits for its effect: `expectation` on the screen, or by default
	 * any change of the screen.
	 */
	async press(key: string, expectation?: Expectation, timeoutMs = defaultTimeoutMs): Promise<string> {
		await this.settled();
		const before = this.screen();
		this.process.write(key);
		return this.waitFor(expectation ?? (screen => screen !== before), timeoutMs);
	}

	/** Sends bytes as they are, waiting for nothing (input that shows nothing, such as a secret). */
	write(data: string): void {
		this.process.write(data);
	}

	/** Types text one character at a time, each waiting for the screen to change. */
	async type(text: string): Promise<void> {
		for (const character of text) {
			await this.press(character);
		}
	}

	/** Resolves once every byte received so far is on the emulated screen, and no frame is half drawn. */
	async settled(): Promise<void> {
		await this.#until(() => this.#complete(), defaultTimeoutMs, () => 'the terminal to parse its input');
	}

	/**
	 * Everything received is parsed, and no frame is half drawn: Ink wraps each frame in
	 * synchronized-output marks (DEC mode 2026), and a frame can reach us in several chunks.
	 */
	#complete(): boolean {
		return this.#unparsed === 0 && !this.terminal.modes.synchronizedOutputMode;
	}

	resize(columns: number, rows: number): void {
		this.process.resize(columns, rows);
		this.terminal.resize(columns, rows);
	}

	/** The process's exit, bounded. */
	async exit(timeoutMs = defaultTimeoutMs): Promise<{exitCode: number; signal: number | undefined}> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => {
				reject(new Error(`The program did not exit within ${timeoutMs} ms. Screen:\n${this.screen()}`));
			}, timeoutMs);
		});
		try {
			return await Promise.race([this.exited, timeout]);
		} finally {
			clearTimeout(timer);
		}
	}

	kill(): void {
		if (this.running) {
			this.process.kill('SIGKILL');
		}
	}

	#notify(): void {
		for (const waiter of this.#waiters) {
			if (waiter.check()) {
				waiter.resolve();
			}
		}
	}

	#until(check: () => boolean, timeoutMs: number, what: () => string, rawOnly = false): Promise<void> {
		if (check()) {
			return Promise.resolve();
		}

		return new Promise((resolve, reject) => {
			const fail = (why: string) => {
				this.#waiters.delete(waiter);
				const shown = rawOnly ? `Raw output (end):\n${JSON.stringify(this.raw.slice(-2000))}` : `Screen:\n${this.screen()}`;
				reject(new Error(`Waited for ${what()}: ${why}.\n${shown}`));
			};

			const timer = setTimeout(() => fail(`not within ${timeoutMs} ms`), timeoutMs);
			let grace: NodeJS.Timeout | undefined;
			const waiter: Waiter = {
				check: () => {
					if (check()) {
						return true;
					}

					// Output can still arrive after the exit is reported: give up a moment later.
					if (!this.running && grace === undefined) {
						grace = setTimeout(() => {
							clearTimeout(timer);
							fail(`the program exited (code ${this.exitCode})`);
						}, 1000);
					}

					return false;
				},
				resolve: () => {
					clearTimeout(timer);
					clearTimeout(grace);
					this.#waiters.delete(waiter);
					resolve();
				},
			};
			this.#waiters.add(waiter);
			if (waiter.check()) {
				waiter.resolve();
			}
		});
	}
}
