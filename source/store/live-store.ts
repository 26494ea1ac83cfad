import type {EngineSession} from '../engine/client.js';
import type {ContainerStats, EngineEvent, Listed} from '../engine/types.js';
import {RingBuffer} from '../lib/ring-buffer.js';
import {Backoff} from '../lib/backoff.js';
import {throttle, type Throttled} from '../lib/throttle.js';
import {EventFeed} from './event-feed.js';
import {EventLog, eventsKind} from './event-log.js';
import {Poller} from './poller.js';
import {initialSnapshot, reduce, type EngineProblem, type Kind, type Snapshot, type StoreAction} from './snapshot.js';
import {StatsFeed} from './stats-feed.js';

/** How long the engine info and event history wait for the first lists at most, ms. */
const firstListsWaitMs = 1000;

/** Resolves when every promise settled or `timeoutMs` passed. Never rejects. */
function settledWithin(promises: readonly Promise<unknown>[], timeoutMs: number): Promise<void> {
	return new Promise(resolve => {
		const timer = setTimeout(resolve, timeoutMs);
		void Promise.allSettled(promises).then(() => {
			clearTimeout(timer);
			resolve();
		});
	});
}

export type Lister = (session: EngineSession, signal: AbortSignal) => Promise<readonly Listed[]>;

export interface LiveStoreOptions {
	connect(): Promise<EngineSession>;
	/** One lister per kind; kinds without one cannot be watched. */
	listers: Readonly<Record<Kind, Lister>>;
	describeProblem(error: unknown): EngineProblem;
	/** The engine's own message for a failed call. */
	errorMessage(error: unknown): string;
	/** True when an error means the engine itself is unreachable (not one bad call). */
	isConnectionError(error: unknown): boolean;
	/** Safety-net poll interval, ms. Default 10 000. */
	pollIntervalMs?: number;
	/** Kinds polled more often than that (their changes come with no engine event), ms. */
	pollIntervals?: Readonly<Record<Kind, number>>;
	/** Minimum time between two store notifications, ms. Default 100 (10/s). */
	notifyIntervalMs?: number;
	statsIntervalMs?: number;
	backoff?: Backoff;
	onEvent?(event: EngineEvent): void;
}

/**
 * The live model of one engine, without React: connects (and reconnects with
 * backoff), lists the kinds that panes watch, refreshes them on engine events
 * (throttled) and on a slow poll, reads stats for what is on screen, and
 * notifies subscribers at a bounded rate. Views read it with
 * useSyncExternalStore.
 */
export class LiveStore {
	private snapshot: Snapshot = initialSnapshot;
	private readonly listeners = new Set<() => void>();
	/** Start-up waits (see when()), checked on every change. */
	private readonly waiters = new Set<() => void>();
	private readonly watched = new Map<Kind, number>();
	private readonly inFlight = new Map<Kind, Promise<void>>();
	private readonly again = new Set<Kind>();
	private session: EngineSession | undefined;
	private sessionAbort: AbortController | undefined;
	private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
	private stopped = true;
	private readonly notify: Throttled;
	private readonly events: EventFeed;
	private readonly poller: Poller;
	private readonly stats: StatsFeed;
	private readonly backoff: Backoff;
	/** Stats readings per container, 150 each; pruned to the targets past 64 containers. */
	private readonly history = new Map<string, RingBuffer<ContainerStats>>();
	private readonly eventLog = new EventLog();
	/** The events pane is re-listed from the log at most 4 times a second. */
	private readonly eventsChanged: Throttled = throttle(() => void this.refresh(eventsKind), 250);

