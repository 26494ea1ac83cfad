const bars = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as a bar chart one cell high, scaled to `max`
 * (default: the largest value shown). Missing values draw as spaces.
 */
export function sparkline(values: readonly (number | undefined)[], width: number, max?: number): string {
	const shown = values.slice(-width);
	const top = max ?? Math.max(0, ...shown.map(value => value ?? 0));
	const line = shown
		.map(value => {
			if (value === undefined || !Number.isFinite(value)) return ' ';
			if (top <= 0) return bars[0];
			return bars[Math.min(bars.length - 1, Math.max(0, Math.round((value / top) * (bars.length - 1))))];
		})
		.join('');
	return line.padStart(width, ' ');
}

/** Per-second rates from cumulative counters read at times `at` (ms): one fewer than the readings. */
export function ratesPerSecond(readings: readonly {at: number; value: number}[]): number[] {
	const rates: number[] = [];
	for (let index = 1; index < readings.length; index++) {
		const previous = readings[index - 1] as {at: number; value: number};
		const current = readings[index] as {at: number; value: number};
		const seconds = (current.at - previous.at) / 1000;
		rates.push(seconds > 0 ? Math.max(0, (current.value - previous.value) / seconds) : 0);
	}
	return rates;
}
