import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {connectEngine, type EngineSession} from '../../source/engine/client.js';
import {describeEngineError, engineMessage} from '../../source/engine/connection.js';
import {isConnectionError} from '../../source/engine/errors.js';
import {toContainerStats, type RawStats} from '../../source/engine/stats.js';
import type {ContainerSummary} from '../../source/engine/types.js';
import {containersResource} from '../../source/resources/containers.js';
import {LiveStore} from '../../source/store/live-store.js';
import {createContainer, eventually, openTestSession, removeTestContainers, runId, testEndpoint} from './engine-test-kit.js';

let session: EngineSession;
let store: LiveStore;
let listCalls = 0;

before(async () => {
	session = await openTestSession();
	const endpoint = testEndpoint();
	store = new LiveStore({
		connect: () => connectEngine(endpoint),
		listers: {
			containers: (live, signal) => {
				listCalls++;
				return containersResource.list(live, signal);
			},
		},
		describeProblem: error => describeEngineError(error, endpoint),
		errorMessage: engineMessage,
		isConnectionError,
		// The safety-net poll is slow on purpose: these tests prove events alone keep the list live.
		pollIntervalMs: 60_000,
		statsIntervalMs: 1000,
	});
	store.start();
	store.watch('containers');
});

after(async () => {
	store.stop();
	await removeTestContainers(session.docker);
	session.close();
});

const listed = () => (store.getSnapshot().lists['containers']?.items ?? []) as readonly ContainerSummary[];

describe('live store on the real engine', () => {
	it('connects, reads the engine info and lists containers', async () => {
		await eventually(() => store.getSnapshot().connection.status === 'connected', 'the connection');
		// The engine info is asked for beside the first lists, so it may arrive just after the connection.
		const info = await eventually(() => store.getSnapshot().info, 'the engine info');
		assert.match(info.serverVersion, /^\d+\.\d+/);
		await eventually(() => store.getSnapshot().lists['containers']?.loaded, 'the first list');
	});

	it('refreshes from engine events, without polling, and throttles bursts', async () => {
		const before = listCalls;
		const created = await Promise.all([1, 2, 3, 4, 5].map(index => createContainer(session.docker, `burst-${index}`)));
		await eventually(() => created.every(container => listed().some(item => item.id === container.id)), 'the created containers to be listed');
		const afterCreate = listCalls - before;
		assert.ok(afterCreate <= 4, `5 create events cost ${afterCreate} list calls; throttling keeps it to a few`);
		const first = created[0];
		assert.ok(first);
		await first.start();
		await eventually(() => listed().find(item => item.id === first.id)?.state === 'running', 'the start event to show');
		await first.stop({t: 1});
		await eventually(() => listed().find(item => item.id === first.id)?.state === 'exited', 'the die event to show');
	});

	it('reads stats only for its targets, and CPU % of a busy container matches the engine', async () => {
		const burner = await createContainer(session.docker, 'burner', {Cmd: ['sh', '-c', 'trap "exit 0" TERM; while :; do :; done']});
		await burner.start();
		store.setStatsTargets([burner.id]);
		const stats = await eventually(() => {
			const reading = store.getSnapshot().stats[burner.id];
			return reading?.cpuPercent !== undefined ? reading : undefined;
		}, 'a CPU reading');
		assert.ok((stats.cpuPercent ?? 0) > 20, `a busy loop uses a good part of a core, got ${stats.cpuPercent}`);
		assert.ok(stats.memoryUsed > 0);
		// The engine's own streamed reading (with precpu over its ~1 s interval), computed the CLI's way.
		const engineReading = (await session.docker.getContainer(burner.id).stats({stream: false})) as unknown as RawStats;
		const engineFigure = toContainerStats(burner.id, engineReading, undefined).cpuPercent ?? 0;
		assert.ok(Math.abs(engineFigure - (stats.cpuPercent ?? 0)) < 35, `ours ${stats.cpuPercent} vs the engine's ${engineFigure}`);
		store.setStatsTargets([]);
		assert.equal(store.getSnapshot().stats[burner.id], undefined, 'a reading off screen is forgotten');
	});

	it('lists the engine events as they happen in the events kind', async () => {
		const stopWatching = store.watch('events');
		try {
			const created = await createContainer(session.docker, 'event-probe');
			await eventually(
				() => store.getSnapshot().lists['events']?.items.some(item => (item as {id: string; action?: string; attributes?: Record<string, string>}).action === 'create' && (item as {attributes?: Record<string, string>}).attributes?.['name'] === `t-${runId}-event-probe`),
				'the create event in the events list',
			);
			await created.remove();
		} finally {
			stopWatching();
		}
	});

	it('runs actions through the session and keeps the list current', async () => {
		const target = await createContainer(session.docker, `action-${runId}`);
		await eventually(() => listed().some(item => item.id === target.id), 'the new container');
		await store.withSession(live => live.docker.getContainer(target.id).remove());
		await eventually(() => !listed().some(item => item.id === target.id), 'the removal to show');
	});
});

describe('live store: a first list is told at once', () => {
	it('tells its listeners of a pane\'s first list without waiting for the next notification slot', async () => {
		const endpoint = testEndpoint();
		// Notifications a minute apart: the connection takes the first slot, so only the first-list rule can tell of the list in time.
		const slow = new LiveStore({
			connect: () => connectEngine(endpoint),
			listers: {containers: (live, signal) => containersResource.list(live, signal)},
			describeProblem: error => describeEngineError(error, endpoint),
			errorMessage: engineMessage,
			isConnectionError,
			notifyIntervalMs: 60_000,
		});
		let toldLoaded = false;
		slow.subscribe(() => {
			if (slow.getSnapshot().lists['containers']?.loaded) toldLoaded = true;
		});
		slow.start();
		const release = slow.watch('containers');
		try {
			await eventually(() => toldLoaded, 'a notification carrying the first list', 20_000);
		} finally {
			release();
			slow.stop();
		}
	});
});
