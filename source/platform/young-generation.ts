import {setFlagsFromString} from 'node:v8';

/**
 * Keeps V8's young generation at the size it has reached. V8 grows it under a burst of
 * allocation and seldom gives it back: in the wizard, that burst is the start (the first frame)
 * and each step's request, and the heap then holds some 8 MiB more than an interactive program
 * needs. With growth stopped, minor collections come more often but each is small (the wizard's
 * live young objects are few), and a key press still gets its frame in a few milliseconds
 * (bench:tui). Called once the first frame is out, so the start keeps its larger space.
 *
 * `--semi-space-growth-factor` is one of the flags V8 reads when it decides to grow, not at
 * start, so setting it here takes effect (`--max-semi-space-size` would not). It is process-wide:
 * it covers the embedded emulator's thread too.
 */
export function stopYoungGenerationGrowth(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}
