// diffSpecs on the recorded service "web", whose env was updated from A=1 B=2
// to B=2 C=3 (so the engine keeps the first spec as PreviousSpec).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {diffSpecs, rollbackBlocker} from '../../../source/swarm/spec-diff.js';
import {scene} from './recorded.js';

const web = scene('active').raw.services.find(service => service.Spec?.Name === 'web')!;
const gold = scene('active').raw.services.find(service => service.Spec?.Name === 'gold')!;

describe('diffSpecs', () => {
	test('shows each changed variable as its own row', () => {
		assert.deepEqual(diffSpecs(web.PreviousSpec, web.Spec), [
			{path: 'TaskTemplate.ContainerSpec.Env[A]', before: '1'},
			{path: 'TaskTemplate.ContainerSpec.Env[C]', after: '3'},
		]);
	});

	test('is empty for the same spec, and ignores empty values the engine fills in', () => {
		assert.deepEqual(diffSpecs(web.Spec, structuredClone(web.Spec)), []);
		const filled = structuredClone(web.Spec!);
		filled.TaskTemplate!.ContainerSpec!['DNSConfig'] = {};
		filled.Labels = {...filled.Labels};
		filled['Networks'] = [];
		assert.deepEqual(diffSpecs(web.Spec, filled), []);
		const reordered = structuredClone(web.Spec!);
		reordered.TaskTemplate!.Placement = {Constraints: ['node.labels.a==1', 'node.role==worker']};
		const original = structuredClone(web.Spec!);
		original.TaskTemplate!.Placement = {Constraints: ['node.role==worker', 'node.labels.a==1']};
		assert.deepEqual(diffSpecs(original, reordered), [], 'constraints are a set');
	});

	test('labels per key, nested leaves by path, units readable', () => {
		const after = structuredClone(web.Spec!);
		after.Labels = {...after.Labels, tier: 'gold'};
		after.TaskTemplate!.ContainerSpec!.Image = 'dockdeck/busybox:2';
		after.TaskTemplate!.Resources = {Limits: {MemoryBytes: 256 * 1024 ** 2}, Reservations: after.TaskTemplate!.Resources?.Reservations ?? {}};
		after.UpdateConfig = {...after.UpdateConfig, Delay: 90e9, Order: 'start-first'};
		after.Mode = {Replicated: {Replicas: 5}};
		after.EndpointSpec = {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 9090, PublishMode: 'ingress'}]};
		assert.deepEqual(diffSpecs(web.Spec, after), [
			{path: 'EndpointSpec.Mode', before: 'vip'},
			{path: 'EndpointSpec.Ports[0].PublishedPort', before: '8080', after: '9090'},
			{path: 'Labels[tier]', after: 'gold'},
			{path: 'Mode.Replicated.Replicas', before: '3', after: '5'},
			{path: 'TaskTemplate.ContainerSpec.Image', before: 'dockdeck/busybox:latest', after: 'dockdeck/busybox:2'},
			{path: 'TaskTemplate.Resources.Limits.MemoryBytes', after: '256MiB'},
			{path: 'UpdateConfig.Delay', after: '1m30s'},
			{path: 'UpdateConfig.Order', before: 'stop-first', after: 'start-first'},
		]);
	});
});

describe('rollbackBlocker', () => {
	test('allows a rollback that changes something', () => {
		assert.equal(rollbackBlocker('web', web.Spec, web.PreviousSpec), undefined);
	});

	test('refuses a service never updated, and one whose previous spec is the same', () => {
		assert.match(rollbackBlocker('gold', gold.Spec, gold.PreviousSpec) ?? '', /gold has no previous spec/);
		assert.match(rollbackBlocker('web', web.Spec, structuredClone(web.Spec)) ?? '', /same as the current one/);
	});
});
