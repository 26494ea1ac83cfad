// previewAvailability on the recorded swarm before draining dockdeck-n2,
// checked against what the same swarm did once drained (also recorded).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {previewAvailability} from '../../../source/swarm/drain-preview.js';
import {scene} from './recorded.js';

const active = scene('active');
const drained = scene('drained');
const n2 = active.node('dockdeck-n2');

describe('previewAvailability', () => {
	test('drain: the replicated tasks move, the capped and the global service drop', () => {
		const preview = previewAvailability(n2, 'drain', active.tasks, active.services, active.nodes);
		assert.deepEqual(preview.moves.map(move => `${move.serviceName}.${move.slot} -> ${move.to.join('|')}`).sort(), ['web.1 -> dockdeck-n3', 'web.3 -> dockdeck-n3']);
		assert.deepEqual(preview.shortfalls.map(each => [each.serviceName, each.after, each.desired]).sort(), [['glob', 2, 3], ['spread', 1, 2]]);
		assert.match(preview.shortfalls.find(each => each.serviceName === 'spread')!.reason, /1 per node/);
		assert.match(preview.shortfalls.find(each => each.serviceName === 'glob')!.reason, /global/);
		assert.equal(preview.lines[0], '4 tasks on dockdeck-n2 will stop; 2 will start on other nodes');
		assert.ok(preview.lines.includes('spread drops to 1 of 2: the other eligible nodes already run 1 per node, its limit'), preview.lines.join('\n'));
	});

	test('what the preview said is what the real drain did', () => {
		const preview = previewAvailability(n2, 'drain', active.tasks, active.services, active.nodes);
		for (const move of preview.moves) {
			const now = drained.wanted(move.serviceName).find(task => task.slot === move.slot);
			assert.equal(now?.state, 'running', `${move.serviceName}.${move.slot} runs again`);
			assert.ok(move.to.includes(drained.hostnameOf(now?.nodeId) ?? ''), `${move.serviceName}.${move.slot} runs on ${drained.hostnameOf(now?.nodeId)}`);
		}
		for (const shortfall of preview.shortfalls) assert.equal(drained.service(shortfall.serviceName).running, shortfall.after, shortfall.serviceName);
		const untouched = active.services.filter(service => !preview.shortfalls.some(each => each.serviceId === service.id));
		for (const service of untouched) assert.equal(drained.service(service.name).running, service.running, service.name);
	});

	test('pause moves nothing and loses nothing', () => {
		const preview = previewAvailability(n2, 'pause', active.tasks, active.services, active.nodes);
		assert.deepEqual([preview.moves, preview.shortfalls], [[], []]);
		assert.deepEqual(preview.lines, ['dockdeck-n2 keeps its 4 tasks but takes no new ones']);
	});

	test('a service pinned to the drained node has nowhere to go', () => {
		const n3 = active.node('dockdeck-n3');
		const preview = previewAvailability(n3, 'drain', active.tasks, active.services, active.nodes);
		const pinned = preview.shortfalls.find(each => each.serviceName === 'pinned');
		assert.deepEqual([pinned?.after, pinned?.desired], [0, 1]);
		assert.match(pinned?.reason ?? '', /no other active, ready node meets its constraints \(node\.hostname==dockdeck-n3\)/);
		assert.ok(preview.moves.some(move => move.serviceName === 'web' && move.to.join() === 'dockdeck-n2'));
	});

	test('an idle node moves nothing', () => {
		const preview = previewAvailability(n2, 'drain', [], active.services, active.nodes);
		assert.deepEqual(preview.lines, ['dockdeck-n2 runs no tasks: nothing moves']);
	});
});
