import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type {ContainerSummary} from '../../../source/engine/types.js';
import {containerActions} from '../../../source/resources/container-actions.js';
import type {ActionPlan} from '../../../source/resources/descriptor.js';
import {statusWithoutHealth} from '../../../source/resources/container-columns.js';
import {looksSecret} from '../../../source/resources/container-detail.js';

const container = (state: ContainerSummary['state']): ContainerSummary => ({
	id: '0123456789abcdef', rev: '', name: 'web-1', image: 'busybox', imageId: 'sha256:1', command: 'sh', state, status: '', createdAt: 0, ports: [], labels: {}, networks: [],
});
/** A plain (non hand-over) action, with its plan narrowed to ActionPlan | refused. */
const action = (id: string) => {
	const found = containerActions.find(each => each.id === id);
	assert.ok(found, id);
	return {
		plan: (item: ContainerSummary) => {
			const plan = found.plan(item);
			assert.ok(!('handOver' in plan), `${id} is not a hand-over`);
			return plan as ActionPlan | {refused: string};
		},
	};
};

describe('container actions', () => {
	it('asks to confirm a stop, naming the container exactly', () => {
		const plan = action('container.stop').plan(container('running'));
		assert.ok(!('refused' in plan));
		assert.equal(plan.confirm, 'Stop container web-1 (0123456789ab)?');
	});
	it('asks for force when removing a running container', () => {
		const running = action('container.remove').plan(container('running'));
		assert.ok(!('refused' in running));
		assert.match(running.confirm ?? '', /is running\. Force-remove it\?/);
		assert.equal(running.confirmLabel, 'force remove');
		const exited = action('container.remove').plan(container('exited'));
		assert.ok(!('refused' in exited));
		assert.equal(exited.confirm, 'Remove container web-1 (0123456789ab)?');
	});
	it('refuses what makes no sense, with a reason', () => {
		assert.deepEqual(action('container.start').plan(container('running')), {refused: 'web-1 is already running'});
		assert.deepEqual(action('container.stop').plan(container('exited')), {refused: 'web-1 is not running (exited)'});
		assert.match((action('container.pause').plan(container('created')) as {refused: string}).refused, /only a running container can be paused/);
	});
	it('pauses a running container and unpauses a paused one without a dialog', () => {
		const pause = action('container.pause').plan(container('running'));
		const unpause = action('container.pause').plan(container('paused'));
		assert.ok(!('refused' in pause) && !('refused' in unpause));
		assert.equal(pause.confirm, undefined);
		assert.equal(unpause.done, 'unpaused web-1');
	});
});

describe('container columns and detail', () => {
	it('drops the health from the status text (the state column says it)', () => {
		assert.equal(statusWithoutHealth('Up 5 minutes (unhealthy)'), 'Up 5 minutes');
		assert.equal(statusWithoutHealth('Up 1 second (health: starting)'), 'Up 1 second');
		assert.equal(statusWithoutHealth('Up 2 hours (Paused)'), 'Up 2 hours');
	});
	it('masks values of names that look secret', () => {
		for (const name of ['DB_PASSWORD', 'API_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'GITHUB_TOKEN', 'SSH_PRIVATE_KEY', 'PGPASSWORD']) assert.ok(looksSecret(name), name);
		for (const name of ['PATH', 'MODE', 'HOSTNAME', 'LANG']) assert.ok(!looksSecret(name), name);
	});
});
