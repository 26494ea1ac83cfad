import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isSingleReference, storedRefs, toStoredRef} from '../../../source/prune/image-refs.js';
import {comparePlan, planPrune, type PruneInputs} from '../../../source/prune/index.js';
import type {PruneContainer, PruneImage, PruneNetwork, PruneVolume} from '../../../source/prune/types.js';

const now = Date.UTC(2024, 5, 1, 12);
const hour = 3_600_000;
const inputs = (extra: Partial<PruneInputs>): PruneInputs => ({apiVersion: '1.45', now, ...extra});
const ids = (items: {id: string}[]) => items.map(item => item.id).sort();

const container = (id: string, state: string, extra: Partial<PruneContainer> = {}): PruneContainer => ({id, name: id, state, imageId: 'none', createdAt: now - 2 * hour, labels: {}, sizeRw: 10, ...extra});
const image = (id: string, extra: Partial<PruneImage> = {}): PruneImage => ({id, parentId: '', repoTags: ['<none>:<none>'], repoDigests: [], createdAt: now - 2 * hour, labels: {}, size: 100, ...extra});
const layer = (chainId: string, size: number) => ({chainId, size});

describe('container prune rules', () => {
	it('removes created, exited and dead; keeps running, paused, restarting and one already being removed', () => {
		const list = ['created', 'exited', 'dead', 'running', 'paused', 'restarting', 'removing'].map(state => container(state, state));
		const plan = planPrune({kind: 'containers', options: {}}, inputs({containers: list}));
		assert.deepEqual(ids(plan.items), ['created', 'dead', 'exited']);
		assert.equal(plan.freed, 30);
	});

	it('applies until and labels', () => {
		const list = [container('old', 'exited', {labels: {team: 'a'}}), container('new', 'exited', {createdAt: now - 1000, labels: {team: 'a'}}), container('other', 'exited', {labels: {team: 'b'}})];
		const plan = planPrune({kind: 'containers', options: {until: '1h', label: ['team=a']}}, inputs({containers: list}));
		assert.deepEqual(ids(plan.items), ['old']);
		assert.deepEqual(plan.kept.map(item => item.reason).sort(), ['created after the until time', 'labels do not match']);
	});
});