	constructor(private readonly options: LiveStoreOptions) {
		this.notify = throttle(() => {
			for (const listener of this.listeners) listener();
		}, options.notifyIntervalMs ?? 100);
		this.backoff = options.backoff ?? new Backoff({initialMs: 500, maxMs: 10_000, random: Math.random});
		this.events = new EventFeed({
			refresh: kind => void this.refresh(kind),
			onEvent: event => {
				this.eventLog.add(event);
				this.eventsChanged();
				options.onEvent?.(event);
			},
			onLost: error => this.lost(error),
		});
		this.poller = new Poller(
			kind => options.pollIntervals?.[kind] ?? options.pollIntervalMs ?? 10_000,
			() => this.watched.keys(),
			kind => void this.refresh(kind),
			Math.min(1000, options.pollIntervalMs ?? 1000),
		);
		this.stats = new StatsFeed({
			intervalMs: options.statsIntervalMs,
			onStats: readings => {
				for (const reading of readings) this.remember(reading);
				this.dispatch({type: 'stats', readings});
			},
		});
	}

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getSnapshot = (): Snapshot => this.snapshot;

	start(): void {
		if (!this.stopped) return;
		this.stopped = false;
		void this.connect();
	}

	stop(): void {
		this.stopped = true;
		this.eventsChanged.cancel();
		if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
		this.reconnectTimer = undefined;
		this.dropSession();
		this.notify.cancel();
	}

	/** A pane shows `kind`: keep it listed while the returned function is not called. */
	watch(kind: Kind): () => void {
		const count = this.watched.get(kind) ?? 0;
		this.watched.set(kind, count + 1);
		if (count === 0) void this.refresh(kind);
		return () => {
			const left = (this.watched.get(kind) ?? 1) - 1;
			if (left <= 0) this.watched.delete(kind);
			else this.watched.set(kind, left);
		};
	}

	/**
	 * Resolves once `kind` has been listed, the engine proved unreachable, or
	 * `timeoutMs` passed, whichever comes first. Never rejects.
	 */
	whenListed(kind: Kind, timeoutMs: number): Promise<void> {
		return this.when(snapshot => snapshot.lists[kind]?.loaded === true || snapshot.connection.status === 'disconnected', timeoutMs);
	}

	/** Resolves once the engine answered (connected, or found unreachable), or after `timeoutMs`. */
	whenConnected(timeoutMs: number): Promise<void> {
		return this.when(snapshot => snapshot.connection.status !== 'connecting', timeoutMs);
	}

	/**
	 * Resolves once `settled` holds for the snapshot, or after `timeoutMs`.
	 * Checked on every change, not on the throttled notifications: start-up
	 * waits on these, and a notification slot can be 100 ms away.
	 */
	private when(settled: (snapshot: Snapshot) => boolean, timeoutMs: number): Promise<void> {
		return new Promise(resolve => {
			if (settled(this.snapshot)) {
				resolve();
				return;
			}
			const check = () => {
				if (!settled(this.snapshot)) return;
				clearTimeout(timer);
				this.waiters.delete(check);
				resolve();
			};
			const timer = setTimeout(() => {
				this.waiters.delete(check);
				resolve();
			}, timeoutMs);
			this.waiters.add(check);
		});
	}

	/** The containers whose stats to read (visible rows plus the selection). */
	setStatsTargets(ids: readonly string[]): void {
		this.stats.setTargets(ids);
		// Histories outlive a short absence (list -> stats view and back), but not a long scroll.
		if (this.history.size > 64) for (const id of this.history.keys()) if (!ids.includes(id)) this.history.delete(id);
		const stale = Object.keys(this.snapshot.stats).filter(id => !ids.includes(id));
		if (stale.length > 0) this.dispatch({type: 'statsForgotten', ids: stale});
	}

	/**
	 * Re-lists one kind. Single-flight: a call while one runs schedules exactly
	 * one more run after it, so bursts of events cost at most two lists.
	 */
	async refresh(kind: Kind): Promise<void> {
		if (kind === eventsKind) {
			if (this.watched.has(kind)) this.dispatch({type: 'listed', kind, items: this.eventLog.items(), at: Date.now()});
			return;
		}
		const lister = this.options.listers[kind];
		if (!lister || !this.watched.has(kind) || !this.session || !this.sessionAbort) return;
		const running = this.inFlight.get(kind);
		if (running) {
			this.again.add(kind);
			return running;
		}
		const session = this.session;
		const signal = this.sessionAbort.signal;
		const run = (async () => {
			try {
				const items = await lister(session, signal);
				if (!signal.aborted) this.dispatch({type: 'listed', kind, items, at: Date.now()});
			} catch (error) {
				if (signal.aborted) return;
				if (this.options.isConnectionError(error)) this.lost(error);
				else this.dispatch({type: 'listFailed', kind, error: this.options.errorMessage(error)});
			}
		})().finally(() => {
			this.inFlight.delete(kind);
			if (this.again.delete(kind)) void this.refresh(kind);
		});
		this.inFlight.set(kind, run);
		return run;
	}

