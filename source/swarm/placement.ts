/**
 * The swarm scheduler's node filters besides constraints (constraints.ts):
 * node ready and active, enough unreserved CPU and memory, and the per-node
 * replica limit.
 */
import {holdsNode} from '../engine/swarm/task-state.js';
import type {NodeSummary, ResourceAmounts, ServiceSummary, TaskSummary} from '../engine/swarm/types.js';
import {formatBytes} from '../lib/format.js';

/** Why the node takes no new tasks ("is drained", "is down"), or undefined if it does. */
export function unavailability(node: NodeSummary): string | undefined {
	if (node.state === 'down') return 'is down';
	if (node.state === 'disconnected') return 'is disconnected';
	if (node.state !== 'ready') return `is not ready (${node.state})`;
	if (node.availability === 'drain') return 'is drained';
	if (node.availability === 'pause') return 'is paused';
	return undefined;
}

/**
 * The node's CPU and memory minus what the tasks holding it reserve; swarm
 * places by reservations, never by actual use.
 */
export function freeResources(node: NodeSummary, tasks: readonly TaskSummary[], exceptTaskIds: ReadonlySet<string> = new Set()): ResourceAmounts {
	let cpus = node.cpus;
	let memoryBytes = node.memoryBytes;
	for (const task of tasks) {
		if (task.nodeId !== node.id || !holdsNode(task) || exceptTaskIds.has(task.id)) continue;
		cpus -= task.reservations.cpus;
		memoryBytes -= task.reservations.memoryBytes;
	}
	// Rounding NanoCPUs through floats leaves dust like 1.9999999999.
	return {cpus: Math.round(cpus * 1e9) / 1e9, memoryBytes};
}

export function fits(free: ResourceAmounts, reservation: ResourceAmounts): boolean {
	return reservation.cpus <= free.cpus + 1e-9 && reservation.memoryBytes <= free.memoryBytes;
}

export function formatCpus(cpus: number): string {
	const text = String(Math.round(cpus * 1000) / 1000);
	return `${text} CPU${cpus === 1 ? '' : 's'}`;
}

/** "0.5 CPUs free, a task reserves 1 CPU" or "1.2GiB memory free, a task reserves 500GiB". */
export function shortageText(free: ResourceAmounts, reservation: ResourceAmounts): string {
	const parts: string[] = [];
	if (reservation.cpus > free.cpus + 1e-9) parts.push(`${formatCpus(Math.max(0, free.cpus))} free, a task reserves ${formatCpus(reservation.cpus)}`);
	if (reservation.memoryBytes > free.memoryBytes) parts.push(`${formatBytes(Math.max(0, free.memoryBytes))} memory free, a task reserves ${formatBytes(reservation.memoryBytes)}`);
	return parts.join('; ');
}

/** Tasks of `service` holding `node` (what MaxReplicas counts). */
export function tasksOfServiceOn(service: ServiceSummary, node: NodeSummary, tasks: readonly TaskSummary[]): number {
	return tasks.filter(task => task.serviceId === service.id && task.nodeId === node.id && holdsNode(task)).length;
}
