// A worker's daemon stopped (harness.sh stop 3) shows as down, a task pinned
// to it is explained as waiting for a down node, and the node comes back ready.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {listNodes} from '../../../source/engine/swarm/nodes.js';
import {listServices} from '../../../source/engine/swarm/services.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import type {NodeSummary} from '../../../source/engine/swarm/types.js';
import {explainPending} from '../../../source/swarm/why-pending.js';
import {createTestService, eventually, harnessNode, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

async function n3Now(): Promise<NodeSummary> {
	const node = (await listNodes(docker())).find(each => each.hostname === 'dockdeck-n3');
	assert.ok(node);
	return node;
}

describe('a worker whose daemon stops', () => {
	it('goes down, its pinned task waits for it, and it is ready again after a restart', async () => {
		const pinned = await createTestService(swarm.current, 'on-n3', {constraints: ['node.hostname==dockdeck-n3']});
		await eventually(async () => (await listTasks(docker(), {service: pinned, desiredState: 'running'}))[0]?.state === 'running' || undefined, 'the pinned task to run', 30_000);
		const ready = await n3Now();
		assert.equal(ready.state, 'ready');

		await harnessNode('stop', 3);
		const down = await eventually(async () => {
			const node = await n3Now();
			return node.state === 'down' ? node : undefined;
		}, 'dockdeck-n3 to be reported down', 60_000);
		assert.notEqual(down.rev, ready.rev, 'the row changes');
		assert.equal(down.availability, 'active', 'down is a state, not an availability');

		const waiting = await eventually(async () => {
			const tasks = await listTasks(docker(), {service: pinned, desiredState: 'running'});
			return tasks.find(task => task.state === 'pending' && task.nodeId === undefined);
		}, 'a replacement task pending for the down node', 60_000);
		const [services, nodes, tasks] = await Promise.all([listServices(docker(), swarm.current.apiVersion), listNodes(docker()), listTasks(docker())]);
		const lines = explainPending(waiting, services.find(service => service.id === pinned)!, nodes, tasks);
		assert.ok(lines.includes('dockdeck-n3 is down'), lines.join('\n'));

		await harnessNode('start', 3);
		await eventually(async () => (await n3Now()).state === 'ready' || undefined, 'dockdeck-n3 to be ready again', 60_000);
		await eventually(async () => (await listTasks(docker(), {service: pinned, desiredState: 'running'})).some(task => task.state === 'running') || undefined, 'the pinned task to run again', 60_000);
	});
});
