import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {LogRing} from '../../../source/store/log-ring.js';
import {MatchingRows} from '../../../source/ui/views/matching-rows.js';

const rowsOf = (rows: MatchingRows) => Array.from({length: rows.length}, (_, index) => rows.at(index));

describe('MatchingRows', () => {
	const errors = (text: string) => text.includes('err');

	it('lists the matching held lines and keeps up as lines arrive and leave', () => {
		const ring = new LogRing(4);
		const rows = new MatchingRows();
		for (const text of ['err 0', 'ok 1', '\u001B[31merr\u001B[0m 2']) ring.push({stream: 'stdout', text});
		assert.deepEqual(rowsOf(rows.update(ring, errors)), [0, 2], 'colours are not part of the match');
		for (const text of ['ok 3', 'err 4', 'ok 5']) ring.push({stream: 'stdout', text});
		assert.deepEqual(rowsOf(rows.update(ring, errors)), [2, 4], 'line 0 left the ring, line 4 came');
		assert.equal(rows.at(-1), undefined);
		assert.equal(rows.at(2), undefined);
	});

	it('tests each line once, and starts over for a new search or a cleared ring', () => {
		const ring = new LogRing(100);
		const rows = new MatchingRows();
		let tested = 0;
		const counting = (text: string) => {
			tested++;
			return errors(text);
		};
		for (let index = 0; index < 10; index++) ring.push({stream: 'stdout', text: `err ${index}`});
		rows.update(ring, counting);
		rows.update(ring, counting);
		assert.equal(tested, 10, 'a second look with no new lines tests nothing');
		assert.deepEqual(rowsOf(rows.update(ring, text => text.endsWith('3'))), [3]);
		ring.clear();
		ring.push({stream: 'stdout', text: 'err after clear'});
		assert.deepEqual(rowsOf(rows.update(ring, errors)), [10]);
	});

	it('skips lines that came and left between two looks', () => {
		const ring = new LogRing(2);
		const rows = new MatchingRows();
		rows.update(ring, errors);
		for (let index = 0; index < 10; index++) ring.push({stream: 'stdout', text: `err ${index}`});
		assert.deepEqual(rowsOf(rows.update(ring, errors)), [8, 9]);
	});
});
