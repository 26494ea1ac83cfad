import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {EventLog} from '../../../source/store/event-log.js';

const event = (action: string, time: number, id = 'c1') => ({type: 'container', action, id, attributes: {}, time});

describe('EventLog', () => {
	it('keeps the newest events up to its capacity, each with a unique id', () => {
		const log = new EventLog(3);
		for (let time = 1; time <= 5; time++) log.add(event('start', time));
		assert.deepEqual(log.items().map(each => each.time), [3, 4, 5]);
		assert.equal(new Set(log.items().map(each => each.id)).size, 3);
		assert.equal(log.newest, 5);
	});
	it('skips an event replayed after a reconnect, keeps a new one in the same instant', () => {
		const log = new EventLog();
		log.add(event('start', 1000));
		log.add(event('die', 2000));
		log.add(event('die', 2000));
		log.add(event('destroy', 2000));
		assert.deepEqual(log.items().map(each => each.action), ['start', 'die', 'destroy']);
	});
});
