import {Text} from 'ink';
import {memo} from 'react';
import type {KeyBinding} from '../keymap/commands.js';
import {displayKey} from '../keymap/keys.js';
import type {StatusMessage} from './app-context.js';
import {Tone} from './components/tone.js';

/** Status line (last action's outcome or the engine's message) over the key hints of the active scopes. */
export const Footer = memo(function Footer({hints, status}: {hints: readonly KeyBinding[]; status?: StatusMessage}) {
	return (
		<>
			<Text wrap="truncate-end">{status ? <Tone token={status.tone}>{status.text}</Tone> : ' '}</Text>
			<Text wrap="truncate-end">
				{hints.map(hint => (
					<Text key={hint.command}>
						<Tone token="key">{displayKey(hint.keys[0] ?? '')}</Tone>
						<Tone token="muted">{` ${hint.hint}  `}</Tone>
					</Text>
				))}
			</Text>
		</>
	);
});
