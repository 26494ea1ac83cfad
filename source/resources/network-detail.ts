import {inspectNetwork} from '../engine/networks.js';
import {inspectNetworkJson} from '../engine/raw-inspect.js';
import type {NetworkSummary} from '../engine/resources-types.js';
import {formatAge, formatTimestamp} from '../lib/format.js';
import type {Line} from '../theme/tokens.js';
import type {DetailDescriptor} from './descriptor.js';
import {field, heading, jsonLines, keyValueLines, note} from './detail-lines.js';

export interface NetworkDetail {
	network: NetworkSummary;
	raw: unknown;
}

export function subnetText(network: Pick<NetworkSummary, 'subnets'>): string {
	return network.subnets.map(each => (each.gateway ? `${each.subnet} gw ${each.gateway}` : each.subnet)).join(', ');
}

function yesNo(value: boolean): string {
	return value ? 'yes' : 'no';
}

function summary({network}: NetworkDetail): Line[] {
	return [
		field('Name', network.name, 'title'),
		field('ID', network.id),
		field('Driver', network.driver),
		field('Scope', network.scope),
		field('Internal', network.internal ? 'yes: no route out of the network' : 'no'),
		field('Attachable', yesNo(network.attachable)),
		field('IPv6', yesNo(network.ipv6)),
		...(network.ingress ? [field('Ingress', 'yes: the swarm routing mesh')] : []),
		...(network.configOnly ? [field('Config only', 'yes: a template for swarm networks, never has containers')] : []),
		field('Created', network.createdAt > 0 ? `${formatTimestamp(network.createdAt)} (${formatAge(network.createdAt)})` : ''),
		field('Predefined', network.predefined ? 'yes: the engine made it and never removes it' : 'no'),
		[],
		heading('Subnets'),
		...(network.subnets.length === 0
			? [note('none configured (the engine picks one, or the driver has none)')]
			: network.subnets.flatMap((each): Line[] => [field('  Subnet', each.subnet), field('  Gateway', each.gateway ?? ''), ...(each.ipRange ? [field('  IP range', each.ipRange)] : [])])),
		[],
		heading('Labels'),
		...keyValueLines(network.labels, 'no labels'),
	];
}

/** Each attached container with its addresses and DNS aliases on this network. */
function containers({network}: NetworkDetail): Line[] {
	if (network.containers.length === 0) return [note('No running container is attached (stopped ones keep their settings but have no endpoint).')];
	return network.containers.flatMap((endpoint): Line[] => [
		heading(endpoint.name),
		field('  IPv4', endpoint.ipv4),
		...(endpoint.ipv6 ? [field('  IPv6', endpoint.ipv6)] : []),
		field('  MAC', endpoint.macAddress),
		field('  Aliases', endpoint.aliases?.join(', ') ?? ''),
		[],
	]);
}

export const networkDetail: DetailDescriptor<NetworkDetail> = {
	load: async (session, id) => {
		const [network, raw] = await Promise.all([inspectNetwork(session.docker, id), inspectNetworkJson(session.docker, id)]);
		return {network, raw};
	},
	tabs: [
		{id: 'containers', title: 'Containers', lines: containers},
		{id: 'summary', title: 'Summary', lines: summary},
		{id: 'raw', title: 'Raw JSON', lines: detail => jsonLines(detail.raw)},
	],
};
