// Promote and demote a worker with the quorum texts the dialogs show, and
// swarmAccess on a worker's own engine.
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {engineMessage} from '../../../source/engine/connection.js';
import {readSwarmAccess} from '../../../source/engine/swarm/access.js';
import {setNodeRole} from '../../../source/engine/swarm/node-actions.js';
import {listNodes} from '../../../source/engine/swarm/nodes.js';
import {listServices} from '../../../source/engine/swarm/services.js';
import {demoteWarning, promoteNote} from '../../../source/swarm/quorum.js';
import {connectNode, engineDir, eventually, swarmForFile} from './swarm-test-kit.js';

const swarm = swarmForFile();
const docker = () => swarm.current.docker;

/** The OU of the node's swarm certificate: swarm-manager or swarm-worker. */
function certificateRole(index: number): string {
	const pem = readFileSync(join(engineDir(), `n${index}`, 'root/swarm/certificates/swarm-node.crt'));
	return /OU=(swarm-\w+)/.exec(new X509Certificate(pem).subject)?.[1] ?? '';
}

describe('promote and demote', () => {
	it('promotes a worker (noting the even count), then demotes it (warning of fewer than 3)', async () => {
		const n2 = swarm.node('dockdeck-n2');
		assert.equal(promoteNote(await listNodes(docker()), n2.id), 'promoting dockdeck-n2 makes 2 managers, an even number: it survives the loss of no manager, no more than 1 would; promote one more for 3');
		await setNodeRole(docker(), n2.id, 'manager');
		const promoted = await eventually(async () => {
			const nodes = await listNodes(docker());
			return nodes.find(node => node.id === n2.id)?.managerStatus === 'reachable' ? nodes : undefined;
		}, 'dockdeck-n2 to be a reachable manager', 60_000);
		assert.equal(promoted.filter(node => node.role === 'manager').length, 2);
		assert.equal(demoteWarning(promoted, n2.id), 'demoting dockdeck-n2 leaves 1 manager, fewer than 3: the swarm then survives the loss of no manager');
		assert.match(demoteWarning(promoted, swarm.node('dockdeck-n1').id) ?? '', /leaves 1 manager/);

		await setNodeRole(docker(), n2.id, 'worker');
		await eventually(async () => {
			const node = (await listNodes(docker())).find(each => each.id === n2.id);
			return node?.role === 'worker' && node.managerStatus === undefined || undefined;
		}, 'dockdeck-n2 to be a worker again', 60_000);
		// Until its certificate says worker, a restart could bring it back as a manager (swarmkit #1991).
		await eventually(() => certificateRole(2) === 'swarm-worker' || undefined, 'dockdeck-n2\'s certificate to say swarm-worker', 60_000);
	});
});

describe('swarmAccess', () => {
	it('the manager may show the Swarm panes', async () => {
		assert.deepEqual(await readSwarmAccess(docker()), {ok: true, nodeId: swarm.node('dockdeck-n1').id});
	});

	it('a worker\'s engine says it is a worker and names the manager', async () => {
		const worker = await connectNode(3);
		try {
			const access = await readSwarmAccess(worker.docker);
			assert.ok(!access.ok);
			assert.match(access.reason, /^this engine is a worker/);
			const manager = swarm.node('dockdeck-n1');
			assert.deepEqual(access.managers, [`${manager.addr}:2377`]);
			assert.match(access.hint ?? '', new RegExp(`managers: ${manager.addr.replaceAll('.', '\\.')}$`));
			// Which is why the panes ask first: the worker refuses the lists.
			await assert.rejects(listServices(worker.docker, worker.apiVersion), error => /not a swarm manager/.test(engineMessage(error)));
		} finally {
			worker.close();
		}
	});
});
