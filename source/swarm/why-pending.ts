/**
 * "Why is this task pending?" in words, from what the panes already hold: the
 * task's own status, the service's constraints and reservations, and every
 * node's labels, availability, state and unreserved resources. The engine's
 * error only counts nodes ("scheduling constraints not satisfied on 2 nodes");
 * this names them and the constraint each one misses.
 */
import type {NodeSummary, ServiceSummary, TaskSummary} from '../engine/swarm/types.js';
import {constraintMatches, isKnownKey, parseConstraint, requirementText, type Constraint} from './constraints.js';
import {fits, freeResources, shortageText, tasksOfServiceOn, unavailability} from './placement.js';

function constraintLines(constraints: readonly Constraint[], nodes: readonly NodeSummary[]): string[] {
	const lines: string[] = [];
	for (const constraint of constraints) {
		if (!isKnownKey(constraint.key)) {
			lines.push(`constraint ${constraint.text} uses a key swarm does not know, so no node can match it (known: node.id, node.hostname, node.ip, node.role, node.platform.os, node.platform.arch, node.labels.<name>, engine.labels.<name>)`);
			continue;
		}
		if (nodes.some(node => constraintMatches(constraint, node))) continue;
		lines.push(constraint.equal ? `no node ${requirementText(constraint)}` : `every node ${requirementText(constraint)}`);
	}
	return lines;
}

function hostList(nodes: readonly NodeSummary[]): string {
	return nodes.map(node => node.hostname).join(', ');
}

/**
 * Lines, most telling first, e.g. ["no node has label tier==gold",
 * "swlab2 is drained", "the engine says: no suitable node (...)"].
 * `tasksOnNodes` (all tasks) lets it subtract what other tasks reserve and
 * count the service's tasks per node; without it, node totals are used.
 */
export function explainPending(task: TaskSummary, service: ServiceSummary, nodes: readonly NodeSummary[], tasksOnNodes?: readonly TaskSummary[]): string[] {
	const lines: string[] = [];
	// A global service's task is made for one node; only that node matters.
	const considered = service.mode.startsWith('global') && task.nodeId !== undefined
		? nodes.filter(node => node.id === task.nodeId)
		: nodes;
	if (considered.length === 0) lines.push('the swarm lists no node for this task');

	const parsed: Constraint[] = [];
	for (const text of service.constraints) {
		const result = parseConstraint(text);
		if ('error' in result) lines.push(`constraint ${text} is not valid (${result.error}); swarm then ignores all constraints`);
		else parsed.push(result);
	}
	const valid = parsed.length === service.constraints.length;
	const failing = valid ? constraintLines(parsed, considered) : [];
	lines.push(...failing);
	const candidates = valid ? considered.filter(node => parsed.every(constraint => constraintMatches(constraint, node))) : [...considered];
	if (valid && failing.length === 0 && candidates.length === 0 && considered.length > 0) {
		lines.push(`no node meets all of: ${service.constraints.join(', ')}`);
	}

	for (const node of considered) {
		const reason = unavailability(node);
		if (reason !== undefined) lines.push(`${node.hostname} ${reason}`);
	}

	const ready: NodeSummary[] = [];
	for (const node of candidates.filter(each => unavailability(each) === undefined)) {
		const free = tasksOnNodes ? freeResources(node, tasksOnNodes, new Set([task.id])) : {cpus: node.cpus, memoryBytes: node.memoryBytes};
		if (!fits(free, service.reservations)) {
			lines.push(`${node.hostname} has ${shortageText(free, service.reservations)}`);
			continue;
		}
		if (tasksOnNodes && service.maxReplicasPerNode > 0) {
			const running = tasksOfServiceOn(service, node, tasksOnNodes.filter(each => each.id !== task.id));
			if (running >= service.maxReplicasPerNode) {
				lines.push(`${node.hostname} already runs ${running} task${running === 1 ? '' : 's'} of ${service.name} (at most ${service.maxReplicasPerNode} per node)`);
				continue;
			}
		}
		ready.push(node);
	}
	if (ready.length > 0) lines.push(`${hostList(ready)} could run it now; the scheduler should place it within seconds`);

	const engineWords = task.error ?? (task.message !== '' ? task.message : undefined);
	if (engineWords !== undefined) lines.push(`the engine says: ${engineWords}`);
	return lines;
}
