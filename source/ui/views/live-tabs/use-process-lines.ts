import {useEffect, useMemo, useState} from 'react';
import type {ProcessTable} from '../../../engine/top.js';
import {loadTop} from '../../../resources/run-action.js';
import type {Line} from '../../../theme/tokens.js';
import {useStore} from '../../hooks/use-live-store.js';

type Loaded = {state: 'loading'} | {state: 'failed'; message: string} | {state: 'ready'; table: ProcessTable};

/** Columns padded to their widest cell; the last one (the command) takes what is left. */
export function processLines(table: ProcessTable): Line[] {
	const rows = [table.titles, ...table.processes];
	const widths = table.titles.map((_, column) => Math.max(...rows.map(row => (row[column] ?? '').length)));
	const format = (row: readonly string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
	return [[{text: format(table.titles), tone: 'table.header'}], ...table.processes.map((row): Line => [{text: format(row)}])];
}

/** The Processes tab: `docker top` of one container, read again every 2 s while the tab is shown. */
export function useProcessLines(id: string, active: boolean): Line[] {
	const store = useStore();
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	useEffect(() => {
		if (!active) return undefined;
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
	}, [store, id, active]);
	return useMemo((): Line[] => {
		if (!active) return [];
		if (loaded.state === 'loading') return [[{text: 'reading processes…', tone: 'muted'}]];
		if (loaded.state === 'failed') return [[{text: `top failed: ${loaded.message}`, tone: 'message.error'}]];
		return [...processLines(loaded.table), [], [{text: `${loaded.table.processes.length} processes · read every 2 s`, tone: 'muted'}]];
	}, [active, loaded]);
}
