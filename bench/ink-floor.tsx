/**
 * A floor for bench:tui: the least an app on the wizard's required stack (Ink 8 and React)
 * does before its first frame, four lines of text and one key handler, bundled and started the
 * way dist/cli.js is (esbuild, minified ESM, Node's compile cache, Ink loaded with fetch hidden
 * so that yoga does not load undici: source/platform/without-fetch.ts). bench/tui.ts builds it into
 * a temporary directory and times it beside the wizard and `node -e 0`, so that the share of a
 * target the stack itself takes is measured, not guessed.
 *
 * With INK_FLOOR_THREAD=1 it also starts one worker thread that runs nothing, as the wizard
 * starts its emulator's, and says so on screen: the memory floor of a UI with one more thread.
 */
import {Worker} from 'node:worker_threads';
import {useEffect, useState} from 'react';
import {withoutFetch} from '../source/platform/without-fetch.js';

const {Box, render, Text, useApp, useInput} = await withoutFetch(() => import('ink'));

function Floor() {
	const {exit} = useApp();
	const [thread, setThread] = useState(false);
	useInput(input => {
		if (input === 'q') {
			exit();
		}
	});
	useEffect(() => {
		if (process.env['INK_FLOOR_THREAD'] !== '1') {
			return;
		}

		const worker = new Worker('setInterval(() => {}, 1000);', {eval: true});
		worker.once('online', () => setThread(true));
		return () => {
			void worker.terminate();
		};
	}, []);

	return (
		<Box flexDirection="column">
			<Text bold>acs-tokens</Text>
			<Text>Connect to an Azure Communication Services resource.</Text>
			{thread ? <Text>thread up</Text> : null}
			<Text dimColor>Enter choose · q quit</Text>
		</Box>
	);
}

render(<Floor />);