describe('image prune rules', () => {
	it('dangling mode: an untagged head goes with its untagged parents, stopping at a tagged or shared parent', () => {
		const images = [
			image('base', {repoTags: ['base:1']}),
			image('mid', {parentId: 'base'}),
			image('top', {parentId: 'mid'}),
			image('shared', {parentId: 'base'}),
			image('head-a', {parentId: 'shared'}),
			image('head-b', {parentId: 'shared', repoTags: ['b:1']}),
		];
		const plan = planPrune({kind: 'images', options: {}}, inputs({images, containers: []}));
		assert.deepEqual(ids(plan.items), ['head-a', 'mid', 'top']);
	});

	it('an image any container uses stays, running or not, and so do its parents', () => {
		const images = [image('parent'), image('child', {parentId: 'parent'})];
		for (const state of ['running', 'exited', 'created']) {
			const plan = planPrune({kind: 'images', options: {}}, inputs({images, containers: [container('c', state, {imageId: 'child'})]}));
			assert.deepEqual(plan.items, [], state);
			assert.match(plan.kept.find(item => item.id === 'child')?.reason ?? '', new RegExp(`used by c \\(${state}\\)`));
		}
	});

	it('dangling mode deletes an image referenced by digest only, and says it untags the digest', () => {
		const digest = `app@sha256:${'c'.repeat(64)}`;
		const plan = planPrune({kind: 'images', options: {}}, inputs({images: [image('pulled', {repoDigests: [digest]})], containers: []}));
		assert.deepEqual(ids(plan.items), ['pulled']);
		assert.deepEqual(plan.untag, [digest]);
	});

	it('all mode: an image in use loses its tags but the last in the store\'s order; the tag of its base goes too', () => {
		const images = [image('base', {repoTags: ['base:1']}), image('used', {parentId: 'base', repoTags: ['zeta:1', 'localhost:5000/app:1']})];
		const plan = planPrune({kind: 'images', options: {all: true}}, inputs({images, containers: [container('c', 'running', {imageId: 'used'})]}));
		assert.deepEqual(plan.items, []);
		// docker.io/library/zeta:1 sorts before localhost:5000/app:1
		assert.deepEqual([...plan.untag].sort(), ['base:1', 'zeta:1']);
	});

	it('all mode: unused tagged images and their chain go, a single-tagged image in use keeps its tag', () => {
		const images = [image('base', {repoTags: ['base:1']}), image('app', {parentId: 'base', repoTags: ['app:1']}), image('kept', {repoTags: ['kept:1']})];
		const plan = planPrune({kind: 'images', options: {all: true}}, inputs({images, containers: [container('c', 'exited', {imageId: 'kept'})]}));
		assert.deepEqual(ids(plan.items), ['app', 'base']);
		assert.deepEqual([...plan.untag].sort(), ['app:1', 'base:1']);
	});

	it('until and labels choose the candidates; parents removed through a child ignore them', () => {
		const images = [image('parent', {createdAt: now - 1000}), image('old', {parentId: 'parent', labels: {x: '1'}}), image('young', {createdAt: now - 1000, labels: {x: '1'}}), image('unlabelled')];
		const plan = planPrune({kind: 'images', options: {until: '1h', label: ['x']}}, inputs({images, containers: []}));
		assert.deepEqual(ids(plan.items), ['old', 'parent']);
	});

	it('counts each freed layer once, and none a remaining image still holds', () => {
		const images = [
			image('keep', {repoTags: ['keep:1'], layers: [layer('L1', 1000)]}),
			image('a', {layers: [layer('L1', 1000), layer('L2', 20), layer('L3', 3)]}),
			image('b', {layers: [layer('L1', 1000), layer('L2', 20), layer('L4', 400)]}),
		];
		const plan = planPrune({kind: 'images', options: {}}, inputs({images, containers: []}));
		assert.equal(plan.freed, 423);
		assert.ok(plan.freedExact);
		const inexact = planPrune({kind: 'images', options: {}}, inputs({images: [image('x', {size: 50})], containers: []}));
		assert.equal(inexact.freed, 50);
		assert.ok(!inexact.freedExact);
	});

	it('reads references as the store holds them', () => {
		assert.equal(toStoredRef('busybox:latest').full, 'docker.io/library/busybox:latest');
		assert.equal(toStoredRef('team/app:1').name, 'docker.io/team/app');
		assert.equal(toStoredRef('localhost:5000/app').full, 'localhost:5000/app:latest');
		const digest = `app@sha256:${'d'.repeat(64)}`;
		assert.ok(isSingleReference(storedRefs(['app:1'], [digest])), 'one tag plus digests of its repository');
		assert.ok(!isSingleReference(storedRefs(['app:1', 'app:2'], [])));
		assert.ok(!isSingleReference(storedRefs(['other:1'], [digest])), 'digest of another repository');
		assert.ok(!isSingleReference([]));
	});
});

