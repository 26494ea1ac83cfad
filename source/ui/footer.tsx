import {Text} from 'ink';
import {memo} from 'react';
import type {KeyBinding} from '../keymap/commands.js';
import {displayKey} from '../keymap/keys.js';
import type {StatusMessage} from './app-context.js';
import {LineView, Tone} from './components/tone.js';

/** Status line (last action's outcome or the engine's message) over the key hints of the active scopes. */
export const Footer = memo(function Footer({hints, status}: {hints: readonly KeyBinding[]; status?: StatusMessage}) {
	return (
		<>
			<Text wrap="truncate-end">{status ? <Tone token={status.tone}>{status.text}</Tone> : ' '}</Text>
			<LineView line={hints.flatMap(hint => [
				{tone: 'key' as const, text: displayKey(hint.keys[0] ?? '')},
				{tone: 'muted' as const, text: ` ${hint.hint}  `},
			])} />
		</>
	);
});
