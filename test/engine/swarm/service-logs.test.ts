import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {LogLine} from '../../../source/engine/logs.js';
import {streamServiceLogs} from '../../../source/engine/swarm/service-logs.js';
import {listTasks} from '../../../source/engine/swarm/tasks.js';
import {createService} from '../../../source/engine/swarm/service-actions.js';
import {eventually, runId, swarmForFile, testServiceSpec} from './swarm-test-kit.js';

const swarm = swarmForFile();

describe('service logs on the real swarm', () => {
	it('merges the lines of every task, each labelled service.slot@node, with its stream', async () => {
		const spec = testServiceSpec('logs', {replicas: 2});
		const container = spec.TaskTemplate?.ContainerSpec;
		assert.ok(container);
		container.Args = ['sh', '-c', 'echo "hello from $(hostname)"; echo "oops" >&2; trap "exit 0" TERM; while true; do sleep 1 & wait $!; done'];
		const id = await createService(swarm.current.docker, spec);
		const name = `t-${runId}-logs`;
		await eventually(async () => {
			const tasks = await listTasks(swarm.current.docker, {service: id, desiredState: 'running'});
			return tasks.filter(task => task.state === 'running').length === 2 || undefined;
		}, 'two running tasks', 30_000);
		const lines = await eventually(async () => {
			const collected: LogLine[] = [];
			await streamServiceLogs(swarm.current.docker, id, {tail: 'all', follow: false}, new AbortController().signal, batch => collected.push(...batch));
			return collected.length >= 4 ? collected : undefined;
		}, 'four log lines (two per task)', 20_000);
		const hellos = lines.filter(line => line.text.startsWith('hello from '));
		assert.equal(hellos.length, 2);
		for (const line of hellos) {
			assert.equal(line.stream, 'stdout');
			assert.match(line.source ?? '', new RegExp(`^${name}\\.[12]@dockdeck-n[123]$`));
			assert.ok(line.time && Math.abs(Date.now() - line.time) < 120_000, 'each line has its time');
		}
		assert.deepEqual(new Set(hellos.map(line => line.source?.split('@')[0])), new Set([`${name}.1`, `${name}.2`]));
		assert.equal(lines.filter(line => line.text === 'oops' && line.stream === 'stderr').length, 2, 'stderr lines keep their stream');
	});
});
