/**
 * Raft arithmetic for promote and demote. A swarm with N managers needs a
 * majority (floor(N/2)+1) of them reachable to change anything, so it
 * survives floor((N-1)/2) lost managers: 3 survive 1, 5 survive 2, while 2
 * survive none and 4 no more than 3 do.
 */
import type {NodeSummary} from '../engine/swarm/types.js';

/** How many managers can be lost while the rest keep a majority. */
export function faultTolerance(managers: number): number {
	return managers <= 0 ? 0 : Math.floor((managers - 1) / 2);
}

function managersOf(nodes: readonly NodeSummary[]): NodeSummary[] {
	return nodes.filter(node => node.role === 'manager');
}

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "no manager", "1 manager", "2 managers". */
function losses(count: number): string {
	return count === 0 ? 'no manager' : plural(count, 'manager');
}

/**
 * The warning for the demote dialog, or undefined when the swarm stays
 * comfortable (3 or more managers, an odd number, a majority reachable).
 */
export function demoteWarning(nodes: readonly NodeSummary[], nodeId: string): string | undefined {
	const node = nodes.find(each => each.id === nodeId);
	if (node === undefined || node.role !== 'manager') return undefined;
	const after = managersOf(nodes).length - 1;
	if (after === 0) return `${node.hostname} is the only manager: the engine refuses to demote the last manager; promote another node first`;
	const warnings: string[] = [];
	const reachableAfter = managersOf(nodes).filter(each => each.id !== nodeId && each.managerStatus !== 'unreachable').length;
	const majority = Math.floor(after / 2) + 1;
	if (reachableAfter < majority) {
		warnings.push(`only ${reachableAfter} of the ${after} remaining managers are reachable, fewer than the ${majority} a quorum needs: the swarm would stop accepting changes`);
	}
	if (after < 3) {
		warnings.push(`demoting ${node.hostname} leaves ${plural(after, 'manager')}, fewer than 3: the swarm then survives the loss of no manager${after === 2 ? ' (2 need both up)' : ''}`);
	} else if (after % 2 === 0) {
		warnings.push(`demoting ${node.hostname} leaves ${after} managers, an even number: it survives the loss of ${losses(faultTolerance(after))}, no more than ${after - 1} would`);
	}
	return warnings.length > 0 ? warnings.join('; ') : undefined;
}

/** A note for the promote dialog when the result is an even number of managers. */
export function promoteNote(nodes: readonly NodeSummary[], nodeId: string): string | undefined {
	const node = nodes.find(each => each.id === nodeId);
	if (node === undefined || node.role === 'manager') return undefined;
	const after = managersOf(nodes).length + 1;
	if (after % 2 !== 0) return undefined;
	return `promoting ${node.hostname} makes ${after} managers, an even number: it survives the loss of ${losses(faultTolerance(after))}, no more than ${after - 1} would; promote one more for ${after + 1}`;
}
