import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {cutLong} from '../../../source/ui/views/log-line.js';

describe('cutLong', () => {
	it('leaves a line within the limit as it is', () => {
		assert.equal(cutLong('short', 10), 'short');
	});
	it('cuts a long line at the limit', () => {
		assert.equal(cutLong('x'.repeat(50), 10), 'x'.repeat(10));
	});
	it('never leaves half a colour sequence at the cut', () => {
		const line = `${'a'.repeat(8)}\u001B[31mred`;
		assert.equal(cutLong(line, 11), 'a'.repeat(8), 'ESC [ 3 without its m is dropped');
		assert.equal(cutLong(line, 13), `${'a'.repeat(8)}\u001B[31m`, 'a whole sequence is kept');
	});
});
