/**
 * The engine's RFC 3339 times carry nanoseconds, and its `until` filters
 * compare at that precision; Date.parse keeps milliseconds only. This keeps
 * the fraction below a millisecond, so a plan compares as the engine does.
 * NaN for a missing or unreadable time.
 */
export function preciseEpochMs(iso: string | undefined): number {
	if (!iso) return Number.NaN;
	const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
	const whole = Date.parse(iso.replace(/\.\d+/, ''));
	return whole + (fraction === '' ? 0 : Number(`0.${fraction}`) * 1000);
}
