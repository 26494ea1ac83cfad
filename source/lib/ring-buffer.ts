/**
 * A fixed-capacity FIFO: pushing past capacity drops the oldest item, so memory
 * stays bounded however long a stream runs (log lines, stats samples, events).
 */
export class RingBuffer<T> {
	private readonly items: (T | undefined)[];
	private start = 0;
	private count = 0;
	/** Total items ever pushed; lets readers detect "new since I last looked". */
	private pushedTotal = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) {
			throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
		}
		this.items = new Array<T | undefined>(capacity);
	}

	get size(): number {
		return this.count;
	}

	get totalPushed(): number {
		return this.pushedTotal;
	}

	push(item: T): void {
		const end = (this.start + this.count) % this.capacity;
		this.items[end] = item;
		if (this.count < this.capacity) {
			this.count++;
		} else {
			this.start = (this.start + 1) % this.capacity;
		}
		this.pushedTotal++;
	}

	/** Item at position `index` from the oldest (0) to the newest (size - 1). */
	at(index: number): T | undefined {
		if (index < 0 || index >= this.count) return undefined;
		return this.items[(this.start + index) % this.capacity];
	}

	/** Items from `from` (inclusive) to `to` (exclusive), oldest first. */
	slice(from = 0, to = this.count): T[] {
		const result: T[] = [];
		const end = Math.min(to, this.count);
		for (let index = Math.max(0, from); index < end; index++) {
			result.push(this.items[(this.start + index) % this.capacity] as T);
		}
		return result;
	}

	toArray(): T[] {
		return this.slice();
	}

	clear(): void {
		this.items.fill(undefined);
		this.start = 0;
		this.count = 0;
	}
}
