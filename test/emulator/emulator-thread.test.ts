import {access, readFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {DataDirectoryError} from '../../source/emulator/data-directory.js';
import {createEmulator} from '../../source/emulator/server.js';
import type {EmulatorEvent} from '../../source/identity/embedded-emulator.js';
import {superviseEmulator} from '../../source/identity/emulator-supervisor.js';
import {cliPath, temporaryDirectory} from '../_helpers/cli.js';

/** The wizard's emulator thread, run from the built bundle as the wizard runs it. */
const entry = pathToFileURL(path.join(path.dirname(cliPath), 'emulator-worker.js'));
const fault = 'ACS_TOKENS_FAULT_EMULATOR_EXIT_AFTER';

afterEach(() => {
	delete process.env[fault];
});

const health = (url: string) =>
	fetch(new URL('emulator/health', url)).then(
		response => response.status,
		() => 'refused' as const,
	);

const exists = (file: string) =>
	access(file).then(
		() => true,
		() => false,
	);

describe('the embedded emulator thread and its supervisor', () => {
	it('starts it again on the same port when the thread dies, and its lock names the new thread', async () => {
		const dataDirectory = await temporaryDirectory('acs-tokens-thread-');
		process.env[fault] = '1';
		const events: EmulatorEvent[] = [];
		const emulator = await superviseEmulator(entry, {dataDirectory, http: true, port: 0, advertise: true}, event => events.push(event));
		try {
			expect(await health(emulator.url)).toBe(200);
			await expect.poll(() => events.length, {timeout: 10_000}).toBe(1);
			expect(events[0]).toEqual({type: 'restarted', reason: 'its thread exited with code 3', url: emulator.url});
			expect(await health(emulator.url)).toBe(200);
			expect(await health(emulator.url)).toBe(200);
			const lock = JSON.parse(await readFile(path.join(dataDirectory, 'emulator.lock'), 'utf8')) as {pid: number; threadId: number};
			expect(lock.pid).toBe(process.pid);
			expect(lock.threadId).toBeGreaterThan(0);
		} finally {
			await emulator.close();
		}

		expect(await health(emulator.url)).toBe('refused');
		expect(await exists(path.join(dataDirectory, 'emulator.lock'))).toBe(false);
	}, 30_000);

	it('closed while a restart is under way, stops the thread being started too: nothing serves, no lock is left', async () => {
		const dataDirectory = await temporaryDirectory('acs-tokens-thread-');
		process.env[fault] = '1';
		const events: EmulatorEvent[] = [];
		const emulator = await superviseEmulator(entry, {dataDirectory, http: true, port: 0, advertise: true}, event => events.push(event));
		expect(await health(emulator.url)).toBe(200);
		// The first thread is ending now; close at once, while its successor starts.
		await emulator.close();
		// A control on another directory, with the same fault: once it has been started again,
		// a successor the closed one let through would have been started by now too.
		const controlEvents: EmulatorEvent[] = [];
		const control = await superviseEmulator(
			entry,
			{dataDirectory: await temporaryDirectory('acs-tokens-thread-'), http: true, port: 0, advertise: true},
			event => controlEvents.push(event),
		);
		try {
			expect(await health(control.url)).toBe(200);
			await expect.poll(() => controlEvents.length, {timeout: 10_000}).toBe(1);
		} finally {
			await control.close();
		}

		expect(events).toEqual([]);
		expect(await health(emulator.url)).toBe('refused');
		expect(await exists(path.join(dataDirectory, 'emulator.lock'))).toBe(false);
	}, 30_000);

	it('refuses a data directory that another thread of this process holds, rather than share it', async () => {
		const dataDirectory = await temporaryDirectory('acs-tokens-thread-');
		const inProcess = await createEmulator({dataDirectory, http: true, port: 0});
		try {
			const refusal = await superviseEmulator(entry, {dataDirectory, http: true, port: 0, advertise: true}).then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(refusal).toBeInstanceOf(DataDirectoryError);
			expect((refusal as DataDirectoryError).owner?.pid).toBe(process.pid);
			expect((refusal as Error).message).toMatch(/is in use by another emulator/);
		} finally {
			await inProcess.close();
		}
	}, 30_000);
});
