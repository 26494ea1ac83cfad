import type {EngineSession} from '../engine/client.js';
import {streamContainerLogs, type LogQuery, type ReceivedLine} from '../engine/logs.js';
import {streamServiceLogs} from '../engine/swarm/service-logs.js';
import {LogRing} from './log-ring.js';
import {throttle, type Throttled} from '../lib/throttle.js';
import type {LiveStore} from './live-store.js';

export interface LogSource {
	/** Container id, or service id or name. */
	id: string;
	/** Prefix shown on merged logs ("web-1"); omitted for a single container. Service lines name their task instead. */
	label?: string;
	/** A Swarm service: the merged logs of all its tasks, each line "service.slot@node". Default: a container. */
	service?: boolean;
}

/** Streams one source's logs: a container's, or every task of a service. */
function streamSource(session: EngineSession, source: LogSource, query: LogQuery, signal: AbortSignal, onLines: (lines: ReceivedLine[]) => void): Promise<void> {
	return source.service ? streamServiceLogs(session.docker, source.id, query, signal, onLines) : streamContainerLogs(session.docker, source.id, query, signal, onLines);
}

/** Presets on keys 0..6: all, 1m, 5m, 15m, 1h, 6h, 24h. The default is the last 500 lines. */
export const logPresets: readonly {key: string; label: string; query: () => LogQuery}[] = [
	{key: '0', label: 'all', query: () => ({tail: 'all', follow: true})},
	{key: '1', label: 'last 1m', query: () => ({tail: 'all', sinceMs: Date.now() - 60_000, follow: true})},
	{key: '2', label: 'last 5m', query: () => ({tail: 'all', sinceMs: Date.now() - 5 * 60_000, follow: true})},
	{key: '3', label: 'last 15m', query: () => ({tail: 'all', sinceMs: Date.now() - 15 * 60_000, follow: true})},
	{key: '4', label: 'last 1h', query: () => ({tail: 'all', sinceMs: Date.now() - 3_600_000, follow: true})},
	{key: '5', label: 'last 6h', query: () => ({tail: 'all', sinceMs: Date.now() - 6 * 3_600_000, follow: true})},
	{key: '6', label: 'last 24h', query: () => ({tail: 'all', sinceMs: Date.now() - 24 * 3_600_000, follow: true})},
];

/** Never empty for a quiet container: the last lines, not a time window. */
export const defaultLogQuery = (): LogQuery => ({tail: 500, follow: true});
export const defaultLogLabel = 'last 500 lines';

/** Merges per-source line lists into one, oldest first; lines without a time keep their place after the previous line. */
export function mergeByTime<Line extends {time?: number}>(lists: readonly (readonly Line[])[]): Line[] {
	const tagged = lists.flatMap((lines, list) => lines.map((line, index) => ({line, list, index})));
	return tagged
		.sort((a, b) => (a.line.time ?? 0) - (b.line.time ?? 0) || a.list - b.list || a.index - b.index)
		.map(entry => entry.line);
}

export type LogState = {status: 'streaming' | 'ended'} | {status: 'failed'; message: string};

/**
 * The lines of one log view, kept in a ring buffer outside React so memory
 * stays bounded however long it follows. One stream per source container,
 * aborted when the session stops or the query changes. Subscribers hear at
 * most ~10 times a second however fast the container logs.
 */
export class LogSession {
	readonly buffer: LogRing;
	private abort: AbortController | undefined;
	private readonly listeners = new Set<() => void>();
	private readonly notify: Throttled;
	private revision = 0;
	private state: LogState = {status: 'streaming'};

	constructor(
		private readonly store: LiveStore,
		readonly sources: readonly LogSource[],
		capacity: number,
		private readonly errorMessage: (error: unknown) => string,
		// 10 redraws a second while lines pour in: more is unreadable and costs the CPU keys need.
		notifyIntervalMs = 100,
	) {
		this.buffer = new LogRing(capacity);
		this.notify = throttle(() => {
			this.revision++;
			for (const listener of this.listeners) listener();
		}, notifyIntervalMs);
	}

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	/** Changes whenever lines arrive or the state changes: the useSyncExternalStore snapshot. */
	readonly getRevision = (): number => this.revision;

	get current(): LogState {
		return this.state;
	}

	/** (Re)starts every stream with `query`, dropping the lines held so far. */
	start(query: LogQuery): void {
		this.abort?.abort();
		const abort = new AbortController();
		this.abort = abort;
		this.buffer.clear();
		this.state = {status: 'streaming'};
		this.notify();
		void (this.sources.length > 1 ? this.startMerged(query, abort.signal) : this.follow(this.sources, query, abort.signal, new Map()));
	}

	/**
	 * Several sources: their backlogs are read first and merged in time order
	 * (streams opened at once would deliver each container's backlog as one
	 * block), then each source is followed from its last line on.
	 */
	private async startMerged(query: LogQuery, signal: AbortSignal): Promise<void> {
		const backlogs = await Promise.all(
			this.sources.map(async source => {
				const lines: ReceivedLine[] = [];
				try {
					await this.store.withSession(session => streamSource(session, source, {...query, follow: false}, signal, batch => lines.push(...batch)));
				} catch (error) {
					if (!signal.aborted) this.setState({status: 'failed', message: this.errorMessage(error)});
				}
				return source.label ? lines.map(line => ({...line, source: source.label})) : lines;
			}),
		);
		if (signal.aborted) return;
		const lastSeen = new Map<string, number>();
		for (const [index, source] of this.sources.entries()) {
			const times = (backlogs[index] ?? []).map(line => line.time ?? 0);
			if (times.length > 0) lastSeen.set(source.id, Math.max(...times));
		}
		for (const line of mergeByTime(backlogs)) this.buffer.push(line);
		this.notify();
		await this.follow(this.sources, {tail: 'all', sinceMs: Math.min(...this.sources.map(source => lastSeen.get(source.id) ?? Date.now())), follow: true}, signal, lastSeen);
	}

	/** Follows each source; lines at or before `after` (per source, epoch ms) were shown already. */
	private async follow(sources: readonly LogSource[], query: LogQuery, signal: AbortSignal, after: ReadonlyMap<string, number>): Promise<void> {
		let open = sources.length;
		await Promise.all(
			sources.map(source =>
				this.store
					.withSession(session =>
						streamSource(session, source, query, signal, lines => {
							const seen = after.get(source.id);
							for (const line of lines) {
								if (seen !== undefined && (line.time ?? 0) <= seen) continue;
								this.buffer.push(source.label ? {...line, source: source.label} : line);
							}
							this.notify();
						}),
					)
					.then(
						() => {
							open--;
							if (!signal.aborted && open === 0) this.setState({status: 'ended'});
						},
						(error: unknown) => {
							open--;
							if (!signal.aborted) this.setState({status: 'failed', message: this.errorMessage(error)});
						},
					),
			),
		);
	}

	stop(): void {
		this.abort?.abort();
		this.abort = undefined;
		this.notify.cancel();
	}

	private setState(state: LogState): void {
		this.state = state;
		this.notify();
	}
}
