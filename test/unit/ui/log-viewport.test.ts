import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {computeViewport, lowerBound} from '../../../source/ui/views/log-viewport.js';

const range = (from: number, to: number) => Array.from({length: to - from}, (_, index) => from + index);
const one = () => 1;

describe('computeViewport', () => {
	it('shows the last lines while following', () => {
		const view = computeViewport({rows: range(0, 100), cursor: undefined, top: undefined, height: 5, heightOf: one});
		assert.deepEqual(view.shown, [95, 96, 97, 98, 99]);
		assert.equal(view.cursor, 99);
	});
	it('keeps a paused view still while lines arrive', () => {
		const before = computeViewport({rows: range(0, 100), cursor: 50, top: 48, height: 5, heightOf: one});
		const after = computeViewport({rows: range(0, 300), cursor: 50, top: 48, height: 5, heightOf: one});
		assert.deepEqual(before.shown, [48, 49, 50, 51, 52]);
		assert.deepEqual(after.shown, before.shown);
	});
	it('scrolls to keep the cursor visible', () => {
		assert.deepEqual(computeViewport({rows: range(0, 100), cursor: 60, top: 48, height: 5, heightOf: one}).shown, [56, 57, 58, 59, 60]);
		assert.deepEqual(computeViewport({rows: range(0, 100), cursor: 40, top: 48, height: 5, heightOf: one}).shown, [40, 41, 42, 43, 44]);
	});
	it('clamps a cursor whose line the ring buffer dropped to the oldest held line', () => {
		const view = computeViewport({rows: range(200, 300), cursor: 150, top: 150, height: 3, heightOf: one});
		assert.equal(view.cursor, 200);
		assert.deepEqual(view.shown, [200, 201, 202]);
	});
	it('counts wrapped lines by their screen rows', () => {
		const heightOf = (seq: number) => (seq === 98 ? 3 : 1);
		assert.deepEqual(computeViewport({rows: range(0, 100), cursor: undefined, top: undefined, height: 5, heightOf}).shown, [97, 98, 99]);
	});
	it('works on filtered rows', () => {
		const rows = [3, 17, 40, 41, 90];
		assert.deepEqual(computeViewport({rows, cursor: undefined, top: undefined, height: 2, heightOf: one}).shown, [41, 90]);
		assert.equal(computeViewport({rows, cursor: 18, top: undefined, height: 2, heightOf: one}).cursor, 40);
		assert.equal(lowerBound(rows, 41), 3);
	});
});
