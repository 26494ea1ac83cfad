import type {LogLine, ReceivedLine} from '../engine/logs.js';
import {RingSlots} from '../lib/ring-slots.js';

/** Line objects handed out and kept for identity (memoised rows skip redrawing a line they drew). */
const keptLines = 512;

/**
 * The lines of a log view: a ring of `capacity` lines held as columns (text,
 * time, stream, source) instead of one object per line.
 *
 * Why: a fast logger sends ~100,000 lines a second. Each line object lived
 * about a tenth of a second in the ring, long enough for V8 to move it to the
 * old generation, which then filled with ~45 MB of dead lines between
 * collections (bench/ logs: RSS +50 MB). Held as columns, a line costs one
 * string in the heap; the objects the view reads are made on demand. A line
 * still in the engine's bytes (LogBytesLine) costs no string at all until it
 * is read: its slot holds the bytes and where the line lies in them.
 */
export class LogRing {
	/** The text, or the bytes holding it at [starts, ends). */
	private readonly texts: (string | Buffer | undefined)[];
	private readonly starts: Uint32Array;
	private readonly ends: Uint32Array;
	/** Epoch ms; NaN when the line had no time. */
	private readonly times: Float64Array;
	private readonly stderr: Uint8Array;
	private readonly sources: (string | undefined)[];
	private readonly slots: RingSlots;
	/** Line objects handed out, by sequence number (0 = the first line ever pushed). */
	private readonly made = new Map<number, LogLine>();

	constructor(readonly capacity: number) {
		this.slots = new RingSlots(capacity);
		this.texts = new Array<string | Buffer | undefined>(capacity);
		this.starts = new Uint32Array(capacity);
		this.ends = new Uint32Array(capacity);
		this.times = new Float64Array(capacity);
		this.stderr = new Uint8Array(capacity);
		this.sources = new Array<string | undefined>(capacity);
	}

	get size(): number {
		return this.slots.size;
	}

	/** Lines ever pushed: the next line's sequence number. */
	get totalPushed(): number {
		return this.slots.totalPushed;
	}

	push(line: ReceivedLine): void {
		const slot = this.slots.claim();
		if ('bytes' in line) {
			this.texts[slot] = line.bytes;
			this.starts[slot] = line.start;
			this.ends[slot] = line.end;
		} else this.texts[slot] = line.text;
		this.times[slot] = line.time ?? Number.NaN;
		this.stderr[slot] = line.stream === 'stderr' ? 1 : 0;
		this.sources[slot] = line.source;
	}

	/** The line at `index`, from the oldest (0) to the newest (size - 1); the same object while it is held. */
	at(index: number): LogLine | undefined {
		const slot = this.slots.slotOf(index);
		if (slot === -1) return undefined;
		const seq = this.slots.totalPushed - this.slots.size + index;
		let line = this.made.get(seq);
		if (!line) {
			line = this.line(slot);
			if (this.made.size >= keptLines) this.forgetMade();
			this.made.set(seq, line);
		}
		return line;
	}

	/** Just the text of the line at `index` (search and filter read every line: no object for each). */
	textAt(index: number): string | undefined {
		const slot = this.slots.slotOf(index);
		return slot === -1 ? undefined : this.textIn(slot);
	}

	/** Every held line, oldest first (made afresh: for saving, not for drawing). */
	toArray(): LogLine[] {
		return Array.from({length: this.slots.size}, (_, index) => this.line(this.slots.slotOf(index)));
	}

	clear(): void {
		this.texts.fill(undefined);
		this.sources.fill(undefined);
		this.slots.clear();
		this.made.clear();
	}

	/** A new line object for the line in `slot`. */
	private line(slot: number): LogLine {
		const line: LogLine = {stream: this.stderr[slot] === 1 ? 'stderr' : 'stdout', text: this.textIn(slot)};
		const time = this.times[slot] ?? Number.NaN;
		if (!Number.isNaN(time)) line.time = time;
		const source = this.sources[slot];
		if (source !== undefined) line.source = source;
		return line;
	}

	private textIn(slot: number): string {
		const text = this.texts[slot];
		return typeof text === 'string' ? text : text ? text.toString('utf8', this.starts[slot], this.ends[slot]) : '';
	}

	/** Drops handed-out lines that left the ring; all of them if that frees nothing (a long scroll). */
	private forgetMade(): void {
		const firstSeq = this.slots.totalPushed - this.slots.size;
		for (const seq of this.made.keys()) if (seq < firstSeq) this.made.delete(seq);
		if (this.made.size >= keptLines) this.made.clear();
	}
}
