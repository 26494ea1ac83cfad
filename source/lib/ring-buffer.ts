import {RingSlots} from './ring-slots.js';

/**
 * A fixed-capacity FIFO: pushing past capacity drops the oldest item, so memory
 * stays bounded however long a stream runs (log lines, stats samples, events).
 */
export class RingBuffer<T> {
	private readonly items: (T | undefined)[];
	private readonly slots: RingSlots;

	constructor(readonly capacity: number) {
		this.slots = new RingSlots(capacity);
		this.items = new Array<T | undefined>(capacity);
	}

	get size(): number {
		return this.slots.size;
	}

	/** Total items ever pushed; lets readers detect "new since I last looked". */
	get totalPushed(): number {
		return this.slots.totalPushed;
	}

	push(item: T): void {
		this.items[this.slots.claim()] = item;
	}

	/** Item at position `index` from the oldest (0) to the newest (size - 1). */
	at(index: number): T | undefined {
		const slot = this.slots.slotOf(index);
		return slot === -1 ? undefined : this.items[slot];
	}

	/** Items from `from` (inclusive) to `to` (exclusive), oldest first. */
	slice(from = 0, to = this.size): T[] {
		const result: T[] = [];
		const end = Math.min(to, this.size);
		for (let index = Math.max(0, from); index < end; index++) result.push(this.items[this.slots.slotOf(index)] as T);
		return result;
	}

	toArray(): T[] {
		return this.slice();
	}

	clear(): void {
		this.items.fill(undefined);
		this.slots.clear();
	}
}
