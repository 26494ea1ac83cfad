import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {LineArena} from '../../../source/engine/line-arena.js';

const text = ({bytes, start, end}: {bytes: Buffer; start: number; end: number}) => bytes.toString('utf8', start, end);

describe('LineArena', () => {
	it('keeps a copy of the line, not a view of the read it came in', () => {
		const arena = new LineArena();
		const read = Buffer.from('..héllo..');
		const kept = arena.keep(read, 2, 8);
		read.fill(0);
		assert.equal(text(kept), 'héllo');
	});

	it('puts short lines side by side in one block and starts a new block when one is full', () => {
		const arena = new LineArena();
		const line = Buffer.alloc(1000, 'x');
		const first = arena.keep(line, 0, 1000);
		const second = arena.keep(line, 0, 1000);
		assert.equal(second.bytes, first.bytes, 'the same block');
		assert.equal(second.start, first.end);
		const kept = Array.from({length: 300}, () => arena.keep(line, 0, 1000));
		assert.ok(kept.some(each => each.bytes !== first.bytes), '300 KB do not fit one block');
		for (const each of kept) assert.equal(text(each), 'x'.repeat(1000));
	});

	it('takes a line longer than the next block would be into a block that holds it', () => {
		const arena = new LineArena();
		arena.keep(Buffer.alloc(10_000, 'a'), 0, 10_000);
		const line = Buffer.alloc(40_000, 'b');
		const kept = arena.keep(line, 0, line.length);
		assert.equal(kept.end - kept.start, 40_000);
		assert.equal(text(kept), 'b'.repeat(40_000));
	});

	it('gives a very long line a copy of its own', () => {
		const arena = new LineArena();
		const long = Buffer.alloc(100_000, 'y');
		const kept = arena.keep(long, 0, long.length);
		assert.equal(kept.bytes.length, long.length);
		assert.equal(kept.start, 0);
		assert.equal(text(kept), 'y'.repeat(100_000));
	});
});
