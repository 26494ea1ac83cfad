// The prune planner against the real private engine: for containers, images
// (dangling, all, until), volumes and networks, the plan made from the
// engine's lists equals what the engine's prune then removes, item for item
// and, for images, byte for byte. Every prune is filtered by this file's
// label, so other test files' objects on the same engine play no part.
import assert from 'node:assert/strict';
import {after, describe, it} from 'node:test';
import {engineMessage} from '../../source/engine/connection.js';
import {planEnginePrune, runPrune} from '../../source/engine/prune.js';
import {comparePlan} from '../../source/prune/index.js';
import type {PrunePlan, PruneReport, PruneRequest} from '../../source/prune/types.js';
import {failure} from '../support/failure.js';
import {createContainer, image, removeTestContainers, runId, sessionForFile, sleeper, testLabel, layerCommitter} from './engine-test-kit.js';

const file = sessionForFile();
const docker = () => file.current.docker;
const apiVersion = () => file.current.apiVersion;
const label = `dockdeck.test=${runId}`;
const repo = `dd-prune-${runId}`;

/** Plans, prunes, and checks the two agree exactly; returns both for closer looks. */
async function planAndPrune(request: PruneRequest): Promise<{plan: PrunePlan; report: PruneReport}> {
	const plan = await planEnginePrune(docker(), request, apiVersion());
	const report = await runPrune(docker(), request, apiVersion());
	const comparison = comparePlan(plan, report);
	assert.deepEqual(
		{plannedButKept: comparison.plannedButKept, removedButUnplanned: comparison.removedButUnplanned, untagPlannedButKept: comparison.untagPlannedButKept, untaggedButUnplanned: comparison.untaggedButUnplanned},
		{plannedButKept: [], removedButUnplanned: [], untagPlannedButKept: [], untaggedButUnplanned: []},
		`plan and engine differ for ${request.kind}`,
	);
	return {plan, report};
}

/** Waits until the next whole second has passed, and returns it as unix seconds: a clean `until` boundary. */
async function secondBoundary(): Promise<string> {
	const next = Math.ceil((Date.now() + 1) / 1000);
	await new Promise(resolve => setTimeout(resolve, next * 1000 - Date.now() + 50));
	return String(next);
}

const commitLayer = layerCommitter(docker, repo);

const sorted = (items: {name: string}[]) => items.map(item => item.name).sort();
const prefixed = (...names: string[]) => names.map(name => `t-${runId}-${name}`).sort();

