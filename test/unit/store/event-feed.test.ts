import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {EngineEvent} from '../../../source/engine/types.js';
import {EventFeed, type EventSource} from '../../../source/store/event-feed.js';

function event(type: string, action: string): EngineEvent {
	return {type, action, id: 'x', attributes: {}, time: Date.now()};
}

const wait = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('EventFeed', () => {
	it('takes the replay burst after subscribing for the timeline, and re-lists its kinds once after it', async () => {
		let emit: (event: EngineEvent) => void = () => {};
		const source: EventSource = {
			followEvents: (signal, onEvent) => {
				emit = onEvent;
				// The replay of `since`: many events at once.
				for (let index = 0; index < 50; index++) onEvent(event('container', 'start'));
				return new Promise(resolve => signal.addEventListener('abort', () => resolve(), {once: true}));
			},
		};
		const refreshed: string[] = [];
		const seen: EngineEvent[] = [];
		const feed = new EventFeed({settleMs: 60, throttleMs: 10, refresh: kind => refreshed.push(kind), onEvent: each => seen.push(each), onLost: () => {}});
		feed.start(source, Date.now() - 3_600_000);
		assert.equal(seen.length, 50, 'every replayed event reaches the timeline');
		assert.deepEqual(refreshed, [], 'no re-list while the replay settles');
		// The window's end, then the throttle's own interval (timers run late on a busy machine: wait for them).
		for (let waited = 0; refreshed.length < 2 && waited < 2000; waited += 10) await wait(10);
		assert.deepEqual([...refreshed].sort(), ['containers', 'projects'], 'one re-list of each kind it touched');
		await wait(30);
		const before = refreshed.length;
		assert.equal(before, 2, 'and no more');
		emit(event('container', 'die'));
		assert.equal(refreshed.length, before + 2, 'a live event after the window re-lists at once');
		feed.stop();
	});
});
