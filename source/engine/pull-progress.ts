/**
 * The engine's JSON progress lines (pull, load, push) folded into one small
 * state per layer. Pure: each event gives a new state in which only the
 * changed layer is a new object, so a view re-renders that row alone.
 *
 * A line looks like {"status":"Downloading","id":"b4cf8a497628",
 * "progressDetail":{"current":3678,"total":300292}}; lines without an id (or
 * "Pulling from <repo>", whose id is the tag) are messages for the whole pull;
 * {"error":..., "errorDetail":{"message":...}} ends it with the engine's words.
 */

export type LayerPhase =
	| 'queued'
	| 'waiting'
	| 'downloading'
	| 'retrying'
	| 'verifying'
	| 'downloaded'
	| 'extracting'
	| 'complete'
	| 'exists'
	| 'loading'
	| 'other';

export interface LayerProgress {
	/** Short layer id as the engine prints it (12 hex). */
	id: string;
	phase: LayerPhase;
	/** The engine's status text, e.g. "Retrying in 5 seconds". */
	status: string;
	/** Bytes done in the current phase, when the engine says. */
	current?: number;
	total?: number;
}

export interface PullProgress {
	/** Layers by id, in the order the engine first named them (see `order`). */
	layers: Readonly<Record<string, LayerProgress>>;
	order: readonly string[];
	/** Lines about the whole pull: "Pulling from library/busybox", "Digest: sha256:...", "Status: ...". */
	messages: readonly string[];
	digest?: string;
	/** The engine's error text when the stream reported one. */
	error?: string;
}

export interface ProgressEvent {
	status?: string;
	id?: string;
	progressDetail?: {current?: number; total?: number};
	error?: string;
	errorDetail?: {message?: string};
	stream?: string;
}

export const emptyPullProgress: PullProgress = {layers: {}, order: [], messages: []};

const phases: [RegExp, LayerPhase][] = [
	[/^Pulling fs layer/, 'queued'],
	[/^Waiting/, 'waiting'],
	[/^Downloading/, 'downloading'],
	[/^Retrying/, 'retrying'],
	[/^Verifying Checksum/, 'verifying'],
	[/^Download complete/, 'downloaded'],
	[/^Extracting/, 'extracting'],
	[/^Pull complete/, 'complete'],
	[/^Already exists/, 'exists'],
	[/^Loading layer/, 'loading'],
];

export function layerPhase(status: string): LayerPhase {
	return phases.find(([pattern]) => pattern.test(status))?.[1] ?? 'other';
}

export function applyProgressEvent(state: PullProgress, event: ProgressEvent): PullProgress {
	const error = event.errorDetail?.message ?? event.error;
	if (error !== undefined) return {...state, error: error.trim()};

	const status = (event.status ?? event.stream ?? '').trim();
	if (event.id === undefined || event.id === '' || status.startsWith('Pulling from ')) {
		if (status === '') return state;
		const digest = /^Digest: (\S+)/.exec(status)?.[1];
		return {...state, messages: [...state.messages, status], ...(digest === undefined ? {} : {digest})};
	}

	const previous = state.layers[event.id];
	const detail = event.progressDetail ?? {};
	const hasBytes = typeof detail.total === 'number' && detail.total > 0;
	const layer: LayerProgress = {
		id: event.id,
		phase: layerPhase(status),
		status,
		...(hasBytes ? {current: detail.current ?? 0, total: detail.total} : {}),
	};
	if (previous && previous.status === layer.status && previous.current === layer.current && previous.total === layer.total) return state;
	return {
		...state,
		layers: {...state.layers, [event.id]: layer},
		order: previous ? state.order : [...state.order, event.id],
	};
}

export interface PullTotals {
	layers: number;
	/** Layers complete or already present. */
	finished: number;
	/** Sum over layers with a known size in their current phase. */
	current: number;
	total: number;
}

export function pullTotals(state: PullProgress): PullTotals {
	const totals: PullTotals = {layers: state.order.length, finished: 0, current: 0, total: 0};
	for (const id of state.order) {
		const layer = state.layers[id];
		if (!layer) continue;
		if (layer.phase === 'complete' || layer.phase === 'exists') totals.finished++;
		if (layer.total !== undefined) {
			totals.current += layer.current ?? 0;
			totals.total += layer.total;
		}
	}

	return totals;
}
