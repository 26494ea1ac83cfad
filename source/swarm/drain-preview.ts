/**
 * What changing a node's availability will do, for the confirm dialog: pause
 * keeps every task where it is (the node just takes no new ones); drain shuts
 * down the node's tasks and the orchestrator starts replicated ones elsewhere,
 * where placement allows, while global services simply lose that node's task.
 */
import {holdsNode} from '../engine/swarm/task-state.js';
import type {NodeAvailability, NodeSummary, ServiceSummary, TaskSummary} from '../engine/swarm/types.js';
import {nodeSatisfies} from './constraints.js';
import {fits, freeResources, tasksOfServiceOn, unavailability} from './placement.js';

export interface TaskMove {
	taskId: string;
	serviceId: string;
	serviceName: string;
	slot?: number;
	/** Hostnames that could take it. */
	to: string[];
}

export interface ServiceShortfall {
	serviceId: string;
	serviceName: string;
	/** Tasks running before the change. */
	running: number;
	/** Tasks that will be running after it, as far as placement allows. */
	after: number;
	desired: number;
	reason: string;
}

export interface AvailabilityPreview {
	node: NodeSummary;
	target: NodeAvailability;
	/** Running tasks that will be rescheduled elsewhere (drain only). */
	moves: TaskMove[];
	/** Services that will run fewer tasks than they want. */
	shortfalls: ServiceShortfall[];
	/** The dialog's text, one sentence a line. */
	lines: string[];
}

/** How many more tasks of the service a node could take, by replica limit and unreserved resources. */
function roomOn(service: ServiceSummary, node: NodeSummary, tasks: readonly TaskSummary[]): number {
	const free = freeResources(node, tasks);
	const byCpu = service.reservations.cpus > 0 ? Math.floor((free.cpus + 1e-9) / service.reservations.cpus) : Infinity;
	const byMemory = service.reservations.memoryBytes > 0 ? Math.floor(free.memoryBytes / service.reservations.memoryBytes) : Infinity;
	const byLimit = service.maxReplicasPerNode > 0 ? service.maxReplicasPerNode - tasksOfServiceOn(service, node, tasks) : Infinity;
	return Math.max(0, Math.min(byCpu, byMemory, byLimit));
}

/** Why `placeable` (other ready, active nodes meeting the constraints) cannot take all the tasks. */
function noRoomReason(service: ServiceSummary, placeable: readonly NodeSummary[], tasks: readonly TaskSummary[]): string {
	if (placeable.length === 0) {
		return service.constraints.length > 0
			? `no other active, ready node meets its constraints (${service.constraints.join(', ')})`
			: 'no other node is active and ready';
	}
	if (!placeable.some(other => fits(freeResources(other, tasks), service.reservations))) return 'the other nodes lack the CPU or memory it reserves';
	if (service.maxReplicasPerNode > 0) return `the other eligible nodes already run ${service.maxReplicasPerNode} per node, its limit`;
	return 'the other nodes have no room for all of them';
}

/**
 * `tasks` and `nodes` are the whole swarm's; `services` must include every
 * service with a task on the node. Counts assume the services move one at a
 * time, so with reservations the real outcome can only be tighter.
 */
export function previewAvailability(node: NodeSummary, target: NodeAvailability, tasks: readonly TaskSummary[], services: readonly ServiceSummary[], nodes: readonly NodeSummary[]): AvailabilityPreview {
	const preview: AvailabilityPreview = {node, target, moves: [], shortfalls: [], lines: []};
	const onNode = tasks.filter(task => task.nodeId === node.id && holdsNode(task) && task.desiredState === 'running');
	if (target !== 'drain') {
		preview.lines.push(target === 'pause'
			? `${node.hostname} keeps its ${onNode.length} task${onNode.length === 1 ? '' : 's'} but takes no new ones`
			: `${node.hostname} will take new tasks again; running tasks stay where they are (swarm does not rebalance)`);
		return preview;
	}

	const byService = new Map<string, TaskSummary[]>();
	for (const task of onNode) byService.set(task.serviceId, [...(byService.get(task.serviceId) ?? []), task]);
	// What the node holds is freed; count the others' room without it.
	const remaining = tasks.filter(task => task.nodeId !== node.id);
	for (const [serviceId, serviceTasks] of byService) {
		const service = services.find(each => each.id === serviceId);
		if (service === undefined) continue;
		if (service.mode === 'global' || service.mode === 'global-job') {
			preview.shortfalls.push({serviceId, serviceName: service.name, running: service.running, after: service.running - serviceTasks.length, desired: service.desired, reason: `it is global: its task on ${node.hostname} stops and is not started elsewhere`});
			continue;
		}
		const placeable = nodes.filter(other => other.id !== node.id && unavailability(other) === undefined && nodeSatisfies(service.constraints, other));
		const rooms = placeable.map(other => ({other, room: roomOn(service, other, remaining)})).filter(each => each.room > 0);
		const movable = Math.min(rooms.reduce((sum, each) => sum + each.room, 0), serviceTasks.length);
		for (const task of serviceTasks.slice(0, movable)) {
			preview.moves.push({taskId: task.id, serviceId, serviceName: service.name, ...(task.slot === undefined ? {} : {slot: task.slot}), to: rooms.map(each => each.other.hostname)});
		}
		if (movable < serviceTasks.length) {
			preview.shortfalls.push({serviceId, serviceName: service.name, running: service.running, after: service.running - (serviceTasks.length - movable), desired: service.desired, reason: noRoomReason(service, placeable, remaining)});
		}
	}

	preview.lines.push(onNode.length === 0
		? `${node.hostname} runs no tasks: nothing moves`
		: `${onNode.length} task${onNode.length === 1 ? '' : 's'} on ${node.hostname} will stop; ${preview.moves.length} will start on other nodes`);
	for (const move of preview.moves) preview.lines.push(`${move.serviceName}${move.slot === undefined ? '' : `.${move.slot}`} moves to ${move.to.join(' or ')}`);
	for (const shortfall of preview.shortfalls) preview.lines.push(`${shortfall.serviceName} drops to ${shortfall.after} of ${shortfall.desired}: ${shortfall.reason}`);
	return preview;
}
