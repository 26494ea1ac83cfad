import type Docker from 'dockerode';
import {preciseEpochMs} from './engine-time.js';
import {checkNetworkSpec, predefinedNetworks, type NetworkSpec} from './network-spec.js';
import type {NetworkEndpoint, NetworkSummary} from './resources-types.js';

/** The inspect JSON of one network (dockerode's typings, with the fields they lack). */
export type RawNetwork = Docker.NetworkInspectInfo & {ConfigOnly?: boolean; Ingress?: boolean; Created?: string};

/** Aliases by container id, then by network name: only a container's inspect has them. */
export type AliasIndex = Map<string, Record<string, string[]>>;

export function toNetworkSummary(json: RawNetwork, aliases?: AliasIndex): NetworkSummary {
	const containers: NetworkEndpoint[] = Object.entries(json.Containers ?? {}).map(([id, endpoint]) => {
		const known = aliases?.get(id);
		return {
			id,
			name: endpoint.Name,
			ipv4: endpoint.IPv4Address ?? '',
			ipv6: endpoint.IPv6Address ?? '',
			macAddress: endpoint.MacAddress ?? '',
			...(aliases === undefined ? {} : {aliases: known?.[json.Name] ?? []}),
		};
	});
	containers.sort((a, b) => a.name.localeCompare(b.name));
	return {
		id: json.Id,
		rev: `${JSON.stringify(json)}|${containers.map(endpoint => endpoint.aliases?.join(',') ?? '').join(';')}`,
		name: json.Name,
		driver: json.Driver,
		scope: json.Scope,
		internal: json.Internal ?? false,
		attachable: json.Attachable ?? false,
		ingress: json.Ingress ?? false,
		configOnly: json.ConfigOnly ?? false,
		ipv6: json.EnableIPv6 ?? false,
		subnets: (json.IPAM?.Config ?? []).map(config => ({
			subnet: config.Subnet ?? '',
			...(config.Gateway ? {gateway: config.Gateway} : {}),
			...(config.IPRange ? {ipRange: config.IPRange} : {}),
		})),
		containers,
		labels: json.Labels ?? {},
		createdAt: json.Created ? preciseEpochMs(json.Created) : 0,
		predefined: predefinedNetworks.has(json.Name),
	};
}

async function readAliases(docker: Docker, containerIds: Set<string>): Promise<AliasIndex> {
	const index: AliasIndex = new Map();
	await Promise.all([...containerIds].map(async id => {
		try {
			const detail = await docker.getContainer(id).inspect();
			const byNetwork: Record<string, string[]> = {};
			for (const [name, settings] of Object.entries(detail.NetworkSettings?.Networks ?? {})) {
				byNetwork[name] = settings.Aliases ?? [];
			}

			index.set(id, byNetwork);
		} catch {
			// Gone since the network was inspected, or a swarm load-balancer endpoint: no aliases.
		}
	}));
	return index;
}

export interface ListNetworksOptions {
	/** Inspect every attached container for its aliases (one call per container; default false). */
	aliases?: boolean;
	signal?: AbortSignal;
}

/**
 * Every network with its attached containers. The list call leaves the
 * containers out (since API 1.28), so each network is inspected.
 */
export async function listNetworks(docker: Docker, options: ListNetworksOptions = {}): Promise<NetworkSummary[]> {
	const list = await docker.listNetworks({abortSignal: options.signal} as Docker.NetworkListOptions);
	const inspected = await Promise.all(list.map(async network => {
		try {
			return (await docker.getNetwork(network.Id).inspect()) as RawNetwork;
		} catch {
			return undefined; // removed between the two calls
		}
	}));
	const networks = inspected.filter((network): network is RawNetwork => network !== undefined);
	const aliases = options.aliases ? await readAliases(docker, new Set(networks.flatMap(network => Object.keys(network.Containers ?? {})))) : undefined;
	return networks.map(network => toNetworkSummary(network, aliases)).sort((a, b) => a.name.localeCompare(b.name));
}

/** One network, with aliases. */
export async function inspectNetwork(docker: Docker, id: string): Promise<NetworkSummary> {
	const json = (await docker.getNetwork(id).inspect()) as RawNetwork;
	return toNetworkSummary(json, await readAliases(docker, new Set(Object.keys(json.Containers ?? {}))));
}

/** Creates a network after checkNetworkSpec() found nothing wrong; resolves to its summary. */
export async function createNetwork(docker: Docker, spec: NetworkSpec): Promise<NetworkSummary> {
	const problems = checkNetworkSpec(spec);
	if (problems.length > 0) throw new Error(problems.join('; '));
	const subnet = spec.subnet?.trim();
	const network = await docker.createNetwork({
		Name: spec.name.trim(),
		Driver: spec.driver ?? 'bridge',
		// Without it the engine (before API 1.44) happily creates a second network of the same name.
		CheckDuplicate: true,
		Internal: spec.internal ?? false,
		Attachable: spec.attachable ?? false,
		EnableIPv6: spec.ipv6 ?? false,
		Labels: spec.labels ?? {},
		Options: spec.driverOptions ?? {},
		...(subnet ? {IPAM: {Driver: 'default', Config: [{Subnet: subnet, ...(spec.gateway?.trim() ? {Gateway: spec.gateway.trim()} : {}), ...(spec.ipRange?.trim() ? {IPRange: spec.ipRange.trim()} : {})}]}} : {}),
	});
	return inspectNetwork(docker, network.id);
}

/** Removes a network; the engine refuses while containers are attached, and that message comes back unchanged. */
export async function removeNetwork(docker: Docker, id: string): Promise<void> {
	await docker.getNetwork(id).remove();
}

export interface ConnectOptions {
	aliases?: string[];
	ipv4?: string;
	ipv6?: string;
}

/** Attaches a container (running or not) to a network, like `docker network connect`. */
export async function connectNetwork(docker: Docker, network: string, container: string, options: ConnectOptions = {}): Promise<void> {
	const ipam = {...(options.ipv4 ? {IPv4Address: options.ipv4} : {}), ...(options.ipv6 ? {IPv6Address: options.ipv6} : {})};
	await docker.getNetwork(network).connect({
		Container: container,
		EndpointConfig: {...(options.aliases?.length ? {Aliases: options.aliases} : {}), ...(Object.keys(ipam).length > 0 ? {IPAMConfig: ipam} : {})},
	});
}

/** Detaches a container; force also drops the endpoint of a container the engine no longer knows well. */
export async function disconnectNetwork(docker: Docker, network: string, container: string, options: {force?: boolean} = {}): Promise<void> {
	await docker.getNetwork(network).disconnect({Container: container, Force: options.force ?? false});
}
