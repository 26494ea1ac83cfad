// The engine layer's Swarm mappers on JSON recorded from a real 3-node swarm.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {engineMessage} from '../../../source/engine/connection.js';
import {swarmAccess} from '../../../source/engine/swarm/access.js';
import {toNodeSummary} from '../../../source/engine/swarm/nodes.js';
import type {RawSecretOrConfig, RawSwarmInfo} from '../../../source/engine/swarm/raw.js';
import {toSecretSummary, usersById} from '../../../source/engine/swarm/secrets.js';
import {countTasks, splitImage, toServiceSummary} from '../../../source/engine/swarm/services.js';
import {toStacks} from '../../../source/engine/swarm/stacks.js';
import {isOutOfSequence} from '../../../source/engine/swarm/versioned-update.js';
import {recorded, scene} from './recorded.js';

const active = scene('active');
const drained = scene('drained');

describe('nodes', () => {
	test('map hostname, role, leader, availability, state, resources, labels and address', () => {
		const manager = active.node('dockdeck-n1');
		assert.equal(manager.role, 'manager');
		assert.equal(manager.managerStatus, 'leader');
		assert.equal(manager.state, 'ready');
		assert.equal(manager.addr, '10.213.0.1');
		assert.match(manager.engineVersion, /^20\.10\./);
		assert.ok(manager.cpus >= 1 && Number.isInteger(manager.cpus), `cpus ${manager.cpus}`);
		assert.ok(manager.memoryBytes > 100 * 1024 ** 2);
		assert.deepEqual(manager.platform, {os: 'linux', architecture: 'x86_64'});
		const worker = active.node('dockdeck-n3');
		assert.equal(worker.role, 'worker');
		assert.equal(worker.managerStatus, undefined);
		assert.deepEqual(worker.labels, {tier: 'silver'});
		assert.equal(drained.node('dockdeck-n2').availability, 'drain');
	});

	test('rev changes with a shown field and only then', () => {
		const raw = active.raw.nodes[0]!;
		const same = toNodeSummary(structuredClone(raw));
		const tlsOnly = structuredClone(raw);
		(tlsOnly.Description as Record<string, unknown>)['TLSInfo'] = {TrustRoot: 'other'};
		const down = structuredClone(raw);
		down.Status = {...down.Status, State: 'down'};
		assert.equal(same.rev, toNodeSummary(raw).rev);
		assert.equal(toNodeSummary(tlsOnly).rev, same.rev, 'TLS roots are not shown');
		assert.notEqual(toNodeSummary(down).rev, same.rev);
	});
});

describe('services', () => {
	test('map mode, counts from ServiceStatus, image, ports, stack, constraints, reservations and update status', () => {
		const web = active.service('web');
		assert.equal(web.mode, 'replicated');
		assert.deepEqual([web.running, web.desired], [3, 3]);
		assert.equal(web.image, 'dockdeck/busybox:latest');
		assert.equal(web.imageDigest, undefined);
		assert.deepEqual(web.ports, [{publishedPort: 8080, targetPort: 80, protocol: 'tcp', mode: 'ingress'}]);
		assert.equal(web.stack, 'shop');
		assert.deepEqual(web.constraints, ['node.role==worker']);
		assert.deepEqual(web.reservations, {cpus: 0.25, memoryBytes: 16 * 1024 ** 2});
		assert.deepEqual(web.updateStatus, {state: 'completed', message: 'update completed'});
		assert.equal(web.hasPreviousSpec, true);
		assert.ok(web.createdAt > 0 && web.updatedAt >= web.createdAt);
		const glob = active.service('glob');
		assert.equal(glob.mode, 'global');
		assert.deepEqual([glob.running, glob.desired], [3, 3], 'one task per node');
		assert.deepEqual([drained.service('glob').running, drained.service('glob').desired], [2, 2], 'the drained node is not eligible');
		assert.deepEqual(active.service('spread').maxReplicasPerNode, 1);
		assert.equal(active.service('gold').hasPreviousSpec, false);
	});

	test('counting tasks (engines before API 1.41) gives what ServiceStatus says', () => {
		for (const each of [active, drained]) {
			const counts = countTasks(each.raw.services, each.raw.tasks, each.raw.nodes);
			for (const service of each.raw.services) {
				assert.deepEqual(counts.get(service.ID), {running: service.ServiceStatus?.RunningTasks, desired: service.ServiceStatus?.DesiredTasks}, service.Spec?.Name);
			}
			const withoutStatus = each.raw.services.map(({ServiceStatus: _status, ...rest}) => rest);
			const web = withoutStatus.find(service => service.Spec?.Name === 'web')!;
			assert.equal(toServiceSummary(web, counts.get(web.ID)).running, 3);
		}
	});

	test('split a pinned image into reference and short digest', () => {
		assert.deepEqual(splitImage('nginx:1.27@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'), {image: 'nginx:1.27', digest: '0123456789ab'});
		assert.deepEqual(splitImage('nginx'), {image: 'nginx'});
	});

	test('group stack services with their totals', () => {
		assert.deepEqual(toStacks(drained.services).map(({rev: _rev, ...stack}) => stack), [{id: 'shop', name: 'shop', services: ['glob', 'web'], running: 5, desired: 5}]);
	});
});

