import {text} from '../../text/index.js';
import {minimumSize, type TerminalSize} from '../hooks/use-terminal-size.js';
import {Prose} from './prose.js';

/** All there is on screen while the terminal is too small: the size it is, the size it needs, and the way out. */
export function SizeNotice({size}: {readonly size: TerminalSize}) {
	return <Prose color="yellow">{text.wizard.tooSmall(size, minimumSize)}</Prose>;
}
