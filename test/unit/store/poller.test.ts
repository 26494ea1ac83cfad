import assert from 'node:assert/strict';
import {describe, it, mock} from 'node:test';
import {Poller} from '../../../source/store/poller.js';

describe('Poller', () => {
	it('re-lists each watched kind at its own interval', () => {
		mock.timers.enable({apis: ['setInterval', 'Date'], now: 0});
		try {
			const polled: string[] = [];
			const poller = new Poller(kind => (kind === 'services' ? 3000 : 10_000), () => ['containers', 'services'], kind => polled.push(kind), 1000, Date.now);
			poller.start();
			const seconds = (count: number) => {
				for (let second = 0; second < count; second++) mock.timers.tick(1000);
			};
			seconds(9);
			assert.deepEqual(polled, ['services', 'services', 'services'], 'services every 3 s, containers not yet');
			seconds(1);
			assert.deepEqual(polled.filter(kind => kind === 'containers'), ['containers'], 'containers after 10 s');
			poller.stop();
			seconds(10);
			assert.equal(polled.length, 4, 'nothing after stop');
		} finally {
			mock.timers.reset();
		}
	});
});
