import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll} from 'vitest';

const run = promisify(execFile);

/**
 * A tmux server of the test's own, on a private socket (`tmux -L NAME -f /dev/null`), so no
 * user configuration and no other server is touched; killed after the file's tests.
 */
export type TmuxServer = {
	readonly name: string;
	/** What tmux gives the programs in its panes: TMUX (socket,pid,session) and TMUX_PANE. */
	readonly env: {readonly TMUX: string; readonly TMUX_PANE: string};
	readonly tmux: (...args: string[]) => Promise<string>;
	/** `set -g NAME VALUE` (allow-passthrough is a pane option, inherited from the global window one). */
	readonly set: (option: string, value: string) => Promise<void>;
	/** tmux's newest paste buffer, or undefined when it has none. */
	readonly buffer: () => Promise<string | undefined>;
	readonly kill: () => Promise<void>;
};

const servers = new Set<TmuxServer>();

afterAll(async () => {
	await Promise.all([...servers].map(server => server.kill()));
});

let serial = 0;

export async function startTmuxServer(command = 'sleep 600'): Promise<TmuxServer> {
	serial += 1;
	const name = `acs-tokens-test-${process.pid}-${serial}`;
	const tmux = async (...args: string[]) => (await run('tmux', ['-L', name, '-f', '/dev/null', ...args], {encoding: 'utf8'})).stdout.trim();
	await tmux('new-session', '-d', '-x', '80', '-y', '24', command);
	const [socket, pid, pane] = (await tmux('display-message', '-p', '#{socket_path}\t#{pid}\t#{pane_id}')).split('\t') as [string, string, string];
	const server: TmuxServer = {
		name,
		env: {TMUX: `${socket},${pid},0`, TMUX_PANE: pane},
		tmux,
		async set(option, value) {
			await tmux('set-option', '-g', option, value);
		},
		async buffer() {
			return tmux('show-buffer').catch(() => undefined);
		},
		async kill() {
			servers.delete(server);
			await tmux('kill-server').catch(() => undefined);
		},
	};
	servers.add(server);
	return server;
}
