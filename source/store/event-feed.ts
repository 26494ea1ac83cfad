import type {EngineEvent} from '../engine/types.js';
import {throttle, type Throttled} from '../lib/throttle.js';
import {kindsToRefresh} from './refresh-rules.js';
import type {Kind} from './snapshot.js';

export interface EventSource {
	followEvents(signal: AbortSignal, onEvent: (event: EngineEvent) => void, since?: number): Promise<void>;
}

export interface EventFeedOptions {
	/** At most one re-list per kind per this many ms. Default 250. */
	throttleMs?: number;
	/** After (re)subscribing, events only mark kinds for one re-list at the end of this window, ms. Default 1000. */
	settleMs?: number;
	/** Re-list one kind (the store skips kinds nobody watches). */
	refresh(kind: Kind): void;
	/** Every event, for timelines. */
	onEvent?(event: EngineEvent): void;
	/** The stream ended or failed while we still wanted it: the engine is gone. */
	onLost(error: unknown): void;
}

/** Engine events -> throttled re-lists of the kinds they make stale. */
export class EventFeed {
	private abort: AbortController | undefined;
	private readonly perKind = new Map<Kind, Throttled>();
	/**
	 * The engine replays the events asked for with `since` in a burst (the last
	 * hour: with 500 containers, thousands). They are for the timeline: the
	 * store lists everything afresh on connect anyway, and re-listing for them
	 * competed with the first list and the first frame. So for a moment after
	 * subscribing, events only mark their kinds, re-listed once at its end (a
	 * live event in that moment is not lost).
	 */
	private settling: {kinds: Set<Kind>; timer: ReturnType<typeof setTimeout>} | undefined;

	constructor(private readonly options: EventFeedOptions) {}

	/** `since` (epoch ms) replays the events after it first, for the timeline. */
	start(source: EventSource, since?: number): void {
		this.stop();
		const abort = new AbortController();
		this.abort = abort;
		const settleMs = this.options.settleMs ?? 1000;
		const settling = {
			kinds: new Set<Kind>(),
			timer: setTimeout(() => {
				if (this.settling !== settling) return;
				this.settling = undefined;
				for (const kind of settling.kinds) this.throttled(kind)();
			}, settleMs),
		};
		settling.timer.unref?.();
		this.settling = settling;
		source
			.followEvents(abort.signal, event => this.handle(event), since)
			.then(
				() => {
					if (!abort.signal.aborted) this.options.onLost(new Error('the engine closed the event stream'));
				},
				(error: unknown) => {
					if (!abort.signal.aborted) this.options.onLost(error);
				},
			);
	}

	stop(): void {
		this.abort?.abort();
		this.abort = undefined;
		if (this.settling) clearTimeout(this.settling.timer);
		this.settling = undefined;
		for (const throttled of this.perKind.values()) throttled.cancel();
		this.perKind.clear();
	}

	private handle(event: EngineEvent): void {
		this.options.onEvent?.(event);
		const settling = this.settling;
		for (const kind of kindsToRefresh(event)) {
			if (settling) settling.kinds.add(kind);
			else this.throttled(kind)();
		}
	}

	private throttled(kind: Kind): Throttled {
		let throttled = this.perKind.get(kind);
		if (!throttled) {
			throttled = throttle(() => this.options.refresh(kind), this.options.throttleMs ?? 250);
			this.perKind.set(kind, throttled);
		}
		return throttled;
	}
}
