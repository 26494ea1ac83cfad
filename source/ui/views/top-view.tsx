import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {ProcessTable} from '../../engine/top.js';
import {loadTop} from '../../resources/run-action.js';
import type {Line} from '../../theme/tokens.js';
import {ScrollArea, clampOffset} from '../components/scroll-area.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useStore} from '../hooks/use-live-store.js';
import {moveCursor} from './cursor.js';

type Loaded = {state: 'loading'} | {state: 'failed'; message: string} | {state: 'ready'; table: ProcessTable};

/** Columns padded to their widest cell; the last one (the command) takes what is left. */
function tableLines(table: ProcessTable): Line[] {
	const rows = [table.titles, ...table.processes];
	const widths = table.titles.map((_, column) => Math.max(...rows.map(row => (row[column] ?? '').length)));
	const format = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
	return [[{text: format(table.titles), tone: 'table.header'}], ...table.processes.map((row): Line => [{text: format(row)}])];
}

/** `docker top` of one container, read again every 2 s while shown. */
export function TopView({id, label, height}: {id: string; label: string; width: number; height: number}) {
	const store = useStore();
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	const [offset, setOffsetState] = useState(0);
	const offsetRef = useRef(0);
	useEffect(() => {
		let current = true;
		const read = () =>
			void loadTop(store, id).then(outcome => {
				if (current) setLoaded(outcome.ok ? {state: 'ready', table: outcome.value} : {state: 'failed', message: outcome.message});
			});
		read();
		const timer = setInterval(read, 2000);
		return () => {
			current = false;
			clearInterval(timer);
		};
	}, [store, id]);
	const lines = useMemo(() => (loaded.state === 'ready' ? tableLines(loaded.table) : []), [loaded]);
	const bodyHeight = Math.max(1, height - 2);
	useCommands(['navigation', 'global'], command => {
		const moved = moveCursor(command, offsetRef.current, Math.max(1, lines.length - bodyHeight + 1), bodyHeight);
		if (moved === undefined) return false;
		offsetRef.current = moved;
		setOffsetState(moved);
		return true;
	});
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate-end">
				<Tone token="title">{`Processes of ${label}`}</Tone>
				<Tone token="muted">{loaded.state === 'ready' ? `  ${loaded.table.processes.length} processes · every 2 s` : ''}</Tone>
			</Text>
			{loaded.state === 'loading' ? <Tone token="muted">reading processes…</Tone> : null}
			{loaded.state === 'failed' ? <Tone token="message.error">{`top failed: ${loaded.message}`}</Tone> : null}
			{loaded.state === 'ready' ? <ScrollArea lines={lines} offset={clampOffset(offset, lines.length, bodyHeight)} height={bodyHeight} /> : null}
		</Box>
	);
}
