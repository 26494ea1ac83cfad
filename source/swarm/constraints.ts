/**
 * Placement constraints evaluated the way swarmkit's scheduler does
 * (manager/constraint): `key==value` or `key!=value`; keys compared without
 * case except the label name after node.labels. / engine.labels., which is
 * exact; values compared without case; a label a node lacks reads as "", so
 * `!=` matches it; a key swarm does not know matches no node.
 */
import {BlockList, isIP} from 'node:net';
import type {NodeSummary} from '../engine/swarm/types.js';

export interface Constraint {
	/** As written, e.g. "node.labels.tier == gold". */
	text: string;
	key: string;
	equal: boolean;
	value: string;
}

const keyPattern = /^[a-z_][a-z0-9\-_.]+$/i;
const valuePattern = /^[a-z0-9:\-_\s.*()?+[\]\\^$|/]+$/i;
const nodeLabelPrefix = 'node.labels.';
const engineLabelPrefix = 'engine.labels.';

/** One expression, or the reason swarm would reject it. */
export function parseConstraint(text: string): Constraint | {error: string} {
	// Swarm looks for "==" first, then "!=", and splits at the first occurrence.
	for (const operator of ['==', '!=']) {
		const at = text.indexOf(operator);
		if (at === -1) continue;
		const key = text.slice(0, at).trim();
		const value = text.slice(at + 2).trim();
		if (!keyPattern.test(key)) return {error: `key '${key}' is invalid`};
		if (!valuePattern.test(value)) return {error: `value '${value}' is invalid`};
		return {text, key, equal: operator === '==', value};
	}
	return {error: `constraint '${text}' needs one of the operators ==, !=`};
}

/** All of a service's constraints; undefined when any is malformed (swarm then ignores them all). */
export function parseConstraints(texts: readonly string[]): Constraint[] | undefined {
	const parsed: Constraint[] = [];
	for (const text of texts) {
		const result = parseConstraint(text);
		if ('error' in result) return undefined;
		parsed.push(result);
	}
	return parsed;
}

function matchesText(constraint: Constraint, actual: string): boolean {
	const same = constraint.value.toLowerCase() === actual.toLowerCase();
	return constraint.equal ? same : !same;
}

function familyName(family: number): 'ipv4' | 'ipv6' {
	return family === 4 ? 'ipv4' : 'ipv6';
}

/** node.ip takes one address (node.ip==10.0.0.7) or a network (node.ip!=10.0.0.0/24). */
function matchesAddress(constraint: Constraint, addr: string): boolean {
	const [network = '', prefix] = constraint.value.split('/');
	const family = isIP(network);
	// A malformed address or network matches nothing, whatever the operator.
	if (family === 0 || (prefix !== undefined && !/^\d+$/.test(prefix))) return false;
	const list = new BlockList();
	if (prefix === undefined) list.addAddress(network, familyName(family));
	else list.addSubnet(network, Number(prefix), familyName(family));
	const within = isIP(addr) === family && list.check(addr, familyName(family));
	return constraint.equal ? within : !within;
}

function hasPrefix(key: string, prefix: string): boolean {
	return key.length > prefix.length && key.slice(0, prefix.length).toLowerCase() === prefix;
}

export function constraintMatches(constraint: Constraint, node: NodeSummary): boolean {
	const key = constraint.key.toLowerCase();
	if (key === 'node.id') return matchesText(constraint, node.id);
	if (key === 'node.hostname') return matchesText(constraint, node.hostname);
	if (key === 'node.ip') return matchesAddress(constraint, node.addr);
	if (key === 'node.role') return matchesText(constraint, node.role);
	if (key === 'node.platform.os') return matchesText(constraint, node.platform.os);
	if (key === 'node.platform.arch') return matchesText(constraint, node.platform.architecture);
	if (hasPrefix(constraint.key, nodeLabelPrefix)) return matchesText(constraint, node.labels[constraint.key.slice(nodeLabelPrefix.length)] ?? '');
	if (hasPrefix(constraint.key, engineLabelPrefix)) return matchesText(constraint, node.engineLabels[constraint.key.slice(engineLabelPrefix.length)] ?? '');
	return false;
}

/** True when the node meets every constraint (an unparseable list filters nothing, as in swarm). */
export function nodeSatisfies(constraints: readonly string[], node: NodeSummary): boolean {
	const parsed = parseConstraints(constraints);
	return parsed === undefined || parsed.every(constraint => constraintMatches(constraint, node));
}

/**
 * What a node must be for `constraint` to hold, in words, as the tail of "no
 * node ..." (for ==) or "every node ..." (for !=, said of the opposite):
 * "has label tier==gold", "is a manager", "is named swlab2".
 */
export function requirementText(constraint: Constraint): string {
	const key = constraint.key.toLowerCase();
	const value = constraint.value;
	if (key === 'node.id') return `has id ${value}`;
	if (key === 'node.hostname') return `is named ${value}`;
	if (key === 'node.ip') return value.includes('/') ? `has an address in ${value}` : `has address ${value}`;
	if (key === 'node.role') return `is a ${value.toLowerCase()}`;
	if (key === 'node.platform.os') return `runs ${value}`;
	if (key === 'node.platform.arch') return `has architecture ${value}`;
	if (hasPrefix(constraint.key, nodeLabelPrefix)) return `has label ${constraint.key.slice(nodeLabelPrefix.length)}==${value}`;
	if (hasPrefix(constraint.key, engineLabelPrefix)) return `has engine label ${constraint.key.slice(engineLabelPrefix.length)}==${value}`;
	return `matches ${constraint.text}`;
}

/** True for a key swarm recognises; any other key matches no node at all. */
export function isKnownKey(key: string): boolean {
	const lower = key.toLowerCase();
	return ['node.id', 'node.hostname', 'node.ip', 'node.role', 'node.platform.os', 'node.platform.arch'].includes(lower)
		|| hasPrefix(key, nodeLabelPrefix) || hasPrefix(key, engineLabelPrefix);
}
