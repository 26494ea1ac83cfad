// Compose projects on the real private engine: containers carrying compose's
// labels (as `docker compose up` makes them; the compose plugin itself is
// not needed) grouped into a project, then started, stopped, restarted and
// removed through the API in dependency order.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {describe, it} from 'node:test';
import {listComposeProjects, runComposeAction} from '../../source/engine/compose-projects.js';
import type {ComposeProject} from '../../source/engine/resources-types.js';
import {createContainer, runId, sessionForFile} from './engine-test-kit.js';

const file = sessionForFile();
const docker = () => file.current.docker;
const project = `dd-compose-${runId}`;

function cli(...args: string[]): string[] {
	const output = execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: process.env['DOCKDECK_TEST_HOST'], DOCKER_CLI_HINTS: 'false'}, encoding: 'utf8'});
	return output.split('\n').filter(Boolean);
}

async function service(name: string, dependsOn = ''): Promise<void> {
	await createContainer(docker(), `${name}-1`, {
		// `wait` returns on TERM at once (a plain `sleep 1` would finish first): stops take milliseconds.
		Cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 1 & wait $!; done'],
		Labels: {
			'dockdeck.test': runId,
			'com.docker.compose.project': project,
			'com.docker.compose.service': name,
			'com.docker.compose.depends_on': dependsOn,
			'com.docker.compose.project.working_dir': '/srv/app',
		},
	});
}

async function current(): Promise<ComposeProject> {
	const found = (await listComposeProjects(docker())).find(each => each.name === project);
	assert.ok(found, `project ${project} listed`);
	return found;
}

const startedAt = async (id: string) => Date.parse((await docker().getContainer(id).inspect()).State.StartedAt);
const finishedAt = async (id: string) => Date.parse((await docker().getContainer(id).inspect()).State.FinishedAt);

describe('compose projects on the real engine', () => {
	it('groups the containers by project and service, like docker ps filtered by the project label', async () => {
		await service('db');
		await service('web', 'db:service_started:false');
		await service('worker', 'db:service_started:false,web:service_started:false');
		const listed = await current();
		assert.deepEqual(listed.services.map(each => `${each.name}:${each.dependsOn.join('+')}`), ['db:', 'web:db', 'worker:db+web']);
		assert.equal(listed.status, 'created(3)');
		assert.equal(listed.workingDir, '/srv/app');
		const fromCli = cli('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.ID}}');
		assert.deepEqual(listed.services.flatMap(each => each.containers.map(container => container.id.slice(0, 12))).sort(), fromCli.sort());
	});

	it('starts dependencies first, stops dependents first, restarts all, then removes them', async () => {
		const byService = (listed: ComposeProject, name: string) => listed.services.find(each => each.name === name)?.containers[0]?.id ?? '';
		let listed = await current();
		const [db = '', web = '', worker = ''] = ['db', 'web', 'worker'].map(name => byService(listed, name));

		const started = await runComposeAction(docker(), listed, 'start');
		assert.deepEqual(started.failed, []);
		assert.equal(started.done.length, 3);
		listed = await current();
		assert.equal(listed.status, 'running(3)');
		assert.ok((await startedAt(db)) <= (await startedAt(web)), 'db before web');
		assert.ok((await startedAt(web)) <= (await startedAt(worker)), 'web before worker');

		await docker().getContainer(worker).pause();
		listed = await current();
		assert.equal(listed.status, 'paused(1), running(2)');
		const stopped = await runComposeAction(docker(), listed, 'stop', {stopTimeoutSeconds: 2});
		assert.deepEqual(stopped.failed, []);
		listed = await current();
		assert.equal(listed.status, 'exited(3)');
		assert.ok((await finishedAt(worker)) <= (await finishedAt(web)), 'worker stops before web');
		assert.ok((await finishedAt(web)) <= (await finishedAt(db)), 'web stops before db');

		const restarted = await runComposeAction(docker(), listed, 'restart', {stopTimeoutSeconds: 2});
		assert.deepEqual(restarted.failed, []);
		assert.equal((await current()).running, 3);

		const removed = await runComposeAction(docker(), await current(), 'remove', {stopTimeoutSeconds: 2});
		assert.deepEqual(removed.failed, []);
		assert.equal(removed.done.length, 3);
		assert.ok(!(await listComposeProjects(docker())).some(each => each.name === project));
	});

	it('reports each container the engine refuses, and goes on with the others', async () => {
		await service('solo');
		const listed = await current();
		const [solo] = listed.services[0]?.containers ?? [];
		assert.ok(solo);
		await docker().getContainer(solo.id).remove({force: true});
		const result = await runComposeAction(docker(), listed, 'start');
		assert.deepEqual(result.done, []);
		assert.equal(result.failed[0]?.name, solo.name);
		assert.match(result.failed[0]?.message ?? '', /no such container/i);
	});
});
