// Spec edits on the recorded services: only the asked field changes.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {applyServiceChanges, editEnv, ServiceChangeError, withForcedUpdate, withReplicas} from '../../../source/engine/swarm/service-spec.js';
import {diffSpecs} from '../../../source/swarm/spec-diff.js';
import {scene} from './recorded.js';

const raw = scene('active').raw.services;
const web = raw.find(service => service.Spec?.Name === 'web')!.Spec!;
const glob = raw.find(service => service.Spec?.Name === 'glob')!.Spec!;

describe('service spec edits', () => {
	test('env: set replaces in place or appends, remove drops by name', () => {
		assert.deepEqual(editEnv(['A=1', 'B=2', 'PASS'], {B: '3', C: ''}, ['A', 'PASS']), ['B=3', 'C=']);
	});

	test('one form, one update: every change lands, nothing else moves', () => {
		const next = applyServiceChanges(web, {
			image: 'dockdeck/busybox:2',
			envSet: {B: '20'},
			envRemove: ['C'],
			replicas: 6,
			limits: {cpus: 0.5, memoryBytes: 64 * 1024 ** 2},
			reservations: {cpus: 0},
			updateConfig: {parallelism: 2, delayNs: 5e9, failureAction: 'rollback', order: 'start-first'},
		});
		assert.deepEqual(diffSpecs(web, next), [
			{path: 'Mode.Replicated.Replicas', before: '3', after: '6'},
			{path: 'TaskTemplate.ContainerSpec.Env[B]', before: '2', after: '20'},
			{path: 'TaskTemplate.ContainerSpec.Env[C]', before: '3'},
			{path: 'TaskTemplate.ContainerSpec.Image', before: 'dockdeck/busybox:latest', after: 'dockdeck/busybox:2'},
			{path: 'TaskTemplate.Resources.Limits.MemoryBytes', after: '64.0MiB'},
			{path: 'TaskTemplate.Resources.Limits.NanoCPUs', after: '0.5 CPU'},
			{path: 'TaskTemplate.Resources.Reservations.NanoCPUs', before: '0.25 CPU'},
			{path: 'UpdateConfig.Delay', after: '5s'},
			{path: 'UpdateConfig.FailureAction', before: 'pause', after: 'rollback'},
			{path: 'UpdateConfig.Order', before: 'stop-first', after: 'start-first'},
			{path: 'UpdateConfig.Parallelism', before: '0', after: '2'},
		]);
		assert.equal(next.TaskTemplate?.Resources?.Reservations?.MemoryBytes, 16 * 1024 ** 2, 'memory reservation kept');
		assert.deepEqual(web.TaskTemplate?.ContainerSpec?.Env, ['B=2', 'C=3'], 'the input is not modified');
	});

	test('replicas: refused on a global service and for bad numbers', () => {
		assert.throws(() => withReplicas(glob, 3), (error: unknown) => error instanceof ServiceChangeError && /glob: it is a global service/.test(error.message));
		assert.throws(() => withReplicas(web, -1), ServiceChangeError);
		assert.equal(withReplicas(web, 0).Mode?.Replicated?.Replicas, 0);
	});

	test('force restart bumps ForceUpdate only', () => {
		assert.deepEqual(diffSpecs(web, withForcedUpdate(withForcedUpdate(web))), [{path: 'TaskTemplate.ForceUpdate', before: '0', after: '2'}]);
	});
});
