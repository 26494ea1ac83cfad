// explainPending on the pending tasks of a real swarm (recorded), and on
// edits of it for the cases a 3-node recording cannot show at once.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {NodeSummary, ServiceSummary, TaskSummary} from '../../../source/engine/swarm/types.js';
import {explainPending} from '../../../source/swarm/why-pending.js';
import {scene} from './recorded.js';

const active = scene('active');
const drained = scene('drained');

function pendingTask(of: ReturnType<typeof scene>, name: string): TaskSummary {
	const task = of.wanted(name).find(each => each.state === 'pending');
	assert.ok(task, `${name} has a pending task`);
	return task;
}

describe('explainPending', () => {
	test('names the label no node has, and the drained node', () => {
		const lines = explainPending(pendingTask(drained, 'gold'), drained.service('gold'), drained.nodes, drained.tasks);
		assert.equal(lines[0], 'no node has label tier==gold');
		assert.ok(lines.includes('dockdeck-n2 is drained'), lines.join('\n'));
		assert.match(lines.at(-1) ?? '', /^the engine says: no suitable node \(scheduling constraints not satisfied on 2 nodes; 1 node not available for new tasks\)$/);
	});

	test('says how much memory each node has free against the reservation', () => {
		const lines = explainPending(pendingTask(active, 'big'), active.service('big'), active.nodes, active.tasks);
		assert.equal(lines.filter(line => /memory free, a task reserves 500GiB$/.test(line)).length, 3, lines.join('\n'));
		assert.ok(lines.some(line => line.startsWith('dockdeck-n3 has ')), lines.join('\n'));
	});

	test('free memory subtracts what the node\'s other tasks reserve', () => {
		const n3 = active.node('dockdeck-n3');
		const big: ServiceSummary = {...active.service('big'), reservations: {cpus: 0, memoryBytes: n3.memoryBytes - 8 * 1024 ** 2}};
		const withTotals = explainPending(pendingTask(active, 'big'), big, [n3]);
		const withTasks = explainPending(pendingTask(active, 'big'), big, [n3], active.tasks);
		assert.ok(withTotals.some(line => /could run it now/.test(line)), 'by totals it fits');
		assert.ok(withTasks.some(line => /^dockdeck-n3 has .*memory free/.test(line)), `web on n3 reserves 16 MiB: ${withTasks.join('\n')}`);
	});

	test('points at the per-node limit when every eligible node already runs one', () => {
		const lines = explainPending(pendingTask(drained, 'spread'), drained.service('spread'), drained.nodes, drained.tasks);
		assert.ok(lines.includes('dockdeck-n3 already runs 1 task of spread (at most 1 per node)'), lines.join('\n'));
		assert.ok(lines.includes('dockdeck-n2 is drained'));
		assert.ok(!lines.some(line => line.startsWith('no node')), 'the constraint itself is met');
	});

	test('a != constraint every node fails reads as what every node is', () => {
		const service: ServiceSummary = {...active.service('gold'), constraints: ['node.platform.os!=linux']};
		assert.equal(explainPending(pendingTask(active, 'gold'), service, active.nodes)[0], 'every node runs linux');
	});

	test('constraints that hold alone but never together', () => {
		const service: ServiceSummary = {...active.service('gold'), constraints: ['node.role==manager', 'node.labels.tier==silver']};
		assert.equal(explainPending(pendingTask(active, 'gold'), service, active.nodes)[0], 'no node meets all of: node.role==manager, node.labels.tier==silver');
	});

	test('down and paused nodes are named', () => {
		const nodes: NodeSummary[] = active.nodes.map(node =>
			node.hostname === 'dockdeck-n2' ? {...node, state: 'down'} : node.hostname === 'dockdeck-n3' ? {...node, availability: 'pause'} : node);
		const service: ServiceSummary = {...active.service('gold'), constraints: ['node.role==worker']};
		const lines = explainPending(pendingTask(active, 'gold'), service, nodes, active.tasks);
		assert.deepEqual(lines.slice(0, 2), ['dockdeck-n2 is down', 'dockdeck-n3 is paused']);
	});

	test('an unknown constraint key matches no node, and says so', () => {
		const service: ServiceSummary = {...active.service('gold'), constraints: ['node.label.tier==gold']};
		assert.match(explainPending(pendingTask(active, 'gold'), service, active.nodes)[0] ?? '', /^constraint node\.label\.tier==gold uses a key swarm does not know/);
	});
});
