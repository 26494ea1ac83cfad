// Constraint matching must agree with swarmkit's (manager/constraint).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {NodeSummary} from '../../../source/engine/swarm/types.js';
import {constraintMatches, nodeSatisfies, parseConstraint, type Constraint} from '../../../source/swarm/constraints.js';
import {scene} from './recorded.js';

const n3 = scene('active').node('dockdeck-n3');
const node: NodeSummary = {...n3, engineLabels: {zone: 'east'}};

function parsed(text: string): Constraint {
	const result = parseConstraint(text);
	assert.ok(!('error' in result), `${text} parses`);
	return result;
}

describe('constraints', () => {
	test('parse == and != with spaces, reject what swarm rejects', () => {
		assert.deepEqual(parsed(' node.labels.tier == silver '), {text: ' node.labels.tier == silver ', key: 'node.labels.tier', equal: true, value: 'silver'});
		assert.equal(parsed('node.role!=manager').equal, false);
		assert.deepEqual(parseConstraint('node.role=manager'), {error: "constraint 'node.role=manager' needs one of the operators ==, !="});
		assert.deepEqual(parseConstraint('node.role==man>ager'), {error: "value 'man>ager' is invalid"});
		assert.deepEqual(parseConstraint('1node==x'), {error: "key '1node' is invalid"});
	});

	test('match the recorded node the way swarm does', () => {
		const matches = (text: string) => constraintMatches(parsed(text), node);
		assert.equal(matches('node.labels.tier==silver'), true);
		assert.equal(matches('node.labels.tier==SILVER'), true, 'values without case');
		assert.equal(matches('node.labels.Tier==silver'), false, 'label names exactly');
		assert.equal(matches('NODE.LABELS.tier==silver'), true, 'the prefix without case');
		assert.equal(matches('node.labels.gpu!=true'), true, 'a missing label reads as empty');
		assert.equal(matches('node.labels.gpu==true'), false);
		assert.equal(matches('node.role==worker'), true);
		assert.equal(matches('Node.Role==Worker'), true);
		assert.equal(matches('node.hostname==dockdeck-n3'), true);
		assert.equal(matches(`node.id==${n3.id}`), true);
		assert.equal(matches('node.ip==10.213.0.3'), true);
		assert.equal(matches('node.ip==10.213.0.0/24'), true);
		assert.equal(matches('node.ip!=10.213.0.0/24'), false);
		assert.equal(matches('node.ip==10.9.0.0/16'), false);
		assert.equal(matches('node.platform.os==linux'), true);
		assert.equal(matches('node.platform.arch==x86_64'), true);
		assert.equal(matches('engine.labels.zone==east'), true);
		assert.equal(matches('engine.labels.zone!=east'), false);
		assert.equal(matches('node.label.tier==silver'), false, 'an unknown key matches nothing');
		assert.equal(matches('node.label.tier!=silver'), false, 'whatever the operator');
	});

	test('a node must satisfy all; a malformed list filters nothing', () => {
		assert.equal(nodeSatisfies(['node.role==worker', 'node.labels.tier==silver'], node), true);
		assert.equal(nodeSatisfies(['node.role==worker', 'node.labels.tier==gold'], node), false);
		assert.equal(nodeSatisfies(['node.labels.tier==gold', 'oops'], node), true);
	});
});
