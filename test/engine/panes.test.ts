// The panes' listers and plans on the real private engine, through the
// descriptors as the UI calls them: each list holds what the engine holds,
// network connect and disconnect ask, check and act, a project stops in one
// action, removals refused by the engine come back in its words, and the
// system pane says the engine's version. Only objects labelled with this
// file's run id are looked at, so other test files on the engine play no part.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, describe, it} from 'node:test';
import type {EngineSession} from '../../source/engine/client.js';
import {engineMessage} from '../../source/engine/connection.js';
import type {ComposeProject, ImageSummary, NetworkSummary, VolumeSummary} from '../../source/engine/resources-types.js';
import type {ActionPlan, AskPlan, Plan} from '../../source/resources/descriptor.js';
import {resourceByKind} from '../../source/resources/index.js';
import type {SystemRow} from '../../source/resources/system.js';
import {failure} from '../support/failure.js';
import {createContainer, image, removeTestContainers, runId, sessionForFile, testLabel} from './engine-test-kit.js';

const file = sessionForFile();
const session = () => file.current;
const label = `dockdeck.test=${runId}`;
const name = (suffix: string) => `dd-panes-${runId}-${suffix}`;

function cli(...args: string[]): string[] {
	const output = execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: process.env['DOCKDECK_TEST_HOST'], DOCKER_CLI_HINTS: 'false'}, encoding: 'utf8'});
	return output.split('\n').filter(Boolean);
}

function descriptor(kind: string) {
	const found = resourceByKind(kind);
	assert.ok(found, kind);
	return found;
}

async function list<T>(kind: string): Promise<T[]> {
	return (await descriptor(kind).list(session(), new AbortController().signal)) as unknown as T[];
}

/** Follows a plan as the UI does: loads, answers the question with `answer`, up to the plan that runs. */
async function settle(plan: Plan, current: EngineSession, answer?: string): Promise<ActionPlan | {refused: string}> {
	if ('refused' in plan || 'run' in plan && !('handOver' in plan)) return plan as ActionPlan | {refused: string};
	if ('load' in plan) return settle(await plan.load(current), current, answer);
	if ('ask' in plan) {
		assert.ok(answer !== undefined, `a question was asked: ${plan.ask.question}`);
		const problem = plan.ask.validate(answer);
		assert.equal(problem, undefined, `"${answer}" is refused: ${problem ?? ''}`);
		return settle(plan.answer(answer), current);
	}

	throw new Error('a hand-over plan');
}

/** The question a plan asks after loading. */
async function question(plan: Plan): Promise<AskPlan> {
	const loaded = 'load' in plan ? await plan.load(session()) : plan;
	assert.ok('ask' in loaded, `a question, got ${JSON.stringify(loaded)}`);
	return loaded;
}

