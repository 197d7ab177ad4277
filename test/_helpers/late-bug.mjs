/**
 * Preloaded into the built binary (NODE_OPTIONS=--import=…) by the tests of bugs that surface
 * outside a command's promise: once acs-tokens has installed its process-level handlers, it
 * throws from a timer (LATE_BUG=exception) or leaves a rejected promise (LATE_BUG=rejection).
 * With LATE_BUG_SIGNAL=1 it waits for SIGUSR2 first, and writes its pid to LATE_BUG_PID_FILE.
 */
import {writeFileSync} from 'node:fs';

const fire = () => {
	if (process.env.LATE_BUG === 'rejection') {
		void Promise.reject(new Error('a late rejection'));
	} else {
		setTimeout(() => {
			throw new Error('a late exception');
		});
	}
};

if (process.env.LATE_BUG_PID_FILE) {
	writeFileSync(process.env.LATE_BUG_PID_FILE, String(process.pid));
}

if (process.env.LATE_BUG_SIGNAL === '1') {
	// `on`, not `once`: signal-exit (Ink's) re-raises a signal that no other listener is left for.
	process.on('SIGUSR2', fire);
} else {
	const installed = setInterval(() => {
		if (process.listenerCount('uncaughtException') > 0) {
			clearInterval(installed);
			fire();
		}
	}, 5);
}
