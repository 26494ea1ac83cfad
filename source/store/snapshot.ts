import type {ContainerStats, EngineInfo, Listed} from '../engine/types.js';

/** A resource kind the store can list: 'containers', later 'images', 'services'... */
export type Kind = string;

export interface ListState {
	items: readonly Listed[];
	/** True once the first list call answered. */
	loaded: boolean;
	/** The engine's message when the last list call failed; the items stay. */
	error?: string;
	/** Epoch ms of the last successful list. */
	updatedAt?: number;
}

/** What the UI needs to draw the "cannot reach the engine" screen or banner. */
export interface EngineProblem {
	title: string;
	detail: string;
	hint?: string;
}

export interface ConnectionState {
	status: 'connecting' | 'connected' | 'disconnected';
	/** Set while disconnected: why. */
	problem?: EngineProblem;
	/** Epoch ms of the next reconnect attempt, while disconnected. */
	nextRetryAt?: number;
	/** Failed attempts since the last success. */
	attempts: number;
	/** Whether a connection ever succeeded (decides: error screen or banner over the last snapshot). */
	everConnected: boolean;
}

export interface Snapshot {
	connection: ConnectionState;
	info?: EngineInfo;
	lists: Readonly<Record<Kind, ListState>>;
	stats: Readonly<Record<string, ContainerStats>>;
}

export type StoreAction =
	| {type: 'connecting'}
	| {type: 'connected'}
	| {type: 'info'; info: EngineInfo}
	| {type: 'disconnected'; problem: EngineProblem; nextRetryAt: number}
	| {type: 'listed'; kind: Kind; items: readonly Listed[]; at: number}
	| {type: 'listFailed'; kind: Kind; error: string}
	| {type: 'stats'; readings: readonly ContainerStats[]}
	| {type: 'statsForgotten'; ids: readonly string[]};

export const emptyList: ListState = Object.freeze({items: Object.freeze([]) as readonly Listed[], loaded: false});

export const initialSnapshot: Snapshot = {
	connection: {status: 'connecting', attempts: 0, everConnected: false},
	lists: {},
	stats: {},
};

/**
 * Keeps the old object for every item whose rev did not change, and the old
 * array when nothing changed at all, so memoised rows skip re-rendering.
 */
function mergeItems(previous: readonly Listed[], next: readonly Listed[]): readonly Listed[] {
	const previousById = new Map(previous.map(item => [item.id, item]));
	let changed = previous.length !== next.length;
	const merged = next.map((item, index) => {
		const old = previousById.get(item.id);
		const kept = old && old.rev === item.rev ? old : item;
		if (kept !== previous[index]) changed = true;
		return kept;
	});
	return changed ? merged : previous;
}

/** The one reducer: every change to the live model passes through here. */
export function reduce(snapshot: Snapshot, action: StoreAction): Snapshot {
	switch (action.type) {
		case 'connecting':
			if (snapshot.connection.status === 'connecting') return snapshot;
			return {...snapshot, connection: {...snapshot.connection, status: 'connecting'}};
		case 'connected':
			return {...snapshot, connection: {status: 'connected', attempts: 0, everConnected: true}};
		case 'info':
			return {...snapshot, info: action.info};
		case 'disconnected':
			return {
				...snapshot,
				connection: {
					status: 'disconnected',
					problem: action.problem,
					nextRetryAt: action.nextRetryAt,
					attempts: snapshot.connection.attempts + 1,
					everConnected: snapshot.connection.everConnected,
				},
			};
		case 'listed': {
			const previous = snapshot.lists[action.kind] ?? emptyList;
			const items = mergeItems(previous.items, action.items);
			if (items === previous.items && previous.loaded && previous.error === undefined) return snapshot;
			return {...snapshot, lists: {...snapshot.lists, [action.kind]: {items, loaded: true, updatedAt: action.at}}};
		}
		case 'listFailed': {
			const previous = snapshot.lists[action.kind] ?? emptyList;
			if (previous.error === action.error) return snapshot;
			return {...snapshot, lists: {...snapshot.lists, [action.kind]: {...previous, error: action.error}}};
		}
		case 'stats': {
			const changed = action.readings.filter(reading => {
				const previous = snapshot.stats[reading.id];
				return !previous || !sameStats(previous, reading);
			});
			if (changed.length === 0) return snapshot;
			const stats = {...snapshot.stats};
			for (const reading of changed) stats[reading.id] = reading;
			return {...snapshot, stats};
		}
		case 'statsForgotten': {
			const present = action.ids.filter(id => id in snapshot.stats);
			if (present.length === 0) return snapshot;
			const stats = {...snapshot.stats};
			for (const id of present) delete stats[id];
			return {...snapshot, stats};
		}
	}
}

/** Equal as displayed: a reading that would draw the same row changes nothing. */
function sameStats(a: ContainerStats, b: ContainerStats): boolean {
	return (
		a.cpuPercent?.toFixed(1) === b.cpuPercent?.toFixed(1) &&
		a.memoryUsed === b.memoryUsed &&
		a.memoryLimit === b.memoryLimit &&
		a.pids === b.pids &&
		a.networkRx === b.networkRx &&
		a.networkTx === b.networkTx &&
		a.blockRead === b.blockRead &&
		a.blockWrite === b.blockWrite
	);
}
