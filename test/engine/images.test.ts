// Images on the real private engine: the list equals `docker image ls -a`,
// users, dangling and intermediate flags, history, tag, removal refusals,
// and a pull with no registry reachable. Images are made without a registry
// by committing containers (a commit's parent is the container's image).
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, describe, it} from 'node:test';
import {engineMessage} from '../../source/engine/connection.js';
import {pullImage} from '../../source/engine/image-pull.js';
import {ImageInUseError, removeImage} from '../../source/engine/image-remove.js';
import {InvalidReferenceError, tagImage} from '../../source/engine/image-tag.js';
import {listImages, readImageHistory} from '../../source/engine/images.js';
import {failure} from '../support/failure.js';
import {createContainer, image, removeTestContainers, runId, sessionForFile, sleeper, layerCommitter} from './engine-test-kit.js';

const file = sessionForFile();
const docker = () => file.current.docker;
const label = `dockdeck.test=${runId}`;
const repo = `dd-img-${runId}`;

/** The docker CLI against the test engine, one line per output line. */
function cli(...args: string[]): string[] {
	const output = execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: process.env['DOCKDECK_TEST_HOST'], DOCKER_CLI_HINTS: 'false'}, encoding: 'utf8'});
	return output.split('\n').filter(Boolean);
}

const commitLayer = layerCommitter(docker, repo);

