import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ServiceSummary, TaskSummary} from '../../../source/engine/swarm/types.js';
import {rolloutLines} from '../../../source/resources/service-rollout.js';

const service = {id: 's1', rev: '1', name: 'web', mode: 'replicated', desired: 2, running: 1, image: 'busybox:latest', ports: [], constraints: [], maxReplicasPerNode: 0, reservations: {cpus: 0, memoryBytes: 0}, limits: {cpus: 0, memoryBytes: 0}, secrets: [], configs: [], labels: {}, hasPreviousSpec: true, versionIndex: 9, createdAt: 0, updatedAt: 0, updateStatus: {state: 'updating', message: 'update in progress'}} satisfies ServiceSummary;

function task(id: string, slot: number, desiredState: TaskSummary['desiredState'], state: TaskSummary['state'], timestamp: number): TaskSummary {
	return {id, rev: id, serviceId: 's1', serviceName: 'web', slot, nodeId: 'n1', desiredState, state, message: '', timestamp, image: 'busybox', reservations: {cpus: 0, memoryBytes: 0}, versionIndex: 1};
}

describe('rolloutLines', () => {
	it('shows each slot as old task → the task now meant to run, with the update state', () => {
		const text = rolloutLines({
			service,
			tasks: [task('aaaaaaaa1', 1, 'shutdown', 'shutdown', 1), task('bbbbbbbb1', 1, 'running', 'running', 2), task('cccccccc1', 2, 'running', 'running', 1)],
			hostnames: new Map([['n1', 'swlab1']]),
		}).map(line => line.map(segment => segment.text).join(''));
		assert.equal(text[1], 'update in progress', 'the message is not repeated when it says the same');
		assert.match(text.find(line => line.startsWith('slot 1')) ?? '', /aaaaaaaa on swlab1: shutdown +→ bbbbbbbb on swlab1: running/);
		assert.match(text.find(line => line.startsWith('slot 2')) ?? '', /\(none\) +→ cccccccc on swlab1: running/);
	});
	it('says when the update paused, and how to go on', () => {
		const paused = {...service, updateStatus: {state: 'paused' as const, message: 'update paused due to failure or early termination of task x'}};
		const text = rolloutLines({service: paused, tasks: [], hostnames: new Map()}).map(line => line.map(segment => segment.text).join(''));
		assert.match(text[1] ?? '', /update PAUSED.*b rolls back.*— update paused due to failure/);
	});
});
