import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import {debounce} from '../../lib/throttle.js';

export interface TerminalSize {
	columns: number;
	rows: number;
}

function read(stdout: NodeJS.WriteStream): TerminalSize {
	return {columns: stdout.columns || 80, rows: stdout.rows || 24};
}

/**
 * The terminal size, updated once a resize settles (100 ms): dragging a
 * window edge sends dozens of resize events and a full layout per event
 * would flicker.
 */
export function useTerminalSize(): TerminalSize {
	const stdout = useStdout().stdout as NodeJS.WriteStream;
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const update = debounce(() => setSize(read(stdout)), 100);
		stdout.on('resize', update);
		return () => {
			update.cancel();
			stdout.off('resize', update);
		};
	}, [stdout]);
	return size;
}
