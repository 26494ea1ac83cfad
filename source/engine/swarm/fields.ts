/** Small conversions every Swarm mapper shares. */
import type {RawResources} from './raw.js';
import type {ResourceAmounts} from './types.js';

/** ISO time -> epoch ms; the engine's zero time ("0001-01-01...") and junk -> 0. */
export function epochMs(iso: string | undefined): number {
	if (!iso || iso.startsWith('0001-')) return 0;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? ms : 0;
}

export function toResources(raw: RawResources | undefined): ResourceAmounts {
	return {cpus: (raw?.NanoCPUs ?? 0) / 1e9, memoryBytes: raw?.MemoryBytes ?? 0};
}

/**
 * The rev of a summary: a fingerprint of exactly the fields we show, so a
 * change the panes cannot see (a task's network attachment, a node's TLS
 * roots) does not make the reducer replace the row.
 */
export function fingerprint(shownFields: object): string {
	return JSON.stringify(shownFields);
}

/** Plain code-unit order; the store applies the user's natural sort on top. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
