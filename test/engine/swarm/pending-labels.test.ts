// A constraint no node meets leaves the task pending; explainPending names the
// missing label; adding that label through editNodeLabels lets it run.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {editNodeLabels} from '../../../source/engine/swarm/node-actions.js';
import {listNodes} from '../../../source/engine/swarm/nodes.js';
import {listServices} from '../../../source/engine/swarm/services.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import {explainPending} from '../../../source/swarm/why-pending.js';
import {createTestService, eventually, labelPrefix, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

describe('a task pending on a node label', () => {
	it('stays pending, is explained by the missing label, and runs once a node has it', async () => {
		const label = `${labelPrefix}tier`;
		const serviceId = await createTestService(swarm.current, 'gold', {constraints: [`node.labels.${label}==gold`]});
		const pending = await eventually(async () => {
			const [task] = await listTasks(docker(), {service: serviceId, desiredState: 'running'});
			return task?.state === 'pending' && task.error !== undefined ? task : undefined;
		}, 'the task to be pending with the scheduler\'s error', 30_000);
		assert.equal(pending.nodeId, undefined);
		assert.match(pending.error ?? '', /scheduling constraints not satisfied on 3 nodes/);

		const [services, nodes, tasks] = await Promise.all([listServices(docker(), swarm.current.apiVersion), listNodes(docker()), listTasks(docker())]);
		const service = services.find(each => each.id === serviceId)!;
		assert.deepEqual([service.running, service.desired], [0, 1]);
		const lines = explainPending(pending, service, nodes, tasks);
		assert.equal(lines[0], `no node has label ${label}==gold`);
		assert.match(lines.at(-1) ?? '', /^the engine says: no suitable node/);

		const n3 = swarm.node('dockdeck-n3');
		await editNodeLabels(docker(), n3.id, {[label]: 'gold', [`${labelPrefix}other`]: 'x'});
		const labelled = (await listNodes(docker())).find(node => node.id === n3.id)!;
		assert.equal(labelled.labels[label], 'gold');
		assert.equal(labelled.availability, 'active', 'a label edit keeps the rest of the spec');
		const running = await eventually(async () => {
			const [task] = await listTasks(docker(), {service: serviceId, desiredState: 'running'});
			return task?.state === 'running' ? task : undefined;
		}, 'the task to run once dockdeck-n3 has the label', 30_000);
		assert.equal(running.nodeId, n3.id);

		await editNodeLabels(docker(), n3.id, {}, [`${labelPrefix}other`]);
		assert.deepEqual(Object.keys((await listNodes(docker())).find(node => node.id === n3.id)!.labels).sort(), [label], 'removes only the named label');
	});
});
