import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {comparePlan, planPrune} from '../../../source/prune/index.js';
import type {PruneRequest} from '../../../source/prune/types.js';
import {inputsBefore, reportAfter, steps} from './recorded-inputs.js';

/** Plans each prune from the lists recorded just before it and checks it against what the engine then removed. */
function check(step: (typeof steps)[keyof typeof steps], request: PruneRequest) {
	const plan = planPrune(request, inputsBefore(step));
	const report = reportAfter(step);
	const comparison = comparePlan(plan, report);
	assert.deepEqual(comparison.plannedButKept, [], 'planned but kept by the engine');
	assert.deepEqual(comparison.removedButUnplanned, [], 'removed by the engine but not planned');
	assert.deepEqual(comparison.untagPlannedButKept, []);
	assert.deepEqual(comparison.untaggedButUnplanned, []);
	assert.ok(comparison.exact);
	return {plan, report, comparison};
}

const names = (items: {name: string}[]) => items.map(item => item.name).sort();

describe('prune plans equal what the real engine removed (recorded)', () => {
	it('containers: created and exited ones go; running and paused stay', () => {
		const {plan} = check(steps.containers, {kind: 'containers', options: {}});
		assert.deepEqual(names(plan.items), ['rec-created', 'shop-db-1', 'shop-worker-1']);
		assert.deepEqual(plan.kept.map(item => `${item.name}: ${item.reason}`).sort(), ['rec-paused: paused', 'shop-web-1: running']);
		assert.ok(plan.freedExact, 'sizes were asked for (size=1), a missing SizeRw means 0');
	});

	it('dangling images: the superseded build and the first commit, with the build\'s intermediate images, and the exact bytes', () => {
		const {plan, report, comparison} = check(steps.imagesDangling, {kind: 'images', options: {}});
		assert.equal(comparison.matched.length, 4, 'two dangling heads and the two intermediate images under the old build');
		assert.deepEqual(plan.untag, []);
		assert.ok(plan.freedExact);
		assert.equal(plan.freed, report.spaceReclaimed);
		const reasons = new Map(plan.kept.map(item => [item.name, item.reason]));
		assert.equal(reasons.get('rec/tool:1'), 'tagged');
		assert.match(reasons.get('dockdeck/busybox:latest') ?? '', /^parent of \d+ images$/);
		assert.match(reasons.get('rec/app:1, rec/app:stable') ?? '', /^used by shop-web-1 \(running\)$/);
	});

	it('volumes on API 1.41: every unused local volume, named ones too, but none with driver options', () => {
		const {plan, report} = check(steps.volumes, {kind: 'volumes', options: {}});
		assert.equal(plan.items.length, report.removed.length);
		assert.ok(plan.items.some(item => item.name === 'rec-unused'));
		assert.equal(plan.items.filter(item => /^[0-9a-f]{64}$/.test(item.name)).length, 2, 'the anonymous volume left by rec-anon and the one of the pruned shop-db-1');
		assert.deepEqual(plan.kept.map(item => `${item.name}: ${item.reason}`).sort(), ['rec-data: used by 1 container', 'rec-tmpfs: has driver options']);
		assert.match(plan.notes.join(' '), /prunes named volumes too/);
	});

	it('networks: the one without endpoints; predefined and attached ones stay', () => {
		const {plan} = check(steps.networks, {kind: 'networks', options: {}});
		assert.deepEqual(names(plan.items), ['rec-empty']);
		assert.deepEqual(plan.kept.filter(item => item.reason === 'predefined').map(item => item.name).sort(), ['bridge', 'host', 'none']);
	});

	it('all unused images: untags a multi-tagged image a stopped container uses down to one tag, and the base image it cannot delete', () => {
		const {plan, report} = check(steps.imagesAll, {kind: 'images', options: {all: true}});
		assert.deepEqual([...plan.untag].sort(), ['dockdeck/busybox:latest', 'rec/app:1', 'rec/snap:1', 'rec/tool:1']);
		assert.equal(plan.freed, report.spaceReclaimed);
		const kept = new Map(plan.kept.map(item => [item.name, item.reason]));
		assert.equal(kept.get('rec/app:1, rec/app:stable'), 'used by shop-web-1 (exited)');
		assert.equal(kept.get('dockdeck/busybox:latest'), 'parent of an image that stays');
	});
});
