import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {FrameBudget} from '../../../source/ui/frame-budget.js';

describe('FrameBudget', () => {
	it('has room until the cap is reached within one second', () => {
		const budget = new FrameBudget(3);
		assert.equal(budget.hasRoom(0), true);
		budget.record(0);
		budget.record(100);
		assert.equal(budget.hasRoom(200), true);
		budget.record(200);
		assert.equal(budget.hasRoom(300), false);
		assert.equal(budget.hasRoom(999), false);
	});

	it('frees room as the oldest frame leaves the one-second window', () => {
		const budget = new FrameBudget(3);
		for (const at of [0, 100, 200]) budget.record(at);
		assert.equal(budget.hasRoom(1000), true);
		budget.record(1000);
		// Now the window holds 100, 200 and 1000: room again only once 100 is a second old.
		assert.equal(budget.hasRoom(1099), false);
		assert.equal(budget.hasRoom(1100), true);
	});

});
