import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {healthFromStatus, toContainerDetail, toContainerSummary} from '../../../source/engine/containers.js';
import {toEngineEvent} from '../../../source/engine/events.js';
import {cpuPercent, memoryUsedWithoutCache, toContainerStats, type RawStats} from '../../../source/engine/stats.js';

const recorded = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/recorded', name), 'utf8'));
const list = recorded('containers.json') as Docker.ContainerInfo[];
const inspects = recorded('containers-inspect.json') as Docker.ContainerInspectInfo[];

describe('toContainerSummary (recorded engine JSON)', () => {
	const summaries = list.map(toContainerSummary);
	const byName = (name: string) => summaries.find(summary => summary.name === name);
	it('strips the leading slash and keeps states', () => {
		assert.equal(byName('never-started')?.state, 'created');
		assert.equal(byName('finished')?.state, 'exited');
		assert.equal(byName('napping')?.state, 'paused');
		assert.equal(byName('cpu-burner')?.state, 'running');
	});
	it('reads health from the status text', () => {
		assert.equal(byName('sick')?.health, 'unhealthy');
		assert.equal(byName('cpu-burner')?.health, undefined);
		assert.equal(healthFromStatus('Up 3 seconds (health: starting)'), 'starting');
	});
	it('reads the compose project and published ports', () => {
		const web = byName('shop-web-1');
		assert.equal(web?.composeProject, 'shop');
		assert.equal(web?.composeService, 'web');
		assert.deepEqual(web?.ports.map(port => `${port.publicPort}->${port.privatePort}/${port.protocol}`), ['8080->80/tcp']);
	});
	it('gives each item a rev that changes with its JSON', () => {
		const first = list[0] as Docker.ContainerInfo;
		assert.equal(toContainerSummary(first).rev, toContainerSummary(structuredClone(first)).rev);
		assert.notEqual(toContainerSummary(first).rev, toContainerSummary({...first, Status: 'Up 1 hour'}).rev);
	});
});

describe('toContainerDetail (recorded engine JSON)', () => {
	const details = inspects.map(toContainerDetail);
	const byName = (name: string) => details.find(detail => detail.name === name);
	it('splits env, lists mounts and networks', () => {
		const db = byName('shop-db-1');
		assert.ok(db?.env.some(entry => entry.name === 'DB_PASSWORD' && entry.value === 'hunter2'));
		assert.equal(db?.mounts[0]?.name, 'pgdata');
		assert.equal(db?.mounts[0]?.destination, '/data');
		assert.equal(db?.networks[0]?.name, 'backend');
		assert.match(db?.networks[0]?.ipAddress ?? '', /^\d+\.\d+\.\d+\.\d+$/);
	});
	it('reads exit code and health', () => {
		assert.equal(byName('finished')?.exitCode, 3);
		assert.equal(byName('sick')?.health, 'unhealthy');
		assert.equal(byName('cpu-burner')?.exitCode, undefined);
	});
});

describe('stats like docker stats', () => {
	it('computes CPU % from two readings scaled by online CPUs', () => {
		const raw: RawStats = {cpu_stats: {cpu_usage: {total_usage: 2_000_000_000}, system_cpu_usage: 12_000_000_000, online_cpus: 2}};
		// The container used 1 s of CPU while the host counted 4 s over 2 CPUs: 50 % of the host = 50 % * 2 cores.
		assert.equal(cpuPercent({containerTotal: 1_000_000_000, systemTotal: 8_000_000_000}, raw), 50);
		assert.equal(cpuPercent({containerTotal: 2_000_000_000, systemTotal: 12_000_000_000}, raw), undefined, 'no time passed');
	});
	it('subtracts the inactive file cache (cgroup v1 and v2)', () => {
		assert.equal(memoryUsedWithoutCache({usage: 1000, stats: {total_inactive_file: 300}}), 700);
		assert.equal(memoryUsedWithoutCache({usage: 1000, stats: {inactive_file: 200}}), 800);
		assert.equal(memoryUsedWithoutCache({usage: 1000, stats: {total_inactive_file: 2000}}), 1000);
	});
	it('reads a recorded reading of a CPU burner with the engine precpu', () => {
		const readings = recorded('containers-stats.json') as Record<string, RawStats>;
		const burner = list.find(container => container.Names[0] === '/cpu-burner') as Docker.ContainerInfo;
		const stats = toContainerStats(burner.Id, readings[burner.Id] as RawStats, undefined);
		assert.ok((stats.cpuPercent ?? 0) > 50, `a busy loop uses most of a core, got ${stats.cpuPercent}`);
		assert.ok(stats.memoryUsed > 0 && stats.memoryLimit > stats.memoryUsed);
		assert.ok(stats.pids >= 1);
	});
});

describe('toEngineEvent', () => {
	it('reads type, action, actor and time', () => {
		const event = toEngineEvent({Type: 'container', Action: 'die', Actor: {ID: 'abc', Attributes: {name: 'web', exitCode: '0'}}, timeNano: 1_700_000_000_123_456_000});
		assert.deepEqual(event, {type: 'container', action: 'die', id: 'abc', name: 'web', attributes: {name: 'web', exitCode: '0'}, time: 1_700_000_000_123});
	});
});