describe('tasks', () => {
	test('map slot, node, states, the engine\'s error, container and reservations', () => {
		const gold = active.wanted('gold')[0]!;
		assert.equal(gold.state, 'pending');
		assert.equal(gold.nodeId, undefined);
		assert.equal(gold.serviceName, 'gold');
		assert.equal(gold.message, 'pending task scheduling');
		assert.match(gold.error ?? '', /scheduling constraints not satisfied on 3 nodes/);
		const web = active.wanted('web').find(task => task.state === 'running')!;
		assert.ok(web.slot !== undefined && web.slot >= 1);
		assert.match(web.containerId ?? '', /^[0-9a-f]{64}$/);
		assert.equal(web.exitCode, undefined, 'a running task has no exit code');
		assert.deepEqual(web.reservations, {cpus: 0.25, memoryBytes: 16 * 1024 ** 2});
		assert.ok(web.timestamp > 0);
		assert.equal(active.wanted('glob')[0]!.slot, undefined, 'global tasks have no slot');
	});
});

describe('secrets and configs', () => {
	test('say which services use them', () => {
		const users = usersById(active.services, 'secrets');
		const [secret] = recorded<RawSecretOrConfig[]>('secrets.json');
		const summary = toSecretSummary(secret!, users.get(secret!.ID));
		assert.equal(summary.name, 'api-key');
		assert.deepEqual(summary.usedBy, ['sec']);
		assert.deepEqual(summary.labels, {'dockdeck.test': 'record'});
		const [config] = recorded<RawSecretOrConfig[]>('configs.json');
		assert.deepEqual(toSecretSummary(config!, usersById(active.services, 'configs').get(config!.ID)).usedBy, ['sec']);
	});
});

describe('swarmAccess', () => {
	test('a manager may show the Swarm panes', () => {
		const info = recorded<{Swarm: RawSwarmInfo}>('info-manager.json');
		assert.deepEqual(swarmAccess(info), {ok: true, nodeId: info.Swarm.NodeID});
	});

	test('a worker may not, and names the managers', () => {
		const access = swarmAccess(recorded<{Swarm: RawSwarmInfo}>('info-worker.json'));
		assert.equal(access.ok, false);
		assert.ok(!access.ok);
		assert.match(access.reason, /this engine is a worker/);
		assert.deepEqual(access.managers, ['10.213.0.1:2377']);
		assert.match(access.hint ?? '', /10\.213\.0\.1/);
	});

	test('an engine outside any swarm gets the swarm init hint', () => {
		const access = swarmAccess(recorded<{Swarm: RawSwarmInfo}>('info-left.json'));
		assert.ok(!access.ok);
		assert.match(access.reason, /not part of a swarm/);
		assert.match(access.hint ?? '', /docker swarm init/);
	});

	test('locked and error states give their reason', () => {
		const locked = swarmAccess({Swarm: {LocalNodeState: 'locked'}});
		assert.ok(!locked.ok && /locked/.test(locked.reason) && /docker swarm unlock/.test(locked.hint ?? ''));
		const broken = swarmAccess({Swarm: {LocalNodeState: 'error', Error: 'raft: no leader'}});
		assert.ok(!broken.ok && /raft: no leader/.test(broken.reason));
	});
});

describe('the engine\'s recorded errors', () => {
	const errors = recorded<Record<string, {message: string}>>('errors.json');
	const asModemError = (body: {message: string}, statusCode: number) => Object.assign(new Error(`(HTTP code ${statusCode}) unexpected - ${body.message}`), {statusCode, json: body});

	test('a stale version is recognised as out of sequence, other errors are not', () => {
		assert.equal(isOutOfSequence(asModemError(errors['staleServiceUpdate']!, 500)), true);
		assert.equal(isOutOfSequence(asModemError(errors['secretInUse']!, 400)), false);
	});

	test('an in-use secret\'s refusal reaches the user unchanged', () => {
		assert.equal(engineMessage(asModemError(errors['secretInUse']!, 400)), errors['secretInUse']!.message);
		assert.match(errors['secretInUse']!.message, /in use by the following service: sec/);
	});
});
