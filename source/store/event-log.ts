import type {EngineEvent, Listed} from '../engine/types.js';
import {RingBuffer} from '../lib/ring-buffer.js';

/** The kind under which the store lists the engine's recent events, like any resource. */
export const eventsKind = 'events';

/** An event as a list row: `id` is the row's own; the object the event is about is `actorId`. */
export interface EventItem extends Omit<EngineEvent, 'id'>, Listed {
	actorId: string;
}

/**
 * The engine's recent events, bounded (default 2,000), newest last. The
 * events pane lists them; `since` lets a reconnect ask only for what it missed.
 */
export class EventLog {
	private readonly buffer: RingBuffer<EventItem>;
	private sequence = 0;

	constructor(capacity = 2000) {
		this.buffer = new RingBuffer(capacity);
	}

	add(event: EngineEvent): void {
		// A reconnect asks from the newest second again (the engine's since is in seconds): skip repeats.
		const newest = this.newest;
		if (newest !== undefined && event.time <= newest && this.recentlyHeld(event)) return;
		this.sequence++;
		const id = `${event.time}-${this.sequence}`;
		const {id: actorId, ...rest} = event;
		this.buffer.push({...rest, actorId, id, rev: id});
	}

	private recentlyHeld(event: EngineEvent): boolean {
		for (let index = this.buffer.size - 1; index >= Math.max(0, this.buffer.size - 50); index--) {
			const held = this.buffer.at(index);
			if (held && held.time === event.time && held.type === event.type && held.action === event.action && held.actorId === event.id) return true;
		}
		return false;
	}

	items(): readonly EventItem[] {
		return this.buffer.toArray();
	}

	/** Epoch ms of the newest event held, to resume from after a reconnect. */
	get newest(): number | undefined {
		return this.buffer.at(this.buffer.size - 1)?.time;
	}
}
