// Volumes on the real private engine: the list equals `docker volume ls`,
// users and sizes, create (named, anonymous, invalid) and the engine's own
// refusal to remove a volume a container uses.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, describe, it} from 'node:test';
import {engineMessage} from '../../source/engine/connection.js';
import {createVolume, listVolumes, removeVolume} from '../../source/engine/volumes.js';
import {failure} from '../support/failure.js';
import {createContainer, removeTestContainers, runId, sessionForFile, testLabel} from './engine-test-kit.js';

const file = sessionForFile();
const docker = () => file.current.docker;
const label = `dockdeck.test=${runId}`;
const name = (suffix: string) => `dd-vol-${runId}-${suffix}`;

function cli(...args: string[]): string[] {
	const output = execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: process.env['DOCKDECK_TEST_HOST'], DOCKER_CLI_HINTS: 'false'}, encoding: 'utf8'});
	return output.split('\n').filter(Boolean);
}

const mine = async () => (await listVolumes(docker(), {sizes: true})).filter(volume => volume.labels['dockdeck.test'] === runId);

describe('volumes on the real engine', () => {
	after(async () => {
		await removeTestContainers(docker());
		const left = await docker().listVolumes({filters: {label: [label]}});
		await Promise.all((left.Volumes ?? []).map(volume => removeVolume(docker(), volume.Name).catch(() => {})));
	});

	it('lists what docker volume ls lists, with users, mount paths and sizes', async () => {
		await createVolume(docker(), {name: name('data'), labels: testLabel});
		await createVolume(docker(), {name: name('idle'), labels: testLabel});
		const writer = await createContainer(docker(), 'writer', {
			Cmd: ['sh', '-c', 'head -c 1000 /dev/zero > /data/blob'],
			HostConfig: {Binds: [`${name('data')}:/data`]},
		});
		await writer.start();
		await writer.wait();

		const volumes = await mine();
		assert.deepEqual(volumes.map(volume => `${volume.driver} ${volume.name}`).sort(), cli('volume', 'ls', '--filter', `label=${label}`, '--format', '{{.Driver}} {{.Name}}').sort());
		const data = volumes.find(volume => volume.name === name('data'));
		assert.deepEqual(data?.containers.map(user => `${user.name}:${user.destination}:${user.state}`), [`t-${runId}-writer:/data:exited`]);
		assert.equal(data?.size, 1000, 'system df counts the bytes in the volume');
		assert.equal(data?.anonymous, false);
		assert.match(data?.mountpoint ?? '', new RegExp(`/volumes/${name('data')}/_data$`));
		assert.equal(volumes.find(volume => volume.name === name('idle'))?.containers.length, 0);
		assert.equal((await listVolumes(docker())).find(volume => volume.name === name('idle'))?.size, -1, 'no sizes unless asked');
	});

	it('refuses to remove a volume in use with the engine\'s own message, and removes it once free', async () => {
		await createVolume(docker(), {name: name('held'), labels: testLabel});
		const holder = await createContainer(docker(), 'holder', {HostConfig: {Binds: [`${name('held')}:/held`]}});
		const refused = await failure(removeVolume(docker(), name('held')));
		assert.equal(engineMessage(refused), `remove ${name('held')}: volume is in use - [${holder.id}]`);
		await holder.remove();
		await removeVolume(docker(), name('held'));
		assert.ok(!(await mine()).some(volume => volume.name === name('held')));
	});

	it('creates anonymous volumes, and checks names before asking', async () => {
		const anonymous = await createVolume(docker(), {labels: testLabel});
		assert.match(anonymous.name, /^[0-9a-f]{64}$/);
		assert.ok(anonymous.anonymous);
		const invalid = await failure(createVolume(docker(), {name: 'bad name', labels: testLabel}));
		assert.match((invalid as Error).message, /letters, digits/);
		assert.ok(!(await mine()).some(volume => volume.name === 'bad name'));
		assert.match(engineMessage(await failure(removeVolume(docker(), name('never-made')))), /no such volume/i);
	});
});
