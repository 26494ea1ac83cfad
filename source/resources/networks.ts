import type {EngineSession} from '../engine/client.js';
import {listNetworks} from '../engine/networks.js';
import type {NetworkSummary} from '../engine/resources-types.js';
import {shortId} from '../lib/format.js';
import type {ResourceDescriptor} from './descriptor.js';
import {networkActions, networkPaneActions, rememberNetworks} from './network-actions.js';
import {networkDetail, subnetText, type NetworkDetail} from './network-detail.js';

async function listShownNetworks(session: EngineSession, signal: AbortSignal): Promise<NetworkSummary[]> {
	const networks = await listNetworks(session.docker, {signal});
	rememberNetworks(networks);
	return networks;
}

function containerNames(network: NetworkSummary): string {
	return network.containers.map(endpoint => endpoint.name).join(', ');
}

export const networksResource: ResourceDescriptor<NetworkSummary, NetworkDetail> = {
	kind: 'networks',
	title: 'Networks',
	aliases: ['networks', 'ne', 'net'],
	list: listShownNetworks,
	columns: [
		{id: 'name', title: 'NAME', width: {min: 12, flex: 2, fit: 32}, value: network => network.name, tone: network => (network.predefined ? 'muted' : undefined), sortKey: 'N', sortValue: network => network.name},
		{id: 'id', title: 'ID', width: 12, value: network => shortId(network.id), tone: () => 'muted', dropPriority: 3},
		{id: 'driver', title: 'DRIVER', width: 8, value: network => network.driver, sortKey: 'D', sortValue: network => network.driver},
		{id: 'scope', title: 'SCOPE', width: 6, value: network => network.scope, tone: () => 'muted', sortKey: 'S', sortValue: network => network.scope, dropPriority: 2},
		{id: 'internal', title: 'INTERNAL', width: 8, value: network => (network.internal ? 'internal' : ''), tone: () => 'accent'},
		{id: 'subnet', title: 'SUBNET / GATEWAY', width: {min: 14, flex: 2, fit: 34}, value: subnetText, dropPriority: 1},
		{id: 'containers', title: 'CONTAINERS', width: {min: 10, flex: 2}, value: network => containerNames(network) || '-', tone: network => (network.containers.length === 0 ? 'muted' : undefined), sortKey: 'C', sortValue: network => network.containers.length},
	],
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: network => `${network.name} ${network.driver} ${network.scope} ${network.internal ? 'internal' : ''} ${subnetText(network)} ${containerNames(network)} ${network.id.slice(0, 12)}`,
	label: network => network.name,
	actions: networkActions,
	paneActions: networkPaneActions,
	detail: networkDetail,
};
