// Secrets and configs: create, see who uses them, refused removal while in use
// (with the engine's words), removal once free.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {engineMessage} from '../../../source/engine/connection.js';
import {createConfig, listConfigs, readConfigData, removeConfig} from '../../../source/engine/swarm/configs.js';
import {createSecret, listSecrets, removeSecret} from '../../../source/engine/swarm/secrets.js';
import {removeService} from '../../../source/engine/swarm/service-actions.js';
import {listServices} from '../../../source/engine/swarm/services.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import {createTestService, eventually, runId, swarmForFile, testLabel} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

describe('secrets and configs on a real swarm', () => {
	it('are refused removal while a service uses them, and removed once it is gone', async () => {
		const secretName = `t-${runId}-api-key`;
		const configName = `t-${runId}-app-conf`;
		const secretId = await createSecret(docker(), secretName, 's3cret', testLabel);
		const configId = await createConfig(docker(), configName, Buffer.from('level=debug\n'), testLabel);
		assert.equal(await readConfigData(docker(), configId), 'level=debug\n');
		const serviceId = await createTestService(swarm.current, 'uses-both', {secrets: [{id: secretId, name: secretName}], configs: [{id: configId, name: configName}]});
		await eventually(async () => (await listTasks(docker(), {service: serviceId, desiredState: 'running'}))[0]?.state === 'running' || undefined, 'the task to run with its secret and config', 30_000);

		const services = await listServices(docker(), swarm.current.apiVersion);
		const secret = (await listSecrets(docker(), services)).find(each => each.id === secretId);
		assert.deepEqual([secret?.name, secret?.usedBy, secret?.labels], [secretName, [`t-${runId}-uses-both`], testLabel]);
		const config = (await listConfigs(docker(), services)).find(each => each.id === configId);
		assert.deepEqual([config?.name, config?.usedBy], [configName, [`t-${runId}-uses-both`]]);

		await assert.rejects(removeSecret(docker(), secretId), error => {
			assert.equal(engineMessage(error), `rpc error: code = InvalidArgument desc = secret '${secretName}' is in use by the following service: t-${runId}-uses-both`);
			return true;
		});
		await assert.rejects(removeConfig(docker(), configId), error => {
			assert.equal(engineMessage(error), `rpc error: code = InvalidArgument desc = config '${configName}' is in use by the following service: t-${runId}-uses-both`);
			return true;
		});

		await removeService(docker(), serviceId);
		await removeSecret(docker(), secretId);
		await removeConfig(docker(), configId);
		const left = await listServices(docker(), swarm.current.apiVersion);
		assert.ok(!(await listSecrets(docker(), left)).some(each => each.id === secretId));
		assert.ok(!(await listConfigs(docker(), left)).some(each => each.id === configId));
	});

	it('a secret created from a Buffer is listed unused', async () => {
		const id = await createSecret(docker(), `t-${runId}-bytes`, Buffer.from([0, 1, 2, 255]), testLabel);
		const secret = (await listSecrets(docker(), [])).find(each => each.id === id);
		assert.deepEqual(secret?.usedBy, []);
		assert.ok((secret?.createdAt ?? 0) > Date.now() - 10 * 60_000);
	});
});
