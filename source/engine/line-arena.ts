/** Bytes per block at most: a fast logger fills one in ~50 ms. */
const blockSize = 256 * 1024;
/** The first block: a quiet container (or one of twenty merged) never needs more. */
const firstBlockSize = 16 * 1024;
/** A line longer than this gets its own copy, not a share of a block. */
const ownCopyFrom = blockSize / 4;

export interface KeptBytes {
	bytes: Buffer;
	start: number;
	end: number;
}

/**
 * Copies log lines' bytes into large shared blocks. Why: a line held as a
 * view of the socket read it arrived in keeps that read alive, and a reader
 * that keeps up with a fast logger gets ~13,000 small reads a second, each
 * an allocation outside the heap that V8 tracks and collects; held lines
 * then cost a share of a few 256 KB blocks instead.
 */
export class LineArena {
	private block: Buffer | undefined;
	private used = 0;

	keep(bytes: Buffer, start: number, end: number): KeptBytes {
		const length = end - start;
		if (length >= ownCopyFrom) return {bytes: Buffer.from(bytes.subarray(start, end)), start: 0, end: length};
		let block = this.block;
		if (!block || this.used + length > block.length) {
			// Blocks double from 16 KB to 256 KB: memory follows how much the container logs.
			block = Buffer.allocUnsafeSlow(Math.max(length, block ? Math.min(blockSize, block.length * 2) : firstBlockSize));
			this.block = block;
			this.used = 0;
		}
		bytes.copy(block, this.used, start, end);
		const kept = {bytes: block, start: this.used, end: this.used + length};
		this.used += length;
		return kept;
	}
}
