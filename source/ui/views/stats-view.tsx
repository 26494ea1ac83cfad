import {Box, Text} from 'ink';
import {useEffect} from 'react';
import {formatBytes, formatPercent} from '../../lib/format.js';
import {ratesPerSecond, sparkline} from '../../lib/sparkline.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useStore, useStoreSlice} from '../hooks/use-live-store.js';

/**
 * Live figures of one container as `docker stats` computes them, with charts
 * of the readings held (about 5 minutes at one reading per 2 s).
 */
export function StatsView({id, label, width, height}: {id: string; label: string; width: number; height: number}) {
	const store = useStore();
	useEffect(() => {
		store.setStatsTargets([id]);
		return () => store.setStatsTargets([]);
	}, [store, id]);
	const current = useStoreSlice(snapshot => snapshot.stats[id]);
	useCommands(['navigation', 'global'], () => false);
	const history = store.statsHistory(id);
	const chartWidth = Math.max(10, Math.min(150, width - 44));
	const series = (pick: (index: number) => number) => history.map((_, index) => pick(index));
	const rate = (pick: (index: number) => number) => ratesPerSecond(history.map((reading, index) => ({at: reading.at, value: pick(index)})));
	const readingAt = (index: number) => history[index] as NonNullable<(typeof history)[number]>;
	const rows: [label: string, value: string, chart: string, tone: 'chart.cpu' | 'chart.memory'][] = current
		? [
				['CPU', formatPercent(current.cpuPercent), sparkline(history.map(reading => reading.cpuPercent), chartWidth), 'chart.cpu'],
				['Memory', `${formatBytes(current.memoryUsed)} / ${formatBytes(current.memoryLimit)} (${formatPercent(current.memoryPercent)})`, sparkline(series(index => readingAt(index).memoryUsed), chartWidth), 'chart.memory'],
				['Net rx', `${formatBytes(rate(index => readingAt(index).networkRx).at(-1))}/s`, sparkline(rate(index => readingAt(index).networkRx), chartWidth), 'chart.cpu'],
				['Net tx', `${formatBytes(rate(index => readingAt(index).networkTx).at(-1))}/s`, sparkline(rate(index => readingAt(index).networkTx), chartWidth), 'chart.cpu'],
				['Block read', `${formatBytes(rate(index => readingAt(index).blockRead).at(-1))}/s`, sparkline(rate(index => readingAt(index).blockRead), chartWidth), 'chart.memory'],
				['Block write', `${formatBytes(rate(index => readingAt(index).blockWrite).at(-1))}/s`, sparkline(rate(index => readingAt(index).blockWrite), chartWidth), 'chart.memory'],
				['PIDs', String(current.pids), sparkline(series(index => readingAt(index).pids), chartWidth), 'chart.cpu'],
			]
		: [];
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate-end">
				<Tone token="title">{`Stats of ${label}`}</Tone>
				<Tone token="muted">{`  ${history.length} readings held · computed like docker stats (memory without page cache)`}</Tone>
			</Text>
			<Text> </Text>
			{rows.length === 0 ? (
				<Tone token="muted">waiting for the first readings… (only a running container has stats)</Tone>
			) : (
				rows.map(([name, value, chart, tone]) => (
					<Text key={name} wrap="truncate-end">
						<Tone token="muted">{name.padEnd(12)}</Tone>
						{value.padEnd(30).slice(0, 30)}
						<Tone token={tone}>{` ${chart}`}</Tone>
					</Text>
				))
			)}
		</Box>
	);
}
