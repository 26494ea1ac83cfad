import type {EngineSession} from '../engine/client.js';
import type {DiskUsage, DiskUsageRow, SystemOverview} from '../engine/resources-types.js';
import {readDiskUsage} from '../engine/system-df.js';
import {readSystemOverview} from '../engine/system-overview.js';
import type {Listed} from '../engine/types.js';
import {formatAge, formatBytes, shortId} from '../lib/format.js';
import type {Line} from '../theme/tokens.js';
import type {DetailDescriptor, ResourceDescriptor} from './descriptor.js';
import {field, heading, note} from './detail-lines.js';
import {prunePlan} from './prune-actions.js';

/**
 * One line of the system pane: a fact about the engine (version, OS, storage
 * driver...) or a line of `docker system df` with its size and what a prune
 * could reclaim. One list, so the pane reads top to bottom like `docker
 * info` followed by `docker system df`.
 */
export interface SystemRow extends Listed {
	/** Position: the pane keeps this order. */
	order: number;
	item: string;
	value: string;
	size?: number;
	reclaimable?: number;
}

interface SystemState {
	overview: SystemOverview;
	usage: DiskUsage;
}

function row(order: number, id: string, item: string, value: string, usage?: DiskUsageRow): SystemRow {
	const sizes = usage ? {size: usage.size, reclaimable: usage.reclaimable} : {};
	return {id, rev: `${value}|${usage?.size ?? ''}|${usage?.reclaimable ?? ''}`, order, item, value, ...sizes};
}

export function systemRows({overview, usage}: SystemState): SystemRow[] {
	const containers = overview.containers;
	return [
		row(0, 'engine', 'Engine', `${overview.serverVersion} · API ${overview.engineApiVersion} (oldest ${overview.minApiVersion}; this session ${overview.apiVersion})`),
		row(1, 'os', 'OS', `${overview.os} · ${overview.osType}/${overview.architecture} · kernel ${overview.kernelVersion}`),
		row(2, 'storage', 'Storage driver', `${overview.storageDriver} · cgroup ${overview.cgroupDriver} v${overview.cgroupVersion} · ${overview.rootDir}`),
		row(3, 'resources', 'CPUs, memory', `${overview.cpus} CPUs · ${formatBytes(overview.memory)}`),
		row(4, 'swarm', 'Swarm', overview.swarm),
		row(5, 'df.images', 'Images', `${usage.images.totalCount} (${usage.images.active} in use)`, usage.images),
		row(6, 'df.containers', 'Containers', `${containers.total} (${containers.running} running, ${containers.paused} paused, ${containers.stopped} stopped)`, usage.containers),
		row(7, 'df.volumes', 'Volumes', `${usage.volumes.totalCount} (${usage.volumes.active} in use)`, usage.volumes),
		row(8, 'df.buildCache', 'Build cache', `${usage.buildCache.totalCount} records (${usage.buildCache.active} in use)`, usage.buildCache),
	];
}

async function readSystem(session: EngineSession): Promise<SystemState> {
	const [overview, usage] = await Promise.all([readSystemOverview(session.docker, session.apiVersion), readDiskUsage(session.docker)]);
	return {overview, usage};
}

function reclaimableText(item: SystemRow): string {
	if (item.reclaimable === undefined || item.size === undefined) return '';
	const percent = item.size > 0 ? ` (${Math.round((item.reclaimable * 100) / item.size)}%)` : '';
	return `${formatBytes(item.reclaimable)}${percent}`;
}

function usageLine(title: string, usage: DiskUsageRow, active: string): Line {
	return [
		{text: title.padEnd(14)},
		{text: String(usage.totalCount).padStart(6)},
		{text: String(usage.active).padStart(8)},
		{text: formatBytes(usage.size).padStart(10)},
		{text: formatBytes(usage.reclaimable).padStart(13), tone: usage.reclaimable > 0 ? 'accent' : 'muted'},
		{text: `  ${active}`, tone: 'muted'},
	];
}

