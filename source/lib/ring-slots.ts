/**
 * The bookkeeping of a fixed-capacity ring: which storage slot holds the
 * oldest item, how many are held, how many were ever pushed. Shared by
 * RingBuffer (one array of items) and LogRing (lines held as columns), which
 * keep their storage themselves.
 */
export class RingSlots {
	private start = 0;
	private count = 0;
	private pushed = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) {
			throw new RangeError(`ring capacity must be a positive integer, got ${capacity}`);
		}
	}

	get size(): number {
		return this.count;
	}

	/** Items ever pushed (clear() keeps it): the next item's sequence number. */
	get totalPushed(): number {
		return this.pushed;
	}

	/** The slot for the next item; when full, it is the oldest item's, which is dropped. */
	claim(): number {
		const slot = (this.start + this.count) % this.capacity;
		if (this.count < this.capacity) this.count++;
		else this.start = (this.start + 1) % this.capacity;
		this.pushed++;
		return slot;
	}

	/** The slot of the item at `index`, from the oldest (0) to the newest (size - 1); -1 when there is none. */
	slotOf(index: number): number {
		if (index < 0 || index >= this.count) return -1;
		return (this.start + index) % this.capacity;
	}

	/** Forgets every item (the caller empties its storage). */
	clear(): void {
		this.start = 0;
		this.count = 0;
	}
}
