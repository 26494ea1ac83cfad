import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {combinedStatus, groupComposeProjects, parseDependsOn, startLevels} from '../../../source/engine/compose-projects.js';
import {toContainerSummary} from '../../../source/engine/containers.js';
import {toDiskUsage, type RawDiskUsage} from '../../../source/engine/system-df.js';
import {toSystemOverview} from '../../../source/engine/system-overview.js';
import {recorded, recordedLines} from '../prune/recorded-inputs.js';

const containers = recorded<Docker.ContainerInfo[]>('containers.json').map(toContainerSummary);

describe('compose projects from container labels (recorded)', () => {
	const [shop] = groupComposeProjects(containers);

	it('groups the labelled containers by project and service; others are left out', () => {
		assert.equal(groupComposeProjects(containers).length, 1);
		assert.equal(shop?.name, 'shop');
		assert.deepEqual(shop?.services.map(service => `${service.name}:${service.containers.map(container => container.name).join(',')}`), ['db:shop-db-1', 'web:shop-web-1', 'worker:shop-worker-1']);
		assert.equal(shop?.total, 3);
		assert.equal(shop?.running, 1);
		assert.equal(shop?.workingDir, '/srv/shop');
		assert.deepEqual(shop?.configFiles, ['/srv/shop/compose.yaml']);
	});

	it('words the state like docker compose ls', () => {
		assert.equal(shop?.status, 'created(1), exited(1), running(1)');
		assert.equal(combinedStatus({running: 2, exited: 1}), 'exited(1), running(2)');
	});

	it('orders services by depends_on: dependencies start first', () => {
		assert.deepEqual(shop?.services.find(service => service.name === 'web')?.dependsOn, ['db']);
		assert.deepEqual(startLevels(shop?.services ?? []).map(level => level.map(service => service.name)), [['db', 'worker'], ['web']]);
		assert.deepEqual(parseDependsOn('db:service_started:false,cache:service_healthy:true'), ['db', 'cache']);
		const cycle = [{name: 'a', containers: [], dependsOn: ['b']}, {name: 'b', containers: [], dependsOn: ['a']}];
		assert.deepEqual(startLevels(cycle).flat().map(service => service.name), ['a', 'b'], 'a cycle does not block');
	});

	it('changes rev when a member changes', () => {
		const changed = containers.map(container => (container.name === 'shop-web-1' ? {...container, rev: `${container.rev}x`} : container));
		assert.notEqual(groupComposeProjects(changed)[0]?.rev, shop?.rev);
	});
});

/** go-units HumanSize, as the docker CLI prints sizes. */
function humanSize(bytes: number): string {
	const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
	let size = bytes;
	let unit = 0;
	while (size >= 1000 && unit < units.length - 1) {
		size /= 1000;
		unit++;
	}

	return `${Number(size.toPrecision(4))}${units[unit]}`;
}

describe('system views (recorded)', () => {
	it('computes docker system df\'s numbers from the same JSON', () => {
		const usage = toDiskUsage(recorded<RawDiskUsage>('system-df.json'));
		const cli = new Map((recordedLines('system-df-cli.ndjson') as {Type: string; TotalCount: string; Active: string; Size: string; Reclaimable: string}[]).map(line => [line.Type, line]));
		const rows = {Images: usage.images, Containers: usage.containers, 'Local Volumes': usage.volumes, 'Build Cache': usage.buildCache};
		for (const [type, row] of Object.entries(rows)) {
			const line = cli.get(type);
			assert.ok(line, type);
			assert.equal(String(row.totalCount), line.TotalCount, `${type} count`);
			assert.equal(String(row.active), line.Active, `${type} active`);
			assert.equal(humanSize(row.size), line.Size, `${type} size`);
			const percent = row.size > 0 && type !== 'Build Cache' ? ` (${Math.floor((row.reclaimable * 100) / row.size)}%)` : '';
			assert.equal(`${humanSize(row.reclaimable)}${percent}`, line.Reclaimable, `${type} reclaimable`);
		}
	});

	it('counts a used image\'s unique bytes as not reclaimable', () => {
		const usage = toDiskUsage({LayersSize: 1000, Images: [{Containers: 1, Size: 700, SharedSize: 600}, {Containers: 0, Size: 650, SharedSize: 600}], Containers: [{State: 'running', SizeRw: 5}, {State: 'exited', SizeRw: 7}], Volumes: [{UsageData: {Size: 10, RefCount: 0}}, {UsageData: {Size: -1, RefCount: 0}}], BuildCache: [{ID: 'x', InUse: true, Shared: false, Size: 30, CreatedAt: '2024-01-01T00:00:00Z'}], BuilderSize: 100});
		assert.deepEqual(usage.images, {totalCount: 2, active: 1, size: 1000, reclaimable: 900});
		assert.deepEqual(usage.containers, {totalCount: 2, active: 1, size: 12, reclaimable: 7});
		assert.deepEqual(usage.volumes, {totalCount: 2, active: 0, size: 10, reclaimable: 10});
		assert.deepEqual(usage.buildCache, {totalCount: 1, active: 1, size: 100, reclaimable: 70});
		assert.equal(usage.buildCacheRecords[0]?.createdAt, Date.UTC(2024, 0, 1));
	});

	it('reads info and version into one overview', () => {
		const overview = toSystemOverview(recorded('info.json'), recorded('version.json'), '1.41');
		assert.equal(overview.serverVersion, '20.10.24+dfsg1');
		assert.equal(overview.engineApiVersion, '1.41');
		assert.equal(overview.minApiVersion, '1.12');
		assert.equal(overview.storageDriver, 'overlay2');
		assert.equal(overview.osType, 'linux');
		assert.equal(overview.swarm, 'inactive');
		assert.ok(overview.cpus >= 1 && overview.memory > 0);
		assert.deepEqual(overview.containers, {total: 5, running: 1, paused: 1, stopped: 3});
	});
});