function overviewLines({overview}: SystemState): Line[] {
	return [
		field('Engine', overview.serverVersion, 'title'),
		field('API version', `${overview.engineApiVersion} (oldest accepted ${overview.minApiVersion}; this session speaks ${overview.apiVersion})`),
		field('OS', `${overview.os} (${overview.osType}/${overview.architecture})`),
		field('Kernel', overview.kernelVersion),
		field('Storage driver', overview.storageDriver),
		field('Cgroup', `${overview.cgroupDriver} driver, v${overview.cgroupVersion}`),
		field('CPUs', String(overview.cpus)),
		field('Memory', formatBytes(overview.memory)),
		field('Host name', overview.name),
		field('Root dir', overview.rootDir),
		field('Swarm', overview.swarm),
		field('Containers', `${overview.containers.total}: ${overview.containers.running} running, ${overview.containers.paused} paused, ${overview.containers.stopped} stopped`),
		field('Images', String(overview.images)),
	];
}

/** Build cache records named one per line in the detail; the biggest first. */
const recordsShown = 20;

function diskUsageLines({usage}: SystemState): Line[] {
	const records = [...usage.buildCacheRecords].sort((a, b) => b.size - a.size);
	return [
		[{text: `${'TYPE'.padEnd(14)}${'TOTAL'.padStart(6)}${'ACTIVE'.padStart(8)}${'SIZE'.padStart(10)}${'RECLAIMABLE'.padStart(13)}`, tone: 'table.header'}],
		usageLine('Images', usage.images, 'in use by a container'),
		usageLine('Containers', usage.containers, 'running'),
		usageLine('Volumes', usage.volumes, 'mounted by a container'),
		usageLine('Build cache', usage.buildCache, 'in use'),
		[],
		heading(`Build cache records (${records.length})`),
		...(records.length === 0
			? [note('  none')]
			: records.slice(0, recordsShown).map((record): Line => [
					{text: `  ${shortId(record.id)}  `, tone: 'muted'},
					{text: formatBytes(record.size).padStart(8)},
					{text: `  ${record.type.padEnd(12)} ${record.inUse ? 'in use' : record.shared ? 'shared' : 'unused'}`.padEnd(30)},
					{text: `  last used ${formatAge(record.lastUsedAt ?? record.createdAt)}  ${record.description}`, tone: 'muted'},
				])),
		...(records.length > recordsShown ? [note(`  … and ${records.length - recordsShown} more`)] : []),
	];
}

const systemDetail: DetailDescriptor<SystemState> = {
	load: session => readSystem(session),
	tabs: [
		{id: 'overview', title: 'Overview', lines: overviewLines},
		{id: 'df', title: 'Disk usage', lines: diskUsageLines},
	],
};

export const systemResource: ResourceDescriptor<SystemRow, SystemState> = {
	kind: 'system',
	title: 'System',
	aliases: ['system', 'sy', 'info', 'df'],
	list: async session => systemRows(await readSystem(session)),
	columns: [
		{id: 'item', title: 'ITEM', width: 14, value: item => item.item, tone: () => 'accent', sortValue: item => item.order},
		{id: 'size', title: 'SIZE', width: 8, align: 'right', value: item => (item.size === undefined ? '' : formatBytes(item.size))},
		{id: 'reclaimable', title: 'RECLAIMABLE', width: 14, align: 'right', value: reclaimableText, tone: item => ((item.reclaimable ?? 0) > 0 ? 'status.unhealthy' : 'muted')},
		// Last: the numbers stay beside the names on a wide terminal, the long engine facts take the rest.
		{id: 'value', title: 'VALUE', width: {min: 20, flex: 1}, value: item => item.value},
	],
	// system df walks every volume and container layer: read it at most twice a minute while shown.
	pollIntervalMs: 30_000,
	defaultSort: {column: 'item', direction: 'asc'},
	filterText: item => `${item.item} ${item.value}`,
	label: item => item.item,
	actions: [],
	paneActions: [
		{
			id: 'system.pruneBuildCache',
			keys: ['P'],
			description: 'prune the build cache (what is not in use, shared or internal); lists the records and the space freed, then reports what the engine removed',
			dangerous: true,
			hint: 'prune build cache',
			plan: () => prunePlan({kind: 'buildCache', options: {}}, 'build cache'),
		},
	],
	detail: systemDetail,
};
