// Scale and drain on the real 3-node swarm, through the engine modules.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {setNodeAvailability} from '../../../source/engine/swarm/node-actions.js';
import {listNodes} from '../../../source/engine/swarm/nodes.js';
import {scaleService} from '../../../source/engine/swarm/service-actions.js';
import {listServices} from '../../../source/engine/swarm/services.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import type {ServiceSummary, TaskSummary} from '../../../source/engine/swarm/types.js';
import {previewAvailability} from '../../../source/swarm/drain-preview.js';
import {createTestService, eventually, runId, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

async function ourServices(): Promise<ServiceSummary[]> {
	return (await listServices(docker(), swarm.current.apiVersion)).filter(service => service.labels['dockdeck.test'] === runId);
}

async function runningTasks(serviceId: string): Promise<TaskSummary[]> {
	return (await listTasks(docker(), {service: serviceId, desiredState: 'running'})).filter(task => task.state === 'running');
}

describe('scale and drain on a real swarm', () => {
	it('lists the three nodes: one leader, two workers, all ready and active', async () => {
		const nodes = await listNodes(docker());
		assert.deepEqual(nodes.map(node => [node.hostname, node.role, node.managerStatus ?? '-', node.state, node.availability]), [
			['dockdeck-n1', 'manager', 'leader', 'ready', 'active'],
			['dockdeck-n2', 'worker', '-', 'ready', 'active'],
			['dockdeck-n3', 'worker', '-', 'ready', 'active'],
		]);
	});

	let webId = '';
	it('scales a service from 2 to 6 and sees running tasks on all three nodes', async () => {
		webId = await createTestService(swarm.current, 'web', {replicas: 2});
		await eventually(async () => (await runningTasks(webId)).length === 2 || undefined, '2 running tasks', 30_000);
		const warnings = await scaleService(docker(), webId, 6);
		assert.deepEqual(warnings, []);
		const tasks = await eventually(async () => {
			const running = await runningTasks(webId);
			return running.length === 6 ? running : undefined;
		}, '6 running tasks', 60_000);
		assert.equal(new Set(tasks.map(task => task.nodeId)).size, 3, 'spread over the three nodes');
		const web = await eventually(async () => (await ourServices()).find(service => service.id === webId && service.running === 6), 'the list to say 6/6', 10_000);
		assert.deepEqual([web.name, web.mode, web.desired, web.image], [`t-${runId}-web`, 'replicated', 6, 'dockdeck/busybox:latest']);
	});

	it('drains a worker: its tasks move exactly as the preview said; then it is active again', async () => {
		const n2 = swarm.node('dockdeck-n2');
		const pinnedId = await createTestService(swarm.current, 'pinned', {constraints: ['node.hostname==dockdeck-n2']});
		const globalId = await createTestService(swarm.current, 'everywhere', {global: true});
		await eventually(async () => {
			const services = await ourServices();
			return services.length === 3 && services.every(service => service.running === service.desired && service.desired > 0) || undefined;
		}, 'web, pinned and everywhere running', 60_000);

		const [tasks, services, nodes] = await Promise.all([listTasks(docker()), ourServices(), listNodes(docker())]);
		const preview = previewAvailability(nodes.find(node => node.id === n2.id)!, 'drain', tasks, services, nodes);
		const webOnN2 = tasks.filter(task => task.serviceId === webId && task.nodeId === n2.id && task.state === 'running');
		assert.equal(webOnN2.length, 2, 'the spread put 2 of 6 on dockdeck-n2');
		assert.deepEqual(preview.moves.map(move => move.taskId).sort(), webOnN2.map(task => task.id).sort(), 'the web tasks on n2 move');
		assert.ok(preview.moves.every(move => move.to.join() === 'dockdeck-n1,dockdeck-n3'));
		assert.deepEqual(preview.shortfalls.map(each => [each.serviceId, each.after, each.desired]).sort(), [[globalId, 2, 3], [pinnedId, 0, 1]].sort());

		await setNodeAvailability(docker(), n2.id, 'drain');
		await eventually(async () => {
			const now = await listTasks(docker(), {desiredState: 'running'});
			const ours = now.filter(task => [webId, pinnedId, globalId].includes(task.serviceId));
			const stillOnN2 = ours.some(task => task.nodeId === n2.id);
			const webMoved = preview.moves.every(move => ours.some(task => task.slot === move.slot && task.serviceId === webId && task.state === 'running' && task.nodeId !== n2.id));
			return !stillOnN2 && webMoved || undefined;
		}, 'the moved web slots to run on the other nodes', 60_000);
		// The counts settle a moment after the tasks: wait until they say what the preview said.
		const after = await eventually(async () => {
			const list = await ourServices();
			const running = (id: string) => list.find(service => service.id === id)?.running;
			return preview.shortfalls.every(each => running(each.serviceId) === each.after) && running(webId) === 6 ? list : undefined;
		}, 'the services to run as many tasks as the preview said', 30_000);
		assert.deepEqual(after.map(service => [service.name, service.running]).sort(), [[`t-${runId}-everywhere`, 2], [`t-${runId}-pinned`, 0], [`t-${runId}-web`, 6]]);
		const pinnedTask = (await listTasks(docker(), {service: pinnedId, desiredState: 'running'}))[0];
		assert.equal(pinnedTask?.state, 'pending', 'the pinned task waits for its node');

		await setNodeAvailability(docker(), n2.id, 'active');
		const n2Again = (await listNodes(docker())).find(node => node.id === n2.id);
		assert.equal(n2Again?.availability, 'active');
		await eventually(async () => (await runningTasks(pinnedId)).length === 1 || undefined, 'the pinned task to run once its node is active', 30_000);
	});
});
