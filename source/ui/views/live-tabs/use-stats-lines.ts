import {useEffect} from 'react';
import type {ContainerStats} from '../../../engine/types.js';
import {formatBytes, formatPercent} from '../../../lib/format.js';
import {ratesPerSecond, sparkline} from '../../../lib/sparkline.js';
import type {Line, Token} from '../../../theme/tokens.js';
import {useStore, useStoreSlice} from '../../hooks/use-live-store.js';

type ChartToken = Extract<Token, 'chart.cpu' | 'chart.memory'>;

function row(name: string, value: string, chart: string, tone: ChartToken): Line {
	return [{text: name.padEnd(12), tone: 'muted'}, {text: value.padEnd(30).slice(0, 30)}, {text: ` ${chart}`, tone}];
}

/** Rows of figures and charts from the readings held, oldest first. */
export function statsLines(current: ContainerStats, history: readonly ContainerStats[], width: number): Line[] {
	const chartWidth = Math.max(10, Math.min(150, width - 44));
	const rate = (pick: (reading: ContainerStats) => number) => ratesPerSecond(history.map(reading => ({at: reading.at, value: pick(reading)})));
	const rateRow = (name: string, pick: (reading: ContainerStats) => number, tone: ChartToken) => {
		const rates = rate(pick);
		return row(name, `${formatBytes(rates.at(-1))}/s`, sparkline(rates, chartWidth), tone);
	};
	return [
		row('CPU', formatPercent(current.cpuPercent), sparkline(history.map(reading => reading.cpuPercent), chartWidth), 'chart.cpu'),
		row('Memory', `${formatBytes(current.memoryUsed)} / ${formatBytes(current.memoryLimit)} (${formatPercent(current.memoryPercent)})`, sparkline(history.map(reading => reading.memoryUsed), chartWidth), 'chart.memory'),
		rateRow('Net rx', reading => reading.networkRx, 'chart.cpu'),
		rateRow('Net tx', reading => reading.networkTx, 'chart.cpu'),
		rateRow('Block read', reading => reading.blockRead, 'chart.memory'),
		rateRow('Block write', reading => reading.blockWrite, 'chart.memory'),
		row('PIDs', String(current.pids), sparkline(history.map(reading => reading.pids), chartWidth), 'chart.cpu'),
		[],
		[{text: `${history.length} readings held (about 5 minutes) · computed like docker stats: memory without the page cache`, tone: 'muted'}],
	];
}

/**
 * The Stats tab: live figures of one container as `docker stats` computes
 * them, with charts. Readings are asked for only while the tab is shown.
 */
export function useStatsLines(id: string, width: number, active: boolean): Line[] {
	const store = useStore();
	useEffect(() => {
		if (!active) return undefined;
		store.setStatsTargets([id]);
		return () => store.setStatsTargets([]);
	}, [store, id, active]);
	const current = useStoreSlice(snapshot => (active ? snapshot.stats[id] : undefined));
	if (!active) return [];
	if (!current) return [[{text: 'waiting for the first readings… (only a running container has stats)', tone: 'muted'}]];
	return statsLines(current, store.statsHistory(id), width);
}
