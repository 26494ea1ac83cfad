import type Docker from 'dockerode';
import type {ContainerStats} from './types.js';

/** The fields of GET /containers/{id}/stats that `docker stats` reads. */
export interface RawStats {
	read?: string;
	cpu_stats?: {cpu_usage?: {total_usage?: number; percpu_usage?: number[] | null}; system_cpu_usage?: number; online_cpus?: number};
	precpu_stats?: {cpu_usage?: {total_usage?: number}; system_cpu_usage?: number};
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}>;
	blkio_stats?: {io_service_bytes_recursive?: {op?: string; value?: number}[] | null};
	pids_stats?: {current?: number};
}

/** The CPU counters of one reading, kept to compute the next reading's CPU %. */
export interface CpuSample {
	containerTotal: number;
	systemTotal: number;
}

/**
 * CPU % as the docker CLI computes it (calculateCPUPercentUnix): the container's
 * share of the host's CPU time between two readings, scaled by online CPUs.
 */
export function cpuPercent(previous: CpuSample, raw: RawStats): number | undefined {
	const cpu = raw.cpu_stats;
	const containerTotal = cpu?.cpu_usage?.total_usage;
	const systemTotal = cpu?.system_cpu_usage;
	if (containerTotal === undefined || systemTotal === undefined) return undefined;
	const cpuDelta = containerTotal - previous.containerTotal;
	const systemDelta = systemTotal - previous.systemTotal;
	const onlineCpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
	if (systemDelta <= 0) return undefined;
	return cpuDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;
}

/**
 * Memory in use without the inactive page cache, as `docker stats` shows it:
 * cgroup v1 subtracts total_inactive_file, cgroup v2 inactive_file.
 */
export function memoryUsedWithoutCache(memory: RawStats['memory_stats']): number {
	const usage = memory?.usage ?? 0;
	const stats = memory?.stats ?? {};
	const v1 = stats['total_inactive_file'];
	if (v1 !== undefined && v1 < usage) return usage - v1;
	const v2 = stats['inactive_file'];
	if (v2 !== undefined && v2 < usage) return usage - v2;
	return usage;
}

function sumBlockIo(raw: RawStats, op: 'read' | 'write'): number {
	let total = 0;
	for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
		if (entry.op?.toLowerCase() === op) total += entry.value ?? 0;
	}
	return total;
}

export function cpuSampleOf(raw: RawStats): CpuSample | undefined {
	const containerTotal = raw.cpu_stats?.cpu_usage?.total_usage;
	const systemTotal = raw.cpu_stats?.system_cpu_usage;
	if (containerTotal === undefined || systemTotal === undefined) return undefined;
	return {containerTotal, systemTotal};
}

/**
 * Turns one stats reading into our figures. CPU % needs a previous reading:
 * ours when we have one, else the engine's own precpu_stats when it filled them.
 */
export function toContainerStats(id: string, raw: RawStats, previous: CpuSample | undefined, now = Date.now()): ContainerStats {
	const precpu = raw.precpu_stats;
	const enginePrevious =
		precpu?.system_cpu_usage && precpu.cpu_usage?.total_usage !== undefined
			? {containerTotal: precpu.cpu_usage.total_usage, systemTotal: precpu.system_cpu_usage}
			: undefined;
	const base = previous ?? enginePrevious;
	const memoryUsed = memoryUsedWithoutCache(raw.memory_stats);
	const memoryLimit = raw.memory_stats?.limit ?? 0;
	let networkRx = 0;
	let networkTx = 0;
	for (const network of Object.values(raw.networks ?? {})) {
		networkRx += network.rx_bytes ?? 0;
		networkTx += network.tx_bytes ?? 0;
	}
	const readAt = raw.read ? Date.parse(raw.read) : Number.NaN;
	return {
		id,
		cpuPercent: base ? cpuPercent(base, raw) : undefined,
		memoryUsed,
		memoryLimit,
		memoryPercent: memoryLimit > 0 ? (memoryUsed / memoryLimit) * 100 : 0,
		networkRx,
		networkTx,
		blockRead: sumBlockIo(raw, 'read'),
		blockWrite: sumBlockIo(raw, 'write'),
		pids: raw.pids_stats?.current ?? 0,
		at: Number.isFinite(readAt) && readAt > 0 ? readAt : now,
	};
}

/**
 * One reading without a stream: `one-shot` makes the engine answer at once
 * instead of waiting a second to fill precpu_stats, so a reading costs the
 * engine one cgroup read and holds no connection open.
 */
export async function readStats(docker: Docker, id: string, signal?: AbortSignal): Promise<RawStats> {
	const options = {stream: false as const, 'one-shot': true, abortSignal: signal};
	const raw: unknown = await docker.getContainer(id).stats(options);
	return raw as RawStats;
}