describe('prune plans equal what the real engine removes', () => {
	// Inside the suite, so it runs before the file's session closes.
	after(async () => {
		await removeTestContainers(docker());
		const images = await docker().listImages({all: true, filters: {label: [label]}});
		for (const each of images.sort((a, b) => b.Created - a.Created)) await docker().getImage(each.Id).remove({force: true}).catch(() => {});
		const volumes = (await docker().listVolumes({filters: {label: [label]}})).Volumes ?? [];
		await Promise.all(volumes.map(each => docker().getVolume(each.Name).remove().catch(() => {})));
		const networks = await docker().listNetworks({filters: {label: [label]}});
		await Promise.all(networks.map(each => docker().getNetwork(each.Id).remove().catch(() => {})));
	});

	it('containers: created and exited ones go; running and paused stay; label! holds', async () => {
		await createContainer(docker(), 'c-created');
		const exited = await createContainer(docker(), 'c-exited', {Cmd: ['true']});
		await exited.start();
		await exited.wait();
		await (await createContainer(docker(), 'c-running')).start();
		const paused = await createContainer(docker(), 'c-paused');
		await paused.start();
		await paused.pause();
		await createContainer(docker(), 'c-kept', {Labels: {...testLabel, 'dockdeck.keep': 'yes'}});

		const {plan, report} = await planAndPrune({kind: 'containers', options: {label: [label], notLabel: ['dockdeck.keep']}});
		assert.deepEqual(sorted(plan.items), prefixed('c-created', 'c-exited'));
		assert.equal(report.removed.length, 2);
		assert.ok(plan.freedExact);
		assert.equal(plan.freed, report.spaceReclaimed);
		await paused.unpause();
	});

	it('containers: until keeps the ones created after the cut-off', async () => {
		await createContainer(docker(), 'u-old');
		const cutoff = await secondBoundary();
		await createContainer(docker(), 'u-new');
		const {plan} = await planAndPrune({kind: 'containers', options: {label: [label], until: cutoff}});
		assert.deepEqual(sorted(plan.items), prefixed('c-kept', 'u-old'));
		assert.ok(plan.kept.some(item => item.name === `t-${runId}-u-new` && item.reason === 'created after the until time'));
	});

	it('images: dangling heads go with their untagged parents; tagged, used and parent images stay; bytes match', async () => {
		await commitLayer(image, 'i-first', 'first-version', 'app');
		const current = await commitLayer(image, 'i-second', 'second-version', 'app'); // the first loses its tag
		const middle = await commitLayer(image, 'i-middle', 'middle');
		const head = await commitLayer(middle, 'i-head', 'head-of-chain'); // dangling head on an untagged parent
		const usedDangling = await commitLayer(image, 'i-used', 'used');
		await createContainer(docker(), 'i-user', {Image: usedDangling, Cmd: sleeper});

		const {plan, report} = await planAndPrune({kind: 'images', options: {label: [label]}});
		assert.equal(plan.items.length, 3, 'the superseded app image, the head and its untagged parent');
		assert.ok(plan.items.some(item => item.id === head) && plan.items.some(item => item.id === middle));
		assert.ok(!plan.items.some(item => item.id === current || item.id === usedDangling));
		assert.ok(plan.freedExact);
		assert.equal(plan.freed, report.spaceReclaimed);
		assert.ok(plan.freed >= 'first-version\n'.length + 'middle\n'.length + 'head-of-chain\n'.length);
		assert.match(plan.kept.find(item => item.id === usedDangling)?.reason ?? '', new RegExp(`used by t-${runId}-i-user \\(created\\)`));
	});

	it('images: all unused ones go; one in use with two tags keeps its last tag and loses the other', async () => {
		const shared = await commitLayer(image, 'a-shared', 'shared', 'one');
		await docker().getImage(shared).tag({repo, tag: 'two'});
		await createContainer(docker(), 'a-user', {Image: shared, Cmd: sleeper});
		const unused = await commitLayer(image, 'a-unused', 'unused', 'unused');

		const {plan, report} = await planAndPrune({kind: 'images', options: {all: true, label: [label]}});
		assert.ok(plan.items.some(item => item.id === unused));
		assert.ok(!plan.items.some(item => item.id === shared));
		assert.ok(plan.untag.includes(`${repo}:one`) && !plan.untag.includes(`${repo}:two`), `untag: ${plan.untag.join(', ')}`);
		assert.deepEqual((await docker().getImage(shared).inspect()).RepoTags, [`${repo}:two`]);
		assert.equal(plan.freed, report.spaceReclaimed);
	});

	it('images: until keeps the ones created after the cut-off', async () => {
		const old = await commitLayer(image, 'iu-old', 'old');
		const cutoff = await secondBoundary();
		const young = await commitLayer(image, 'iu-new', 'new');
		const {plan} = await planAndPrune({kind: 'images', options: {all: true, label: [label], until: cutoff}});
		assert.ok(plan.items.some(item => item.id === old));
		assert.ok(!plan.items.some(item => item.id === young));
	});

	it('volumes: unused local volumes without options go (named ones too before API 1.42); used ones stay', async () => {
		const volume = async (name: string, extra: object = {}) => docker().createVolume({Name: name, Labels: testLabel, ...extra});
		await volume(`${repo}-named`);
		await docker().createVolume({Labels: {...testLabel, 'com.docker.volume.anonymous': ''}});
		await volume(`${repo}-used`);
		await volume(`${repo}-tmpfs`, {DriverOpts: {type: 'tmpfs', device: 'tmpfs'}});
		await createContainer(docker(), 'v-user', {HostConfig: {Binds: [`${repo}-used:/data`]}});

		const {plan, report} = await planAndPrune({kind: 'volumes', options: {label: [label]}});
		const names = sorted(plan.items);
		assert.ok(names.some(name => /^[0-9a-f]{64}$/.test(name)), 'the anonymous volume');
		assert.equal(names.includes(`${repo}-named`), Number(apiVersion().split('.')[1]) < 42, 'named volumes only before API 1.42');
		assert.ok(!names.includes(`${repo}-used`) && !names.includes(`${repo}-tmpfs`));
		assert.equal(plan.freed, report.spaceReclaimed);

		await planAndPrune({kind: 'volumes', options: {all: true, label: [label]}});
		assert.deepEqual((await docker().listVolumes({filters: {label: [label]}})).Volumes?.map(each => each.Name).sort(), [`${repo}-tmpfs`, `${repo}-used`]);
	});

	it('networks: those without endpoints go, even one a stopped container names; attached and younger ones stay', async () => {
		const network = async (name: string) => (await docker().createNetwork({Name: `${repo}-${name}`, Labels: testLabel, CheckDuplicate: true})).id;
		await network('empty');
		const busy = await network('busy');
		const stoppedOnly = await network('stopped-only');
		const running = await createContainer(docker(), 'n-running');
		await running.start();
		await docker().getNetwork(busy).connect({Container: running.id});
		const stopped = await createContainer(docker(), 'n-stopped');
		await docker().getNetwork(stoppedOnly).connect({Container: stopped.id});
		const cutoff = await secondBoundary();
		await network('young');

		const {plan} = await planAndPrune({kind: 'networks', options: {label: [label], until: cutoff}});
		assert.deepEqual(sorted(plan.items), [`${repo}-empty`, `${repo}-stopped-only`]);
		assert.deepEqual(sorted(plan.kept).filter(name => name.startsWith(repo)), [`${repo}-busy`, `${repo}-young`]);
		await docker().getNetwork(busy).disconnect({Container: running.id, Force: true});
		await planAndPrune({kind: 'networks', options: {label: [label]}});
	});

	it('build cache: the request goes through and the engine reports', async () => {
		const report = await runPrune(docker(), {kind: 'buildCache', options: {until: '240h'}}, apiVersion());
		assert.equal(report.kind, 'buildCache');
		assert.ok(Array.isArray(report.removed));
	});

	it('sends filters as arrays of strings: the engine cannot decode a boolean', async () => {
		const refused = await failure(docker().pruneImages({filters: {dangling: true}}));
		assert.equal((refused as {statusCode?: number}).statusCode, 500);
		assert.match(engineMessage(refused), /cannot unmarshal bool/);
	});
});
