/**
 * The engine's prune filters, twice: as the engine evaluates them (for the
 * plan) and as the request carries them (for the executor), built from the
 * same options so the two cannot drift apart.
 */
import type {LabelFilters, PruneRequest} from './types.js';

/** The engine's MatchKVList: true when every "key" / "key=value" entry holds for `labels` (true for no entries). */
function matchesAll(entries: string[], labels: Record<string, string>): boolean {
	if (entries.length === 0) return true;
	if (Object.keys(labels).length === 0) return false;
	return entries.every(entry => {
		const equals = entry.indexOf('=');
		const key = equals === -1 ? entry : entry.slice(0, equals);
		if (!(key in labels)) return false;
		return equals === -1 || labels[key] === entry.slice(equals + 1);
	});
}

/** The engine's matchLabels: all `label` entries hold, and not all `label!` entries hold. */
export function matchLabels(filters: LabelFilters, labels: Record<string, string>): boolean {
	if (!matchesAll(filters.label ?? [], labels)) return false;
	const notLabel = filters.notLabel ?? [];
	return notLabel.length === 0 || !matchesAll(notLabel, labels);
}

const durationUnits: Record<string, number> = {ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000};
const durationPattern = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const durationPart = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;

/** A Go duration ("24h", "1h30m", "1.5h") in ms, or undefined when `text` is not one. */
export function parseGoDuration(text: string): number | undefined {
	const match = durationPattern.exec(text);
	if (!match) return undefined;
	let total = 0;
	for (const [, amount = '0', unit = 's'] of text.matchAll(durationPart)) total += Number(amount) * (durationUnits[unit] ?? 0);
	return match[1] === '-' ? -total : total;
}

/**
 * The `until` filter's cut-off in epoch ms, read as the engine reads it: a
 * duration counts back from `now` and is cut to whole seconds (the engine
 * turns it into unix seconds); "0" is not a duration but the time 0; unix
 * seconds ("1700000000.5"); or an RFC 3339 date/time, in local time when it
 * names no zone. Throws with a message on anything else.
 */
export function parseUntil(text: string, now: number): number {
	const value = text.trim();
	const duration = value === '0' ? undefined : parseGoDuration(value);
	if (duration !== undefined) return Math.floor((now - duration) / 1000) * 1000;
	if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
	if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) {
		const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value.replace(' ', 'T'));
		if (Number.isFinite(ms)) return ms;
	}

	throw new Error(`until "${text}" is neither a duration (24h, 90m) nor a time (unix seconds or 2024-01-31T12:00:00Z)`);
}

function labelFilters(options: LabelFilters): Record<string, string[]> {
	return {
		...(options.label?.length ? {label: options.label} : {}),
		...(options.notLabel?.length ? {'label!': options.notLabel} : {}),
	};
}

/** First API version whose volume prune takes `all` and, without it, prunes anonymous volumes only. */
export const volumeAllFilterSince = '1.42';

export function apiAtLeast(version: string, minimum: string): boolean {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	const [wantMajor = 0, wantMinor = 0] = minimum.split('.').map(Number);
	return major === wantMajor ? minor >= wantMinor : major > wantMajor;
}

/**
 * The request's `filters` parameter. Every value is an array of strings: the
 * engine decodes map[string][]string, and a bare boolean gets HTTP 500.
 */
export function engineFilters(request: PruneRequest, apiVersion: string): Record<string, string[]> {
	switch (request.kind) {
		case 'containers':
		case 'networks':
			return {...labelFilters(request.options), ...(request.options.until ? {until: [request.options.until]} : {})};
		case 'images':
			return {
				dangling: [request.options.all ? 'false' : 'true'],
				...labelFilters(request.options),
				...(request.options.until ? {until: [request.options.until]} : {}),
			};
		case 'volumes':
			// Older engines reject an `all` filter they do not know, and prune named volumes anyway.
			return {...labelFilters(request.options), ...(request.options.all && apiAtLeast(apiVersion, volumeAllFilterSince) ? {all: ['true']} : {})};
		case 'buildCache':
			return request.options.until ? {until: [request.options.until]} : {};
	}
}
