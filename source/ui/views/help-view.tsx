import {Box, Text} from 'ink';
import {useMemo, useRef, useState} from 'react';
import {groupedBindings, keysLabel} from '../../keymap/key-docs.js';
import type {Line} from '../../theme/tokens.js';
import {useAppControls} from '../app-context.js';
import {ScrollArea} from '../components/scroll-area.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {moveCursor} from './cursor.js';

/** Every key of the key table, grouped; generated from the same rows that dispatch input. */
export function HelpView({height}: {height: number}) {
	const {keyTable} = useAppControls();
	const [offset, setOffsetState] = useState(0);
	// Keys of one burst are handled before the next render: move from the latest offset.
	const offsetRef = useRef(0);
	const setOffset = (next: number) => {
		offsetRef.current = next;
		setOffsetState(next);
	};
	const lines = useMemo(() => {
		const result: Line[] = [];
		for (const [group, rows] of groupedBindings(keyTable)) {
			result.push([{text: group, tone: 'title'}]);
			for (const row of rows) {
				result.push([
					{text: `  ${keysLabel(row).padEnd(22)}`, tone: 'key'},
					{text: row.description},
					...(row.dangerous ? [{text: '  (asks to confirm)', tone: 'dialog.danger' as const}] : []),
				]);
			}
			result.push([]);
		}
		return result;
	}, [keyTable]);
	const bodyHeight = Math.max(1, height - 1);
	useCommands(['help', 'navigation', 'global'], command => {
		const moved = moveCursor(command, offsetRef.current, Math.max(1, lines.length - bodyHeight + 1), bodyHeight);
		if (moved === undefined) return command === 'app.help';
		setOffset(moved);
		return true;
	});
	return (
		<Box flexDirection="column" height={height}>
			<Text>
				<Tone token="title">Keys</Tone>
				<Tone token="muted">  (j/k to scroll, q or Esc to close)</Tone>
			</Text>
			<ScrollArea lines={lines} offset={offset} height={bodyHeight} />
		</Box>
	);
}
