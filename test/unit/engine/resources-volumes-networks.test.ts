import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import type Docker from 'dockerode';
import {engineMessage} from '../../../source/engine/connection.js';
import {checkNetworkSpec} from '../../../source/engine/network-spec.js';
import {toNetworkSummary, type RawNetwork} from '../../../source/engine/networks.js';
import {checkVolumeSpec, isAnonymousVolume, toVolumeSummary, volumeUsers, type RawVolume} from '../../../source/engine/volumes.js';
import {recorded} from '../prune/recorded-inputs.js';

const containers = recorded<Docker.ContainerInfo[]>('containers.json');
const users = volumeUsers(containers);
const sizes = new Map(recorded<{Volumes: RawVolume[]}>('system-df.json').Volumes.map(volume => [volume.Name, volume.UsageData?.Size ?? -1]));
const volumes = recorded<{Volumes: RawVolume[]}>('volumes.json').Volumes.map(volume => toVolumeSummary(volume, users.get(volume.Name) ?? [], sizes.get(volume.Name)));
const volume = (name: string) => volumes.find(each => each.name === name);
const networks = Object.values(recorded<Record<string, RawNetwork>>('networks-inspect.json')).map(network => toNetworkSummary(network));
const network = (name: string) => networks.find(each => each.name === name);

describe('volumes from the recorded engine', () => {
	it('names the containers that mount a volume, and where', () => {
		assert.deepEqual(volume('rec-data')?.containers.map(user => `${user.name}:${user.destination}:${user.state}`), ['shop-web-1:/data:running']);
		assert.deepEqual(volume('rec-unused')?.containers, []);
	});

	it('marks anonymous volumes: the engine\'s label, or a 64-hex name on engines that set none', () => {
		const anonymous = volumes.filter(each => each.anonymous);
		assert.equal(anonymous.length, 2);
		assert.ok(anonymous.every(each => /^[0-9a-f]{64}$/.test(each.name)));
		assert.equal(anonymous.find(each => each.containers.length > 0)?.containers[0]?.destination, '/var/lib/db');
		assert.ok(isAnonymousVolume({Name: 'cache', Labels: {'com.docker.volume.anonymous': ''}}));
		assert.ok(!isAnonymousVolume({Name: 'cache', Labels: null}));
	});

	it('takes sizes from system df, -1 where none was computed, and keeps labels, options and creation time', () => {
		assert.equal(volume('rec-data')?.size, 0);
		assert.equal(toVolumeSummary(recorded<{Volumes: RawVolume[]}>('volumes.json').Volumes[0] as RawVolume, [], undefined).size, -1);
		assert.deepEqual(volume('rec-data')?.labels, {'dockdeck.rec': 'vol'});
		assert.deepEqual(volume('rec-tmpfs')?.options, {device: 'tmpfs', type: 'tmpfs'});
		assert.ok((volume('rec-data')?.createdAt ?? 0) > Date.UTC(2020, 0));
	});

	it('keeps the engine\'s refusal to remove a volume in use word for word', () => {
		const error = Object.assign(new Error('(HTTP code 409) unexpected - '), {statusCode: 409, json: recorded('refusal-volume-in-use.json')});
		assert.match(engineMessage(error), /^remove rec-data: volume is in use - \[[0-9a-f]{64}\]$/);
	});

	it('checks names before asking the engine', () => {
		assert.deepEqual(checkVolumeSpec({name: 'data_1.x-y'}), []);
		assert.deepEqual(checkVolumeSpec({}), [], 'no name: the engine makes one');
		assert.match(checkVolumeSpec({name: 'a'})[0] ?? '', /at least 2 characters/);
		assert.match(checkVolumeSpec({name: 'my volume'})[0] ?? '', /letters, digits/);
		assert.deepEqual(checkVolumeSpec({name: 'x y', driver: 'some-plugin'}), [], 'other drivers judge names themselves');
	});
});

