// Service update, rollback, force restart, the stale-version retry and remove,
// through the engine modules against the real swarm.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {engineMessage} from '../../../source/engine/connection.js';
import type {RawService} from '../../../source/engine/swarm/raw.js';
import {forceRestartService, removeService, rollbackService, scaleService, updateService} from '../../../source/engine/swarm/service-actions.js';
import {ServiceChangeError} from '../../../source/engine/swarm/service-spec.js';
import {inspectRawService, listServices} from '../../../source/engine/swarm/services.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import {updateWithFreshVersion} from '../../../source/engine/swarm/versioned-update.js';
import {diffSpecs, rollbackBlocker} from '../../../source/swarm/spec-diff.js';
import {createTestService, eventually, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

async function settled(id: string, state: string): Promise<RawService> {
	return eventually(async () => {
		const service = await inspectRawService(docker(), id);
		return service.UpdateStatus?.State === state ? service : undefined;
	}, `the service's update status to become ${state}`, 60_000);
}

async function runningIds(id: string): Promise<string[]> {
	return (await listTasks(docker(), {service: id, desiredState: 'running'})).filter(task => task.state === 'running').map(task => task.id).sort();
}

describe('service update and rollback on a real swarm', () => {
	let id = '';
	it('updates an env var; the spec diff shows it; rollback restores the previous spec', async () => {
		id = await createTestService(swarm.current, 'api', {replicas: 2, env: ['MODE=blue', 'KEEP=1']});
		const created = await inspectRawService(docker(), id);
		assert.match(rollbackBlocker('api', created.Spec, created.PreviousSpec) ?? '', /no previous spec/);
		await eventually(async () => (await runningIds(id)).length === 2 || undefined, '2 running tasks', 30_000);

		assert.deepEqual(await updateService(docker(), id, {envSet: {MODE: 'green', EXTRA: 'yes'}}), []);
		const updated = await settled(id, 'completed');
		assert.deepEqual(updated.Spec?.TaskTemplate?.ContainerSpec?.Env, ['MODE=green', 'KEEP=1', 'EXTRA=yes']);
		assert.deepEqual(diffSpecs(updated.PreviousSpec, updated.Spec), [
			{path: 'TaskTemplate.ContainerSpec.Env[EXTRA]', after: 'yes'},
			{path: 'TaskTemplate.ContainerSpec.Env[MODE]', before: 'blue', after: 'green'},
		]);
		assert.equal(rollbackBlocker('api', updated.Spec, updated.PreviousSpec), undefined);
		const summary = (await listServices(docker(), swarm.current.apiVersion)).find(service => service.id === id);
		assert.deepEqual(summary?.updateStatus, {state: 'completed', message: 'update completed'});

		await rollbackService(docker(), id);
		const rolledBack = await settled(id, 'rollback_completed');
		assert.deepEqual(rolledBack.Spec?.TaskTemplate?.ContainerSpec?.Env, ['MODE=blue', 'KEEP=1']);
		assert.deepEqual(diffSpecs(created.Spec, rolledBack.Spec), [], 'the spec is the one it was created with');
		await eventually(async () => (await runningIds(id)).length === 2 || undefined, '2 running tasks after the rollback', 30_000);
	});

	it('refuses to roll back a service never updated, with the engine\'s words', async () => {
		const fresh = await createTestService(swarm.current, 'fresh');
		await assert.rejects(rollbackService(docker(), fresh), error => {
			assert.match(engineMessage(error), /does not have a previous spec/);
			return true;
		});
	});

	it('force restart replaces every task with the same spec', async () => {
		const before = await runningIds(id);
		await forceRestartService(docker(), id);
		const after = await eventually(async () => {
			const now = await runningIds(id);
			return now.length === 2 && now.every(task => !before.includes(task)) ? now : undefined;
		}, 'two new running tasks', 60_000);
		assert.equal(after.length, 2);
		const service = await inspectRawService(docker(), id);
		assert.deepEqual(diffSpecs(service.PreviousSpec, service.Spec), [{path: 'TaskTemplate.ForceUpdate', before: '0', after: '1'}]);
	});

	it('a stale version index is re-read and the update retried once; a second stale one gives the engine\'s message', async () => {
		const stale = await inspectRawService(docker(), id);
		await scaleService(docker(), id, 3);
		let reads = 0;
		const write = async (service: RawService) => {
			await docker().getService(id).update({_query: {version: service.Version?.Index ?? 0}, _body: {...service.Spec, Mode: {Replicated: {Replicas: 4}}}});
		};
		await updateWithFreshVersion(async () => (reads++ === 0 ? stale : inspectRawService(docker(), id)), write);
		assert.equal(reads, 2);
		assert.equal((await inspectRawService(docker(), id)).Spec?.Mode?.Replicated?.Replicas, 4);
		await assert.rejects(updateWithFreshVersion(async () => stale, write), error => {
			assert.equal(engineMessage(error), 'rpc error: code = Unknown desc = update out of sequence');
			return true;
		});
	});

	it('scaling a global service is refused before anything is sent', async () => {
		const everywhere = await createTestService(swarm.current, 'everywhere', {global: true});
		const version = (await inspectRawService(docker(), everywhere)).Version?.Index;
		await assert.rejects(scaleService(docker(), everywhere, 2), ServiceChangeError);
		assert.equal((await inspectRawService(docker(), everywhere)).Version?.Index, version);
	});

	it('removes a service', async () => {
		await removeService(docker(), id);
		assert.ok(!(await listServices(docker(), swarm.current.apiVersion)).some(service => service.id === id));
	});
});
