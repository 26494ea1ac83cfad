/**
 * What `POST /networks/prune` removes (moby daemon/prune.go): local networks
 * that are not config-only, not predefined (bridge, host, none, default),
 * with no endpoint on this node (a stopped container has none, so it does
 * not keep its network), created before `until`, labels matching; on a swarm
 * manager also swarm networks that no service uses, never the ingress one.
 * The report names networks by name, so plan items are keyed by name.
 */
import {matchLabels, parseUntil} from './filters.js';
import type {KeptItem, NetworkPruneOptions, PlanItem, PruneNetwork, PrunePlan} from './types.js';

const predefined = new Set(['bridge', 'host', 'none', 'default']);

export interface SwarmContext {
	/** Only a manager prunes swarm networks. */
	manager: boolean;
	/** Ids of swarm networks some service is attached to. */
	serviceNetworks: ReadonlySet<string>;
}

export function planNetworkPrune(networks: PruneNetwork[], options: NetworkPruneOptions, now: number, swarm?: SwarmContext): PrunePlan {
	const until = options.until === undefined ? undefined : parseUntil(options.until, now);
	const items: PlanItem[] = [];
	const kept: KeptItem[] = [];
	for (const network of networks) {
		const reason = keptReason(network, options, until, swarm);
		if (reason === undefined) items.push({id: network.name, name: network.name, size: 0});
		else kept.push({id: network.name, name: network.name, reason});
	}

	return {kind: 'networks', items, untag: [], kept, freed: 0, freedExact: true, notes: [], known: networks.map(network => network.name)};
}

function keptReason(network: PruneNetwork, options: NetworkPruneOptions, until: number | undefined, swarm: SwarmContext | undefined): string | undefined {
	if (network.configOnly) return 'config-only';
	if (until !== undefined && network.createdAt > until) return 'created after the until time';
	if (!matchLabels(options, network.labels)) return 'labels do not match';
	if (network.scope === 'swarm') {
		if (network.ingress) return 'the swarm ingress network';
		if (!swarm?.manager) return 'swarm network (only a manager prunes them)';
		if (swarm.serviceNetworks.has(network.id)) return 'used by a service';
		return network.endpoints > 0 ? `${network.endpoints} endpoint${network.endpoints === 1 ? '' : 's'} on this node` : undefined;
	}

	if (predefined.has(network.name)) return 'predefined';
	if (network.endpoints > 0) return `${network.endpoints} container${network.endpoints === 1 ? '' : 's'} attached`;
	return undefined;
}