describe('panes on the real engine', () => {
	after(async () => {
		await removeTestContainers(session().docker);
		for (const volume of cli('volume', 'ls', '-q', '--filter', `label=${label}`)) cli('volume', 'rm', '-f', volume);
		for (const network of cli('network', 'ls', '-q', '--filter', `label=${label}`)) cli('network', 'rm', network);
	});

	it('images: the tagged image and its users are listed; intermediate images are not', async () => {
		const user = await createContainer(session().docker, 'img-user');
		const images = await list<ImageSummary>('images');
		const busybox = images.find(each => each.repoTags.includes(image));
		assert.ok(busybox);
		assert.ok(busybox.containers.some(each => each.id === user.id), 'the new container is among its users');
		assert.ok(images.every(each => !each.intermediate));
		const shown = new Set(cli('image', 'ls', '--no-trunc', '--quiet'));
		for (const each of images.filter(item => item.repoTags.some(tag => tag.startsWith('dockdeck/')))) assert.ok(shown.has(each.id), `${each.id} is in docker image ls`);
	});

	it('volumes: listed with who mounts them; removing one in use gives the engine\'s refusal', async () => {
		cli('volume', 'create', '--label', label, name('data'));
		await createContainer(session().docker, 'vol-user', {HostConfig: {Binds: [`${name('data')}:/data`]}});
		const volume = (await list<VolumeSummary>('volumes')).find(each => each.name === name('data'));
		assert.ok(volume);
		assert.deepEqual(volume.containers.map(user => `${user.name}:${user.destination}`), [`t-${runId}-vol-user:/data`]);
		const remove = descriptor('volumes').actions.find(action => action.id === 'volume.remove');
		const plan = await settle(remove?.plan(volume) ?? {refused: 'no action'}, session());
		assert.ok('run' in plan);
		assert.match(plan.confirm ?? '', new RegExp(`It is mounted by t-${runId}-vol-user \\(created\\) at /data: the engine will refuse\\.`));
		const error = await failure(plan.run(session()));
		assert.match(engineMessage(error), new RegExp(`^remove ${name('data')}: volume is in use`));
	});

	it('networks: connect asks for a container, checks the name, connects; disconnect confirms and disconnects', async () => {
		cli('network', 'create', '--label', label, name('net'));
		const container = await createContainer(session().docker, 'net-user');
		const containerName = `t-${runId}-net-user`;
		const network = (await list<NetworkSummary>('networks')).find(each => each.name === name('net'));
		assert.ok(network);
		const actions = descriptor('networks').actions;
		const connect = actions.find(action => action.id === 'network.connect');
		assert.ok(connect);
		const ask = await question(connect.plan(network));
		assert.match(ask.ask.question, new RegExp(`^container to connect to ${name('net')} \\(attached: none\\)$`));
		assert.match(ask.ask.validate('no-such-container') ?? '', /^no container "no-such-container"; not attached yet: /);
		const connectPlan = await settle(connect.plan(network), session(), containerName);
		assert.ok('run' in connectPlan);
		await connectPlan.run(session());
		const networks = () => JSON.parse(cli('inspect', '--format', '{{json .NetworkSettings.Networks}}', container.id)[0] ?? '{}') as Record<string, unknown>;
		assert.ok(name('net') in networks(), 'the engine shows it connected');

		const disconnect = actions.find(action => action.id === 'network.disconnect');
		assert.ok(disconnect);
		const again = await question(connect.plan(network));
		assert.match(again.ask.validate(containerName) ?? '', /is attached to .* already/);
		const disconnectPlan = await settle(disconnect.plan(network), session(), containerName);
		assert.ok('run' in disconnectPlan);
		assert.match(disconnectPlan.confirm ?? '', new RegExp(`^Disconnect ${containerName} \\(created\\) from network ${name('net')}\\?`));
		await disconnectPlan.run(session());
		assert.ok(!(name('net') in networks()), 'the engine shows it disconnected');
	});

	it('projects: a compose project is listed from its labels and stops in one action', async () => {
		const project = name('proj');
		const labels = (service: string) => ({...testLabel, 'com.docker.compose.project': project, 'com.docker.compose.service': service});
		const db = await createContainer(session().docker, `${project}-db-1`, {Labels: labels('db')});
		const web = await createContainer(session().docker, `${project}-web-1`, {Labels: {...labels('web'), 'com.docker.compose.depends_on': 'db:service_started:false'}});
		await db.start();
		await web.start();
		const row = (await list<ComposeProject>('projects')).find(each => each.name === project);
		assert.ok(row);
		assert.equal(row.status, 'running(2)');
		const logs = descriptor('projects').logs?.(row as never);
		assert.deepEqual(logs?.sources.map(source => source.label), ['db-1', 'web-1']);
		const stop = descriptor('projects').actions.find(action => action.id === 'project.stop');
		const plan = await settle(stop?.plan(row) ?? {refused: 'no action'}, session());
		assert.ok('run' in plan);
		assert.match(plan.confirm ?? '', /These 2 containers stop \(dependents first\)/);
		await plan.run(session());
		assert.deepEqual(cli('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.State}}'), ['exited', 'exited']);
	});

	it('system: the engine\'s version and one row per system df category', async () => {
		const rows = await list<SystemRow>('system');
		assert.equal(rows.find(row => row.id === 'engine')?.value.split(' ')[0], cli('version', '--format', '{{.Server.Version}}')[0]);
		assert.deepEqual(rows.filter(row => row.id.startsWith('df.')).map(row => row.item), ['Images', 'Containers', 'Volumes', 'Build cache']);
	});
});
