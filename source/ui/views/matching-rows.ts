import {stripAnsi} from '../../lib/ansi.js';
import type {LogRing} from '../../store/log-ring.js';
import type {SeqRows} from './log-viewport.js';

/** Sequence numbers dropped from the front before the array is compacted. */
const compactAfter = 4096;

/**
 * The held lines that match the live filter (`f`), by sequence number. Each
 * look scans only the lines pushed since the one before and drops those the
 * ring let go: filtering a log that streams, a frame used to scan (and decode)
 * every held line, 10,000 by default and up to 1,000,000 with --log-lines.
 */
export class MatchingRows implements SeqRows {
	private seqs: number[] = [];
	/** seqs before this index have left the ring. */
	private head = 0;
	/** The next sequence number to test. */
	private scannedTo = 0;
	private matches: ((text: string) => boolean) | undefined;
	private buffer: LogRing | undefined;

	/** Brings the rows up to date with `buffer` for `matches` (a new search or buffer starts over). */
	update(buffer: LogRing, matches: (text: string) => boolean): this {
		const first = buffer.totalPushed - buffer.size;
		if (matches !== this.matches || buffer !== this.buffer) {
			this.matches = matches;
			this.buffer = buffer;
			this.seqs = [];
			this.head = 0;
			this.scannedTo = first;
		}
		for (let seq = Math.max(this.scannedTo, first); seq < buffer.totalPushed; seq++) {
			const text = buffer.textAt(seq - first);
			if (text !== undefined && matches(stripAnsi(text))) this.seqs.push(seq);
		}
		this.scannedTo = buffer.totalPushed;
		while (this.head < this.seqs.length && (this.seqs[this.head] as number) < first) this.head++;
		if (this.head > compactAfter && this.head * 2 > this.seqs.length) {
			this.seqs = this.seqs.slice(this.head);
			this.head = 0;
		}
		return this;
	}

	get length(): number {
		return this.seqs.length - this.head;
	}

	at(index: number): number | undefined {
		return index >= 0 && index < this.length ? this.seqs[this.head + index] : undefined;
	}
}
