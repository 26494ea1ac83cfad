import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {RingSlots} from '../../../source/lib/ring-slots.js';

describe('RingSlots', () => {
	it('hands out slots in turn and, once full, the oldest one', () => {
		const slots = new RingSlots(3);
		assert.deepEqual([slots.claim(), slots.claim(), slots.claim()], [0, 1, 2]);
		assert.equal(slots.claim(), 0);
		assert.equal(slots.size, 3);
		assert.equal(slots.totalPushed, 4);
		// Oldest first: the items pushed 2nd, 3rd and 4th live in slots 1, 2, 0.
		assert.deepEqual([0, 1, 2].map(index => slots.slotOf(index)), [1, 2, 0]);
		assert.equal(slots.slotOf(3), -1);
		assert.equal(slots.slotOf(-1), -1);
	});

	it('forgets its items on clear but keeps counting pushes', () => {
		const slots = new RingSlots(2);
		slots.claim();
		slots.claim();
		slots.clear();
		assert.equal(slots.size, 0);
		assert.equal(slots.slotOf(0), -1);
		assert.equal(slots.totalPushed, 2);
		assert.equal(slots.claim(), 0);
	});

	it('refuses a capacity that is not a positive whole number', () => {
		for (const capacity of [0, -1, 1.5, Number.NaN]) assert.throws(() => new RingSlots(capacity), RangeError);
	});
});
