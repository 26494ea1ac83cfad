import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {NodeSummary} from '../../../source/engine/swarm/types.js';
import {demoteWarning, faultTolerance, promoteNote} from '../../../source/swarm/quorum.js';
import {scene} from './recorded.js';

const active = scene('active');
const [n1, n2, n3] = ['dockdeck-n1', 'dockdeck-n2', 'dockdeck-n3'].map(name => active.node(name)) as [NodeSummary, NodeSummary, NodeSummary];
const asManager = (node: NodeSummary, managerStatus: NodeSummary['managerStatus'] = 'reachable'): NodeSummary => ({...node, role: 'manager', managerStatus});
const extra = (index: number, role: NodeSummary['role']): NodeSummary => ({...n3, id: `extra${index}`, hostname: `extra${index}`, role, ...(role === 'manager' ? {managerStatus: 'reachable' as const} : {})});

describe('quorum', () => {
	test('fault tolerance is floor((N-1)/2)', () => {
		assert.deepEqual([0, 1, 2, 3, 4, 5, 7].map(faultTolerance), [0, 0, 0, 1, 1, 2, 3]);
	});

	test('promoting the second manager warns of an even number', () => {
		assert.equal(promoteNote(active.nodes, n2.id), 'promoting dockdeck-n2 makes 2 managers, an even number: it survives the loss of no manager, no more than 1 would; promote one more for 3');
		assert.equal(promoteNote([n1, asManager(n2), n3], n3.id), undefined, 'a third manager is fine');
		assert.equal(promoteNote(active.nodes, n1.id), undefined, 'already a manager');
	});

	test('demoting below 3 managers warns, demoting the last one is refused', () => {
		assert.equal(demoteWarning([n1, asManager(n2), n3], n2.id), 'demoting dockdeck-n2 leaves 1 manager, fewer than 3: the swarm then survives the loss of no manager');
		assert.match(demoteWarning([n1, asManager(n2), asManager(n3)], n3.id) ?? '', /leaves 2 managers, fewer than 3/);
		assert.match(demoteWarning(active.nodes, n1.id) ?? '', /only manager: the engine refuses to demote the last manager/);
		assert.equal(demoteWarning(active.nodes, n2.id), undefined, 'a worker');
	});

	test('demoting to an even number of 4 or more warns; to an odd number of 3 or more does not', () => {
		const five = [n1, asManager(n2), asManager(n3), extra(1, 'manager'), extra(2, 'manager')];
		assert.equal(demoteWarning(five, n2.id), 'demoting dockdeck-n2 leaves 4 managers, an even number: it survives the loss of 1 manager, no more than 3 would');
		assert.equal(demoteWarning([...five, extra(3, 'manager')], n2.id), undefined);
	});

	test('demoting when the rest lack a reachable majority says the swarm would stop', () => {
		const nodes = [n1, asManager(n2), asManager(n3, 'unreachable'), extra(1, 'manager'), asManager(extra(2, 'manager'), 'unreachable')];
		assert.match(demoteWarning(nodes, n2.id) ?? '', /^only 2 of the 4 remaining managers are reachable, fewer than the 3 a quorum needs/);
	});
});
