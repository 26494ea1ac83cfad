import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {compareVersions, engineMessage, MAX_API_VERSION} from '../../source/engine/connection.js';
import {inspectContainer, listContainers, runContainerAction} from '../../source/engine/containers.js';
import {createContainer, eventually, sessionForFile, runId} from './engine-test-kit.js';

const file = sessionForFile();

const stateOf = async (id: string) => (await inspectContainer(file.current.docker, id)).state;

describe('container actions on the real engine', () => {
	it('negotiates the API version with the engine instead of hard-coding one', async () => {
		const version = (await file.current.docker.version()) as {ApiVersion: string};
		assert.equal(file.current.apiVersion, compareVersions(version.ApiVersion, MAX_API_VERSION) <= 0 ? version.ApiVersion : MAX_API_VERSION);
	});

	it('starts, pauses, unpauses, stops, kills and removes, as the engine then reports', async () => {
		const container = await createContainer(file.current.docker, 'lifecycle');
		const id = container.id;
		assert.equal(await stateOf(id), 'created');
		await runContainerAction(file.current.docker, id, 'start');
		assert.equal(await stateOf(id), 'running');
		await runContainerAction(file.current.docker, id, 'pause');
		assert.equal(await stateOf(id), 'paused');
		await runContainerAction(file.current.docker, id, 'unpause');
		assert.equal(await stateOf(id), 'running');
		await runContainerAction(file.current.docker, id, 'stop');
		assert.equal(await stateOf(id), 'exited');
		await runContainerAction(file.current.docker, id, 'start');
		await runContainerAction(file.current.docker, id, 'kill');
		await eventually(async () => (await stateOf(id)) === 'exited', 'the killed container to exit');
		await runContainerAction(file.current.docker, id, 'remove');
		const all = await listContainers(file.current.docker);
		assert.ok(!all.some(each => each.id === id), 'removed');
	});

	it('refuses to remove a running container without force, with the engine message', async () => {
		const container = await createContainer(file.current.docker, 'running-remove');
		await container.start();
		await assert.rejects(runContainerAction(file.current.docker, container.id, 'remove'), error => {
			assert.match(engineMessage(error), /running container/i);
			assert.match(engineMessage(error), /force/);
			return true;
		});
		await runContainerAction(file.current.docker, container.id, 'forceRemove');
		await assert.rejects(container.inspect(), /no such container/i);
	});

	it('lists what docker ps -a lists, with health, compose project and ports', async () => {
		const web = await createContainer(file.current.docker, 'web', {
			Labels: {'dockdeck.test': runId, 'com.docker.compose.project': `p${runId}`, 'com.docker.compose.service': 'web'},
			ExposedPorts: {'80/tcp': {}},
			HostConfig: {PortBindings: {'80/tcp': [{HostPort: '18080'}]}},
			Healthcheck: {Test: ['CMD', 'false'], Interval: 500_000_000, Retries: 1},
		});
		await web.start();
		const summary = await eventually(async () => {
			const found = (await listContainers(file.current.docker)).find(each => each.id === web.id);
			return found?.health === 'unhealthy' ? found : undefined;
		}, 'the healthcheck to fail');
		assert.equal(summary.name, `t-${runId}-web`);
		assert.equal(summary.composeProject, `p${runId}`);
		assert.equal(summary.composeService, 'web');
		assert.deepEqual(summary.ports.map(port => `${port.publicPort}->${port.privatePort}`), ['18080->80']);
		const detail = await inspectContainer(file.current.docker, web.id);
		assert.equal(detail.health, 'unhealthy');
	});
});

describe('container processes on the real engine', () => {
	it('lists the processes of a running container like docker top', async () => {
		const {readTop} = await import('../../source/engine/top.js');
		const container = await createContainer(file.current.docker, 'top', {Cmd: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']});
		await container.start();
		const table = await readTop(file.current.docker, container.id);
		assert.ok(table.titles.includes('PID'), `titles: ${table.titles.join(' ')}`);
		const command = table.titles.indexOf('CMD');
		assert.ok(table.processes.some(row => (row[command] ?? '').includes('sleep 3600')), `processes: ${JSON.stringify(table.processes)}`);
	});
});
