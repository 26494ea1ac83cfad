import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {splitTimestamp} from '../../../source/engine/log-demux.js';

describe('splitTimestamp', () => {
	it('reads the engine\'s own form (nanoseconds, Z) to the millisecond', () => {
		assert.deepEqual(splitTimestamp('2026-11-22T23:04:05.123456789Z hello world'), {time: Date.parse('2026-11-22T23:04:05.123Z'), text: 'hello world'});
	});
	it('gives the same answer for lines of one second and across seconds, whatever came before', () => {
		const lines = ['2026-11-22T23:04:05.000000001Z a', '2026-11-22T23:04:05.999999999Z b', '2026-11-22T23:04:06.010000000Z c', '2026-11-22T23:04:05.500000000Z d'];
		assert.deepEqual(
			lines.map(line => splitTimestamp(line).time),
			[Date.parse('2026-11-22T23:04:05.000Z'), Date.parse('2026-11-22T23:04:05.999Z'), Date.parse('2026-11-22T23:04:06.010Z'), Date.parse('2026-11-22T23:04:05.500Z')],
		);
	});
	it('reads other RFC 3339 forms (offset, fewer digits, no fraction)', () => {
		assert.equal(splitTimestamp('2026-11-22T23:04:05.5+01:00 x').time, Date.parse('2026-11-22T22:04:05.500Z'));
		assert.equal(splitTimestamp('2026-11-22T23:04:05Z x').time, Date.parse('2026-11-22T23:04:05.000Z'));
		assert.equal(splitTimestamp('2026-11-22T23:04:05Z x').text, 'x');
	});
	it('leaves a line without a timestamp as it is', () => {
		assert.deepEqual(splitTimestamp('no time here, just text that is long enough'), {text: 'no time here, just text that is long enough'});
		assert.deepEqual(splitTimestamp(''), {text: ''});
	});
	it('keeps an empty log line empty', () => {
		assert.deepEqual(splitTimestamp('2026-11-22T23:04:05.123456789Z '), {time: Date.parse('2026-11-22T23:04:05.123Z'), text: ''});
	});
});
