/**
 * The Swarm panes' listers on the real cluster: on the manager they list; on
 * a worker they fail with a plain explanation naming the managers.
 */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {nodesResource} from '../../../source/resources/nodes.js';
import {servicesResource} from '../../../source/resources/services.js';
import {stacksResource} from '../../../source/resources/stacks.js';
import {tasksResource} from '../../../source/resources/tasks.js';
import {connectNode, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const panes = [nodesResource, servicesResource, tasksResource, stacksResource];

describe('Swarm panes on a manager and on a worker', () => {
	it('list on the manager: every node, with the tasks running on it', async () => {
		const nodes = await nodesResource.list(swarm.current, new AbortController().signal);
		assert.equal(nodes.length, 3);
		for (const pane of panes) await pane.list(swarm.current, new AbortController().signal);
	});

	it('on a worker, say it is a worker and name the manager to connect to', async () => {
		const worker = await connectNode(3);
		try {
			for (const pane of panes) {
				await assert.rejects(pane.list(worker, new AbortController().signal), (error: Error) => {
					assert.match(error.message, /^Swarm panes need a manager: this engine is a worker/);
					assert.match(error.message, /managers: 10\.213\.0\.1/);
					return true;
				}, `${pane.kind} pane`);
			}
		} finally {
			worker.close();
		}
	});
});
