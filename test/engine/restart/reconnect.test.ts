/**
 * The engine goes away under a running store and comes back: the last
 * snapshot stays, the state says disconnected with the cause, and on return
 * the store resyncs fully. Restarts the harness engine, so it runs in its own
 * phase after the other engine tests (see test/run-engine-tests.sh).
 */
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {after, describe, it} from 'node:test';
import {connectEngine} from '../../../source/engine/client.js';
import {describeEngineError, engineMessage} from '../../../source/engine/connection.js';
import {isConnectionError} from '../../../source/engine/errors.js';
import {Backoff} from '../../../source/lib/backoff.js';
import {containersResource} from '../../../source/resources/containers.js';
import {LiveStore} from '../../../source/store/live-store.js';
import {createContainer, eventually, openTestSession, removeTestContainers, testEndpoint} from '../engine-test-kit.js';

const harness = join(import.meta.dirname, '..', 'harness.sh');
const node = (command: 'stop' | 'start') => execFileSync('bash', [harness, command, '1'], {stdio: 'inherit', env: process.env});

const endpoint = testEndpoint();
const store = new LiveStore({
	connect: () => connectEngine(endpoint),
	listers: {containers: containersResource.list},
	describeProblem: error => describeEngineError(error, endpoint),
	errorMessage: engineMessage,
	isConnectionError,
	backoff: new Backoff({initialMs: 200, maxMs: 1000}),
});

after(async () => {
	store.stop();
	const session = await openTestSession();
	await removeTestContainers(session.docker);
	session.close();
});

describe('engine restart under a live store', () => {
	it('keeps the last snapshot, says disconnected with the cause, and resyncs on return', async () => {
		assert.ok(process.env['DOCKDECK_ENGINE_DIR'], 'DOCKDECK_ENGINE_DIR must name the harness folder (set by test/run-engine-tests.sh)');
		store.start();
		store.watch('containers');
		await eventually(() => store.getSnapshot().lists['containers']?.loaded, 'the first list');

		node('stop');
		await eventually(() => store.getSnapshot().connection.status === 'disconnected', 'the store to notice', 15_000);
		const down = store.getSnapshot();
		assert.equal(down.connection.everConnected, true);
		assert.ok(down.connection.problem?.title, 'the cause is named');
		assert.ok(down.lists['containers']?.loaded, 'the last snapshot stays on screen');

		node('start');
		await eventually(() => store.getSnapshot().connection.status === 'connected', 'the reconnection', 20_000);
		// Full resync: something created after the restart appears without any event replay.
		const session = await openTestSession();
		const fresh = await createContainer(session.docker, 'after-restart');
		session.close();
		await eventually(
			() => store.getSnapshot().lists['containers']?.items.some(item => item.id === fresh.id),
			'the list to be live again',
		);
	});
});