describe('images on the real engine', () => {
	// Inside the suite, so it runs before the file's session closes.
	after(async () => {
		await removeTestContainers(docker());
		const mine = await docker().listImages({all: true, filters: {label: [label]}});
		// Newest first: children go before their parents.
		for (const each of mine.sort((a, b) => b.Created - a.Created)) await docker().getImage(each.Id).remove({force: true}).catch(() => {});
	});

	it('lists what docker image ls -a lists, tag by tag, with dangling and intermediate flags', async () => {
		const base = await commitLayer(image, 'base', 'base', 'base');
		await commitLayer(base, 'child', 'child', 'child');
		await commitLayer(image, 'snap1', 'one', 'snap');
		await commitLayer(image, 'snap2', 'two', 'snap'); // the first snap loses its tag: dangling
		await commitLayer(base, 'orphan', 'orphan');
		const middle = await commitLayer(base, 'middle', 'middle'); // untagged with a child: intermediate
		await commitLayer(middle, 'leaf', 'leaf', 'leaf');

		const ours = (await listImages(docker())).filter(each => each.labels['dockdeck.test'] === runId);
		const rows = ours.flatMap(each => each.repoTags.map(tag => `${each.id.slice(7, 19)} ${tag}`)).sort();
		assert.deepEqual(rows, cli('image', 'ls', '-a', '--filter', `label=${label}`, '--format', '{{.ID}} {{.Repository}}:{{.Tag}}').sort());
		const dangling = ours.filter(each => each.dangling).map(each => each.id.slice(7, 19)).sort();
		assert.deepEqual(dangling, cli('image', 'ls', '-a', '--filter', `label=${label}`, '--filter', 'dangling=true', '--format', '{{.ID}}').sort());
		assert.equal(dangling.length, 2, 'the superseded snap and the untagged commit');
		const hidden = ours.filter(each => each.intermediate).map(each => each.id.slice(7, 19));
		assert.deepEqual(hidden, [middle.slice(7, 19)]);
		const shown = new Set(cli('image', 'ls', '--filter', `label=${label}`, '--format', '{{.ID}}'));
		assert.ok(hidden.every(id => !shown.has(id)), 'docker image ls without -a hides intermediate images');
		assert.ok(ours.filter(each => !each.intermediate).every(each => shown.has(each.id.slice(7, 19))));
	});

	it('names every container that uses an image, in any state', async () => {
		const id = await commitLayer(image, 'used', 'used', 'used');
		const running = await createContainer(docker(), 'user-running', {Image: id, Cmd: sleeper});
		await running.start();
		await createContainer(docker(), 'user-created', {Image: id, Cmd: sleeper});
		const summary = (await listImages(docker())).find(each => each.id === id);
		assert.deepEqual(summary?.containers.map(user => `${user.name}:${user.state}`).sort(), [`t-${runId}-user-created:created`, `t-${runId}-user-running:running`]);
	});

	it('refuses to remove an image in use, naming all its users, and force works once none runs', async () => {
		const id = await commitLayer(image, 'held', 'held', 'held');
		const running = await createContainer(docker(), 'held-running', {Image: id, Cmd: sleeper});
		await running.start();
		await createContainer(docker(), 'held-created', {Image: id, Cmd: sleeper});

		const refused = await failure(removeImage(docker(), `${repo}:held`));
		assert.ok(refused instanceof ImageInUseError, String(refused));
		assert.match(refused.engineText, /conflict: unable to remove repository reference ".*:held" \(must force\) - container [0-9a-f]{12} is using its referenced image/);
		assert.deepEqual(refused.users.map(user => user.name).sort(), [`t-${runId}-held-created`, `t-${runId}-held-running`]);
		assert.ok(!refused.forceable);
		assert.match(refused.message, /used by 2 containers: .*held-(running|created).*held-(running|created)/);

		await running.stop({t: 1});
		const stopped = await failure(removeImage(docker(), id));
		assert.ok(stopped instanceof ImageInUseError);
		assert.ok(stopped.forceable);
		const removal = await removeImage(docker(), id, {force: true});
		assert.deepEqual(removal.untagged, [`${repo}:held`]);
		assert.ok(removal.deleted.includes(id));
	});

	it('tags an image after checking the reference, and a typo never reaches the engine', async () => {
		const id = await commitLayer(image, 'tagged', 'tagged');
		assert.equal(await tagImage(docker(), id, `${repo}/extra`), `${repo}/extra:latest`);
		assert.equal(await tagImage(docker(), id, `localhost:5000/${repo}:v1.0`), `localhost:5000/${repo}:v1.0`);
		const tags = (await listImages(docker())).find(each => each.id === id)?.repoTags.sort();
		assert.deepEqual(tags, [`${repo}/extra:latest`, `localhost:5000/${repo}:v1.0`]);
		const typo = await failure(tagImage(docker(), id, `${repo}/Extra`));
		assert.ok(typo instanceof InvalidReferenceError);
		assert.match(typo.message, /must be lowercase: "Extra"/);
		assert.match(String((await failure(tagImage(docker(), 'no-such-image-here', `${repo}/x`)) as Error).message), /No such image/i);
	});

	it('reads the history like docker history', async () => {
		const base = await commitLayer(image, 'hist-base', 'abc');
		const top = await commitLayer(base, 'hist-top', 'defgh');
		const layers = await readImageHistory(docker(), top);
		const fromCli = cli('history', '--no-trunc', '--format', '{{.ID}}|{{.CreatedBy}}', top);
		assert.deepEqual(layers.map(layer => `${layer.imageId}|${layer.command}`), fromCli);
		assert.equal(layers[0]?.imageId, top);
		assert.deepEqual(layers.slice(0, 2).map(layer => layer.size), ['defgh\n'.length, 'abc\n'.length], 'each commit added its file');
	});

	it('pulls nothing without a registry, and says why in the engine\'s words', async () => {
		const updates: unknown[] = [];
		const error = await failure(pullImage(docker(), 'busybox', {onProgress: state => updates.push(state)}));
		assert.match(engineMessage(error), /registry-1\.docker\.io|dial tcp|lookup|network is unreachable/);
		assert.doesNotMatch(engineMessage(error), /^\(HTTP code/);
		assert.deepEqual(updates, []);
		const local = await failure(pullImage(docker(), `localhost:5999/${repo}:1`));
		assert.match(engineMessage(local), /localhost:5999.*connection refused/);
		assert.ok((await failure(pullImage(docker(), 'Bad:Name'))) instanceof InvalidReferenceError);
	});
});