describe('networks from the recorded engine', () => {
	it('reads subnets, gateways and flags from inspect', () => {
		assert.deepEqual(network('rec-backend')?.subnets, [{subnet: '172.30.5.0/24', gateway: '172.30.5.1'}]);
		assert.equal(network('rec-internal')?.internal, true);
		assert.equal(network('rec-backend')?.internal, false);
		assert.deepEqual(network('rec-backend')?.labels, {'dockdeck.rec': 'net'});
		assert.deepEqual(networks.filter(each => each.predefined).map(each => each.name).sort(), ['bridge', 'host', 'none']);
	});

	it('lists the attached containers with their addresses; aliases only when read', () => {
		const [web] = network('rec-backend')?.containers ?? [];
		assert.equal(web?.name, 'shop-web-1');
		assert.equal(web?.ipv4, '172.30.5.2/24');
		assert.equal(web?.aliases, undefined);
		assert.deepEqual(network('rec-empty')?.containers, []);
		const inspects = recorded<Record<string, Docker.ContainerInspectInfo>>('containers-inspect.json');
		const aliases = new Map(Object.entries(inspects).map(([id, detail]) => [id, Object.fromEntries(Object.entries(detail.NetworkSettings.Networks).map(([name, settings]) => [name, settings.Aliases ?? []]))]));
		const raw = Object.values(recorded<Record<string, RawNetwork>>('networks-inspect.json')).find(each => each.Name === 'rec-backend') as RawNetwork;
		const withAliases = toNetworkSummary(raw, aliases);
		assert.ok(withAliases.containers[0]?.aliases?.includes('web-alias'));
		assert.notEqual(withAliases.rev, toNetworkSummary(raw).rev);
	});
});

describe('network create specs', () => {
	it('accepts what the engine accepts', () => {
		assert.deepEqual(checkNetworkSpec({name: 'backend'}), []);
		assert.deepEqual(checkNetworkSpec({name: 'backend', subnet: '172.30.5.0/24', gateway: '172.30.5.1', ipRange: '172.30.5.128/25', internal: true}), []);
		assert.deepEqual(checkNetworkSpec({name: 'v6', subnet: 'fd00:1::/64', gateway: 'fd00:1::1', ipv6: true}), []);
		assert.deepEqual(checkNetworkSpec({name: 'mesh', driver: 'overlay', attachable: true}), []);
	});

	it('says what is wrong, field by field', () => {
		const problems = (spec: Parameters<typeof checkNetworkSpec>[0]) => checkNetworkSpec(spec).join(' | ');
		assert.match(problems({name: ''}), /needs a name/);
		assert.match(problems({name: 'bridge'}), /engine provides/);
		assert.match(problems({name: 'a b'}), /spaces/);
		assert.match(problems({name: 'n', subnet: '172.30.5.1/24'}), /host bits set: use 172\.30\.5\.0\/24/);
		assert.match(problems({name: 'n', subnet: '172.30.5.0'}), /CIDR form/);
		assert.match(problems({name: 'n', subnet: '300.1.1.0/24'}), /CIDR form/);
		assert.match(problems({name: 'n', subnet: '10.0.0.0/33'}), /longer than 32 bits/);
		assert.match(problems({name: 'n', subnet: '10.1.0.0/16', gateway: '10.2.0.1'}), /not inside the subnet/);
		assert.match(problems({name: 'n', subnet: '10.1.0.0/16', gateway: 'fd00::1'}), /IPv6 but the subnet is IPv4/);
		assert.match(problems({name: 'n', subnet: '10.1.0.0/16', ipRange: '10.2.0.0/24'}), /not inside subnet/);
		assert.match(problems({name: 'n', gateway: '10.1.0.1'}), /needs a subnet/);
		assert.match(problems({name: 'n', subnet: 'fd00:1::/64'}), /IPv6 turned on/);
		assert.match(problems({name: 'n', subnet: 'fd00:1::1/64', ipv6: true}), /host bits set: use fd00:1::\/64/);
		assert.match(problems({name: 'n', attachable: true}), /only to overlay/);
		assert.match(problems({name: 'n', driver: 'Bad Driver'}), /not a driver name/);
	});
});
