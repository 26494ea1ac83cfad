import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {LogLine} from '../../../source/engine/logs.js';
import {LogRing} from '../../../source/store/log-ring.js';

const line = (text: string, more: Partial<LogLine> = {}): LogLine => ({stream: 'stdout', text, ...more});

describe('LogRing', () => {
	it('keeps the newest lines up to its capacity, each as it was pushed', () => {
		const ring = new LogRing(3);
		ring.push(line('a', {time: 1000}));
		ring.push(line('b', {stream: 'stderr', source: 'web-1'}));
		ring.push(line('c', {time: 3000}));
		ring.push(line('d'));
		assert.equal(ring.size, 3);
		assert.equal(ring.totalPushed, 4);
		assert.deepEqual(ring.toArray(), [line('b', {stream: 'stderr', source: 'web-1'}), line('c', {time: 3000}), line('d')]);
		assert.equal(ring.textAt(0), 'b');
		assert.equal(ring.at(3), undefined);
		assert.equal(ring.textAt(-1), undefined);
	});

	it('hands out the same object for a line while it is held (memoised rows keep it)', () => {
		const ring = new LogRing(10);
		for (const text of ['a', 'b', 'c']) ring.push(line(text));
		const first = ring.at(1);
		assert.equal(ring.at(1), first);
		ring.push(line('d'));
		assert.equal(ring.at(1), first, 'indexes from the oldest line: nothing was dropped yet');
	});

	it('stays bounded however many lines it is read through', () => {
		const ring = new LogRing(100);
		for (let round = 0; round < 2000; round++) {
			ring.push(line(`line ${round}`));
			assert.equal(ring.at(ring.size - 1)?.text, `line ${round}`);
		}
		assert.equal(ring.size, 100);
		assert.equal(ring.at(0)?.text, 'line 1900');
	});

	it('holds a line left in the engine\'s bytes and decodes it only when read', () => {
		const ring = new LogRing(2);
		const bytes = Buffer.from('xxhéllo\nworld');
		ring.push({stream: 'stderr', time: 5, bytes, start: 2, end: 8, source: 'web-1'});
		ring.push(line('plain'));
		assert.equal(ring.textAt(0), 'héllo');
		assert.deepEqual(ring.at(0), {stream: 'stderr', time: 5, text: 'héllo', source: 'web-1'});
		assert.deepEqual(ring.toArray().map(each => each.text), ['héllo', 'plain']);
		ring.push({stream: 'stdout', bytes, start: 9, end: 14});
		assert.deepEqual(ring.toArray().map(each => each.text), ['plain', 'world']);
	});

	it('empties on clear', () => {
		const ring = new LogRing(2);
		ring.push(line('a'));
		ring.clear();
		assert.equal(ring.size, 0);
		assert.deepEqual(ring.toArray(), []);
		assert.throws(() => new LogRing(0), /positive integer/);
	});
});
