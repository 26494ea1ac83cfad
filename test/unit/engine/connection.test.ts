// openDocker must ask the engine for its API version and then put the
// negotiated version (never a hard-coded one) in every request path.

import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Endpoint} from '../../../source/engine/endpoint.js';
import {compareVersions, EngineTimeoutError, EngineVersionError, MAX_API_VERSION, openDocker} from '../../../source/engine/connection.js';
import {startFakeEngine} from './fake-engine.js';

function unixEndpoint(socketPath: string): Endpoint {
	return {kind: 'unix', socketPath, url: `unix://${socketPath}`, origin: 'test', context: 'default'};
}

describe('API version negotiation', () => {
	test('uses the API-Version header of /_ping when it is older than ours', async () => {
		const engine = await startFakeEngine({pingVersion: '1.41'});
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			assert.equal(connection.apiVersion, '1.41');
			const containers = await connection.docker.listContainers({all: true});
			assert.equal(containers[0]?.Id, 'c0ffee');
			assert.deepEqual(engine.requests, ['/_ping', '/v1.41/containers/json?all=true']);
		} finally {
			connection.close();
			await engine.close();
		}
	});

	test('caps a newer engine at the newest version we support', async () => {
		const engine = await startFakeEngine({pingVersion: '1.99'});
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			assert.equal(connection.apiVersion, MAX_API_VERSION);
			await connection.docker.listContainers();
			assert.equal(engine.requests.at(-1), `/v${MAX_API_VERSION}/containers/json`);
		} finally {
			connection.close();
			await engine.close();
		}
	});

	test('falls back to GET /version when /_ping has no API-Version header', async () => {
		const engine = await startFakeEngine({versionApi: '1.43'});
		const connection = await openDocker(unixEndpoint(engine.socketPath));
		try {
			assert.equal(connection.apiVersion, '1.43');
			assert.deepEqual(engine.requests, ['/_ping', '/version']);
		} finally {
			connection.close();
			await engine.close();
		}
	});

	test('refuses an engine older than the oldest supported API', async () => {
		const engine = await startFakeEngine({pingVersion: '1.12'});
		try {
			await assert.rejects(openDocker(unixEndpoint(engine.socketPath)), EngineVersionError);
		} finally {
			await engine.close();
		}
	});

	test('reports an engine that never answers as a timeout', async () => {
		const engine = await startFakeEngine({routes: {'GET /_ping': () => undefined}});
		try {
			await assert.rejects(openDocker(unixEndpoint(engine.socketPath), {timeoutMs: 200}), (error: unknown) => {
				assert.ok(error instanceof EngineTimeoutError);
				assert.match(error.message, /did not answer within/);
				return true;
			});
		} finally {
			await engine.close();
		}
	});

	test('a malformed DOCKER_HOST does not break an explicit endpoint', async () => {
		// docker-modem parses DOCKER_HOST in its constructor; resolution already
		// decided, so openDocker must not let it interfere.
		const engine = await startFakeEngine({pingVersion: '1.44'});
		const saved = process.env['DOCKER_HOST'];
		process.env['DOCKER_HOST'] = 'tcp://[not a url';
		try {
			const connection = await openDocker(unixEndpoint(engine.socketPath));
			connection.close();
			assert.equal(connection.apiVersion, '1.44');
			assert.equal(process.env['DOCKER_HOST'], 'tcp://[not a url');
		} finally {
			if (saved === undefined) {
				delete process.env['DOCKER_HOST'];
			} else {
				process.env['DOCKER_HOST'] = saved;
			}

			await engine.close();
		}
	});
});

test('compareVersions compares numerically', () => {
	assert.ok(compareVersions('1.9', '1.41') < 0);
	assert.ok(compareVersions('1.47', '1.47') === 0);
	assert.ok(compareVersions('2.0', '1.99') > 0);
});
