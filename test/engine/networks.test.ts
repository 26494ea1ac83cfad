// Networks on the real private engine: the list equals `docker network ls`,
// create with subnet/gateway/internal, connect and disconnect a container
// (addresses and aliases as the engine reports them), and refusals.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {after, describe, it} from 'node:test';
import {engineMessage} from '../../source/engine/connection.js';
import {connectNetwork, createNetwork, disconnectNetwork, inspectNetwork, listNetworks, removeNetwork} from '../../source/engine/networks.js';
import {failure} from '../support/failure.js';
import {createContainer, removeTestContainers, runId, sessionForFile, testLabel} from './engine-test-kit.js';

const file = sessionForFile();
const docker = () => file.current.docker;
const label = `dockdeck.test=${runId}`;
const name = (suffix: string) => `dd-net-${runId}-${suffix}`;
// A /24 of its own per run, so parallel runs on one engine do not collide.
const octet = (Number.parseInt(runId.slice(0, 2), 16) % 200) + 20;

function cli(...args: string[]): string[] {
	const output = execFileSync('docker', args, {env: {...process.env, DOCKER_HOST: process.env['DOCKDECK_TEST_HOST'], DOCKER_CLI_HINTS: 'false'}, encoding: 'utf8'});
	return output.split('\n').filter(Boolean);
}

describe('networks on the real engine', () => {
	after(async () => {
		await removeTestContainers(docker());
		const left = await docker().listNetworks({filters: {label: [label]}});
		await Promise.all(left.map(network => removeNetwork(docker(), network.Id).catch(() => {})));
	});

	it('lists what docker network ls lists', async () => {
		await createNetwork(docker(), {name: name('plain'), labels: testLabel});
		const all = await listNetworks(docker());
		const rows = (list: string[]) => list.filter(row => !row.includes('dd-net-') || row.includes(runId)).sort();
		assert.deepEqual(rows(all.map(network => `${network.id.slice(0, 12)} ${network.name} ${network.driver} ${network.scope}`)), rows(cli('network', 'ls', '--format', '{{.ID}} {{.Name}} {{.Driver}} {{.Scope}}')));
		assert.deepEqual(all.filter(network => network.predefined).map(network => network.name).sort(), ['bridge', 'host', 'none']);
	});

	it('creates a network with subnet, gateway and internal, as asked', async () => {
		const created = await createNetwork(docker(), {name: name('sub'), subnet: `10.${octet}.7.0/24`, gateway: `10.${octet}.7.254`, internal: true, labels: testLabel});
		assert.deepEqual(created.subnets, [{subnet: `10.${octet}.7.0/24`, gateway: `10.${octet}.7.254`}]);
		assert.ok(created.internal);
		assert.equal(created.driver, 'bridge');
		assert.deepEqual(cli('network', 'inspect', '--format', '{{.Internal}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}', name('sub')), [`true 10.${octet}.7.0/24 10.${octet}.7.254`]);
		const invalid = await failure(createNetwork(docker(), {name: name('bad'), subnet: `10.${octet}.8.1/24`, labels: testLabel}));
		assert.match((invalid as Error).message, /host bits set/);
		assert.match(engineMessage(await failure(createNetwork(docker(), {name: name('sub'), labels: testLabel}))), /already exists/);
	});

	it('connects a running container with an alias and a fixed address, then disconnects it', async () => {
		const network = await createNetwork(docker(), {name: name('join'), subnet: `10.${octet}.9.0/24`, labels: testLabel});
		const container = await createContainer(docker(), 'joiner');
		await container.start();
		await connectNetwork(docker(), network.id, container.id, {aliases: ['db-alias'], ipv4: `10.${octet}.9.50`});

		const joined = await inspectNetwork(docker(), network.id);
		assert.deepEqual(joined.containers.map(endpoint => `${endpoint.name} ${endpoint.ipv4}`), [`t-${runId}-joiner 10.${octet}.9.50/24`]);
		assert.ok(joined.containers[0]?.aliases?.includes('db-alias'), `aliases: ${joined.containers[0]?.aliases?.join(',')}`);
		const listed = (await listNetworks(docker(), {aliases: true})).find(each => each.id === network.id);
		assert.deepEqual(listed?.containers[0]?.aliases, joined.containers[0]?.aliases);

		const refused = await failure(removeNetwork(docker(), network.id));
		assert.match(engineMessage(refused), /has active endpoints/);

		await disconnectNetwork(docker(), network.id, container.id);
		assert.deepEqual((await inspectNetwork(docker(), network.id)).containers, []);
		assert.ok(!(await container.inspect()).NetworkSettings.Networks[name('join')]);
		await removeNetwork(docker(), network.id);
		assert.ok(!(await listNetworks(docker())).some(each => each.id === network.id));
	});
});