	/**
	 * Runs an engine call on the current session (actions, inspect, logs).
	 * Rejects with a clear message while disconnected.
	 */
	async withSession<T>(call: (session: EngineSession) => Promise<T>): Promise<T> {
		if (!this.session) throw new Error('not connected to the engine: waiting to reconnect');
		return call(this.session);
	}

	/** Readings of one container, oldest first: the last ~5 minutes at the default interval. */
	statsHistory(id: string): readonly ContainerStats[] {
		return this.history.get(id)?.toArray() ?? [];
	}

	private remember(reading: ContainerStats): void {
		let history = this.history.get(reading.id);
		if (!history) {
			history = new RingBuffer<ContainerStats>(150);
			this.history.set(reading.id, history);
		}
		history.push(reading);
	}

	private dispatch(action: StoreAction): void {
		// A pane's first list is what its user waits for: tell the screen at once, not at the next notification slot (up to 100 ms later).
		const firstList = action.type === 'listed' && this.snapshot.lists[action.kind]?.loaded !== true;
		const next = reduce(this.snapshot, action);
		if (next === this.snapshot) return;
		this.snapshot = next;
		for (const check of this.waiters) check();
		this.notify();
		if (firstList) this.notify.flush();
	}

	private async connect(): Promise<void> {
		this.reconnectTimer = undefined;
		if (this.stopped) return;
		this.dispatch({type: 'connecting'});
		let session: EngineSession | undefined;
		try {
			session = await this.options.connect();
			if (this.stopped) {
				session.close();
				return;
			}
			this.session = session;
			this.sessionAbort = new AbortController();
			this.backoff.reset();
			this.dispatch({type: 'connected'});
			// Full resync: everything watched is listed afresh, first: the screen waits for these.
			const lists = [...this.watched.keys()].map(kind => this.refresh(kind));
			this.stats.start(session);
			this.poller.start();
			// The engine info (for the header) and the event history (the last hour: with
			// 500 containers, thousands of events) are slow on a busy engine: asked for
			// once the lists are in, they do not delay them. Events that happen in between
			// are in the history, so nothing is missed (the feed re-lists after it).
			const connected = session;
			void settledWithin(lists, firstListsWaitMs).then(() => {
				if (this.session === connected) this.followEngine(connected);
			});
		} catch (error) {
			session?.close();
			this.scheduleReconnect(error);
		}
	}

	private followEngine(session: EngineSession): void {
		session.info().then(
			info => {
				if (this.session === session) this.dispatch({type: 'info', info});
			},
			() => {},
		);
		// The timeline starts with the last hour, then picks up where it stopped after a reconnect.
		this.events.start(session, this.eventLog.newest === undefined ? Date.now() - 3_600_000 : this.eventLog.newest + 1);
	}

	private lost(error: unknown): void {
		if (!this.session) return;
		this.dropSession();
		this.scheduleReconnect(error);
	}

	private dropSession(): void {
		this.events.stop();
		this.stats.stop();
		this.poller.stop();
		this.sessionAbort?.abort();
		this.sessionAbort = undefined;
		this.session?.close();
		this.session = undefined;
	}

	private scheduleReconnect(error: unknown): void {
		if (this.stopped) return;
		const delay = this.backoff.next();
		this.dispatch({type: 'disconnected', problem: this.options.describeProblem(error), nextRetryAt: Date.now() + delay});
		this.reconnectTimer = setTimeout(() => void this.connect(), delay);
	}
}