describe('volume prune rules', () => {
	const volume = (name: string, extra: Partial<PruneVolume> = {}): PruneVolume => ({name, driver: 'local', labels: {}, options: {}, size: 5, users: 0, ...extra});
	const volumes = [
		volume('named'),
		volume('anon', {labels: {'com.docker.volume.anonymous': ''}}),
		volume('used-anon', {labels: {'com.docker.volume.anonymous': ''}, users: 1}),
		volume('nfs', {options: {type: 'nfs'}}),
		volume('plugin', {driver: 'rexray'}),
	];

	it('since API 1.42: anonymous volumes only, unless all', () => {
		assert.deepEqual(ids(planPrune({kind: 'volumes', options: {}}, inputs({volumes})).items), ['anon']);
		assert.deepEqual(ids(planPrune({kind: 'volumes', options: {all: true}}, inputs({volumes})).items), ['anon', 'named']);
	});

	it('before API 1.42: named ones too, and the plan says so', () => {
		const plan = planPrune({kind: 'volumes', options: {}}, inputs({volumes, apiVersion: '1.41'}));
		assert.deepEqual(ids(plan.items), ['anon', 'named']);
		assert.equal(plan.notes.length, 1);
	});

	it('label filters and unknown sizes', () => {
		const plan = planPrune({kind: 'volumes', options: {all: true, notLabel: ['com.docker.volume.anonymous']}}, inputs({volumes: [...volumes, volume('unsized', {size: -1})]}));
		assert.deepEqual(ids(plan.items), ['named', 'unsized']);
		assert.ok(!plan.freedExact);
		assert.equal(plan.freed, 5);
	});
});

describe('network prune rules', () => {
	const network = (name: string, extra: Partial<PruneNetwork> = {}): PruneNetwork => ({id: `id-${name}`, name, driver: 'bridge', scope: 'local', labels: {}, createdAt: now - 2 * hour, configOnly: false, ingress: false, endpoints: 0, ...extra});
	const networks = [
		network('bridge'), network('host'), network('none'),
		network('empty'), network('busy', {endpoints: 2}), network('template', {configOnly: true}), network('young', {createdAt: now - 1000}),
		network('ingress', {scope: 'swarm', driver: 'overlay', ingress: true}),
		network('svc-net', {scope: 'swarm', driver: 'overlay'}),
		network('free-overlay', {scope: 'swarm', driver: 'overlay'}),
	];

	it('unused custom networks; a worker leaves swarm networks alone', () => {
		const plan = planPrune({kind: 'networks', options: {until: '1h'}}, inputs({networks}));
		assert.deepEqual(ids(plan.items), ['empty']);
	});

	it('a manager also prunes swarm networks no service uses, never ingress', () => {
		const plan = planPrune({kind: 'networks', options: {}}, inputs({networks, swarm: {manager: true, serviceNetworks: new Set(['id-svc-net'])}}));
		assert.deepEqual(ids(plan.items), ['empty', 'free-overlay', 'young']);
		const reasons = new Map(plan.kept.map(item => [item.name, item.reason]));
		assert.equal(reasons.get('ingress'), 'the swarm ingress network');
		assert.equal(reasons.get('svc-net'), 'used by a service');
		assert.equal(reasons.get('template'), 'config-only');
	});
});

describe('build cache plan and comparing plans with reports', () => {
	it('estimates the build cache from df records', () => {
		const record = (id: string, extra: object) => ({id, type: 'regular', inUse: false, shared: false, size: 10, createdAt: now - 2 * hour, ...extra});
		const records = [record('free', {}), record('busy', {inUse: true}), record('shared', {shared: true}), record('internal', {type: 'internal'})];
		assert.deepEqual(ids(planPrune({kind: 'buildCache', options: {}}, inputs({buildCache: records})).items), ['free']);
		assert.deepEqual(ids(planPrune({kind: 'buildCache', options: {all: true}}, inputs({buildCache: records})).items), ['free', 'internal', 'shared']);
	});

	it('reports planned-but-kept and removed-but-unplanned, and ignores layer ids in image reports', () => {
		const plan = planPrune({kind: 'images', options: {}}, inputs({images: [image('a'), image('b'), image('c', {repoTags: ['c:1']})], containers: []}));
		const comparison = comparePlan(plan, {kind: 'images', removed: ['a', 'sha256:layer', 'c'], untagged: ['c:1'], spaceReclaimed: 0});
		assert.deepEqual(comparison.matched, ['a']);
		assert.deepEqual(comparison.plannedButKept, ['b']);
		assert.deepEqual(comparison.removedButUnplanned, ['c']);
		assert.deepEqual(comparison.untaggedButUnplanned, ['c:1']);
		assert.ok(!comparison.exact);
	});
});
