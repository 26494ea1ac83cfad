/**
 * The current service spec against its PreviousSpec, as rows for a
 * side-by-side view and for the rollback dialog: one row per changed leaf,
 * environment variables and labels one row per name, so "A=1 -> A=2" reads
 * as such rather than as a changed array.
 */
import {formatBytes} from '../lib/format.js';

export interface SpecChange {
	/** e.g. "TaskTemplate.ContainerSpec.Image", "TaskTemplate.ContainerSpec.Env[LOG_LEVEL]", "Labels[tier]". */
	path: string;
	/** Undefined when the field was absent. */
	before?: string;
	after?: string;
}

type Json = unknown;

/** Maps keyed by name, whose entries are compared one by one. */
const labelMaps = new Set(['Labels', 'DriverOpts', 'Options', 'Sysctls']);

function isRecord(value: Json): value is Record<string, Json> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The engine writes back empty objects, empty lists and zero values the request left out; they mean "absent". */
function isEmpty(value: Json): boolean {
	return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.values(value).every(isEmpty));
}

function envMap(entries: Json): Map<string, string> {
	const map = new Map<string, string>();
	if (!Array.isArray(entries)) return map;
	for (const entry of entries) {
		const text = String(entry);
		const equals = text.indexOf('=');
		// "NAME" alone passes the variable through from the daemon's environment.
		if (equals === -1) map.set(text, '(inherited)');
		else map.set(text.slice(0, equals), text.slice(equals + 1));
	}
	return map;
}

const nanosecondFields = new Set(['Delay', 'Monitor', 'StopGracePeriod', 'Interval', 'Timeout', 'StartPeriod', 'StartInterval']);

function formatNanoseconds(ns: number): string {
	if (ns === 0) return '0s';
	const units: [string, number][] = [['h', 3600e9], ['m', 60e9], ['s', 1e9], ['ms', 1e6], ['µs', 1e3], ['ns', 1]];
	let rest = ns;
	let text = '';
	for (const [unit, size] of units) {
		const count = Math.floor(rest / size);
		if (count > 0) {
			text += `${count}${unit}`;
			rest -= count * size;
		}
	}
	return text;
}

function show(key: string, value: Json): string | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'number') {
		if (nanosecondFields.has(key)) return formatNanoseconds(value);
		if (key === 'NanoCPUs') return `${value / 1e9} CPU`;
		if (key === 'MemoryBytes' || key === 'MemorySwap') return formatBytes(value);
	}
	if (Array.isArray(value) && value.every(each => typeof each !== 'object' || each === null)) {
		const texts = value.map(String);
		// Placement constraints are a set: the same ones in another order are no change.
		return (key === 'Constraints' ? texts.sort() : texts).join(', ');
	}
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function pushChange(changes: SpecChange[], path: string, key: string, before: Json, after: Json): void {
	const shownBefore = show(key, before);
	const shownAfter = show(key, after);
	if (shownBefore !== shownAfter) changes.push({path, ...(shownBefore === undefined ? {} : {before: shownBefore}), ...(shownAfter === undefined ? {} : {after: shownAfter})});
}

function diffNamed(changes: SpecChange[], path: string, before: Map<string, string>, after: Map<string, string>): void {
	const names = [...new Set([...before.keys(), ...after.keys()])].sort();
	for (const name of names) pushChange(changes, `${path}[${name}]`, name, before.get(name), after.get(name));
}

function walk(changes: SpecChange[], path: string, key: string, before: Json, after: Json): void {
	if (key === 'Env') {
		diffNamed(changes, path, envMap(before), envMap(after));
		return;
	}
	if (labelMaps.has(key) && (isRecord(before) || isRecord(after))) {
		const asMap = (value: Json) => new Map(Object.entries(isRecord(value) ? value : {}).map(([name, text]) => [name, String(text)]));
		diffNamed(changes, path, asMap(before), asMap(after));
		return;
	}
	if (isRecord(before) || isRecord(after)) {
		const left = isRecord(before) ? before : {};
		const right = isRecord(after) ? after : {};
		const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
		for (const child of keys) walk(changes, path === '' ? child : `${path}.${child}`, child, left[child], right[child]);
		return;
	}
	const objectList = (value: Json) => Array.isArray(value) && value.some(isRecord);
	if (objectList(before) || objectList(after)) {
		const left = Array.isArray(before) ? before : [];
		const right = Array.isArray(after) ? after : [];
		for (let index = 0; index < Math.max(left.length, right.length); index++) {
			walk(changes, `${path}[${index}]`, key, left[index], right[index]);
		}
		return;
	}
	pushChange(changes, path, key, before, after);
}

/** Every changed leaf from `previous` (before) to `current` (after); [] when they are the same. */
export function diffSpecs(previous: Json, current: Json): SpecChange[] {
	const changes: SpecChange[] = [];
	walk(changes, '', '', previous, current);
	return changes;
}

/**
 * Why a rollback would be pointless or impossible, or undefined when it can go
 * ahead. The engine itself only refuses a service without PreviousSpec.
 */
export function rollbackBlocker(serviceName: string, current: Json, previous: Json): string | undefined {
	if (previous === undefined || previous === null) return `${serviceName} has no previous spec: it was never updated, so there is nothing to roll back to`;
	if (diffSpecs(previous, current).length === 0) return `the previous spec of ${serviceName} is the same as the current one: a rollback would change nothing`;
	return undefined;
}
