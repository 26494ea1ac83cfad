import type {EngineSession} from '../engine/client.js';
import {listContainers} from '../engine/containers.js';
import {connectNetwork, createNetwork, disconnectNetwork, removeNetwork} from '../engine/networks.js';
import type {NetworkSummary} from '../engine/resources-types.js';
import type {ContainerSummary} from '../engine/types.js';
import {shortId} from '../lib/format.js';
import type {ActionDef, AskPlan, PaneActionDef, Plan} from './descriptor.js';
import {describeNetworkSpec, networkFormHelp, parseNetworkForm} from './network-form.js';
import {prunePlan} from './prune-actions.js';

/** Names spelled out in a question or a refusal; more are counted. */
const namesShown = 8;

function names(containers: readonly ContainerSummary[]): string {
	const shown = containers.slice(0, namesShown).map(container => container.name).join(', ');
	return containers.length > namesShown ? `${shown} and ${containers.length - namesShown} more` : shown || 'none';
}

/** A container by exact name, or by an id prefix of at least 3 hex digits that only it has. */
export function findContainer(containers: readonly ContainerSummary[], text: string): ContainerSummary | undefined {
	const typed = text.trim().replace(/^\//, '');
	const byName = containers.find(container => container.name === typed);
	if (byName || !/^[0-9a-f]{3,64}$/.test(typed)) return byName;
	const byId = containers.filter(container => container.id.startsWith(typed));
	return byId.length === 1 ? byId[0] : undefined;
}

/** Attached in the engine's sense: the container's network settings name it (stopped containers too, unlike the network's endpoints). */
function attachedTo(network: NetworkSummary, containers: readonly ContainerSummary[]): ContainerSummary[] {
	return containers.filter(container => container.networks.includes(network.name));
}

function unknownContainer(text: string, candidates: readonly ContainerSummary[], which: string): string {
	return `no container "${text.trim()}"${candidates.length > 0 ? `; ${which}: ${names(candidates)}` : ''}`;
}

/** A container is on host or none only by being created there: the engine connects none to them and disconnects none from them. */
function fixedMembership(network: NetworkSummary, verb: string): Plan | undefined {
	if (network.name === 'host' || network.name === 'none') return {refused: `a container cannot be ${verb} ${network.name}: it joins the ${network.name} network only when created (--network ${network.name})`};
	return undefined;
}

function connectPlan(network: NetworkSummary): Plan {
	return (
		fixedMembership(network, 'connected to') ?? {
			loading: `reading the containers to connect to ${network.name}…`,
			load: async session => {
				const containers = await listContainers(session.docker);
				const attached = attachedTo(network, containers);
				const free = containers.filter(container => !attached.includes(container));
				if (free.length === 0) return {refused: containers.length === 0 ? 'there is no container to connect' : `every container is attached to ${network.name} already`};
				return connectAsk(network, containers, attached, free);
			},
		}
	);
}

function connectAsk(network: NetworkSummary, containers: readonly ContainerSummary[], attached: readonly ContainerSummary[], free: readonly ContainerSummary[]): AskPlan {
	return {
		ask: {
			question: `container to connect to ${network.name} (attached: ${names(attached)})`,
			placeholder: `name or id, e.g. ${free[0]?.name ?? ''}`,
			validate: text => {
				if (text.trim() === '') return 'type the name or id of a container';
				const found = findContainer(containers, text);
				if (!found) return unknownContainer(text, free, 'not attached yet');
				return attached.includes(found) ? `${found.name} is attached to ${network.name} already` : undefined;
			},
		},
		answer: text => {
			const container = findContainer(containers, text);
			if (!container) return {refused: unknownContainer(text, free, 'not attached yet')};
			return {
				run: (session: EngineSession) => connectNetwork(session.docker, network.id, container.id),
				done: `connected ${container.name} to ${network.name}`,
			};
		},
	};
}

function disconnectPlan(network: NetworkSummary): Plan {
	return (
		fixedMembership(network, 'disconnected from') ?? {
			loading: `reading the containers attached to ${network.name}…`,
			load: async session => {
				const attached = attachedTo(network, await listContainers(session.docker));
				if (attached.length === 0) return {refused: `no container is attached to ${network.name}`};
				return disconnectAsk(network, attached);
			},
		}
	);
}

function disconnectAsk(network: NetworkSummary, attached: readonly ContainerSummary[]): AskPlan {
	return {
		ask: {
			question: `container to disconnect from ${network.name} (attached: ${names(attached)})`,
			...(attached.length === 1 ? {initial: attached[0]?.name} : {}),
			validate: text => (text.trim() === '' ? 'type the name or id of an attached container' : findContainer(attached, text) ? undefined : unknownContainer(text, attached, 'attached')),
		},
		answer: text => {
			const container = findContainer(attached, text);
			if (!container) return {refused: unknownContainer(text, attached, 'attached')};
			const endpoint = network.containers.find(each => each.id === container.id);
			const address = endpoint?.ipv4 ? ` and its address ${endpoint.ipv4}` : '';
			return {
				confirm: `Disconnect ${container.name} (${container.state}) from network ${network.name}? It loses its DNS name there${address}.`,
				confirmLabel: 'disconnect',
				run: (session: EngineSession) => disconnectNetwork(session.docker, network.id, container.id),
				done: `disconnected ${container.name} from ${network.name}`,
			};
		},
	};
}

export function removeNetworkPlan(network: NetworkSummary): Plan {
	if (network.predefined) return {refused: `${network.name} is a network the engine provides: it is never removed`};
	const attached = network.containers.map(endpoint => endpoint.name);
	return {
		confirm: [
			`Remove network ${network.name} (${network.driver}, ${shortId(network.id)})?`,
			// Sent anyway: the engine's refusal is the word that counts.
			attached.length > 0 ? `${attached.join(', ')} ${attached.length === 1 ? 'is attached: the engine will refuse until it is' : 'are attached: the engine will refuse until they are'} disconnected or stopped.` : '',
		].filter(Boolean).join('\n'),
		confirmLabel: 'remove',
		run: (session: EngineSession) => removeNetwork(session.docker, network.id),
		done: `removed network ${network.name}`,
	};
}

export const networkActions: readonly ActionDef<NetworkSummary>[] = [
	{id: 'network.connect', keys: ['c'], description: 'connect a container to the network: type its name (the attached ones are listed)', hint: 'connect', plan: connectPlan},
	{id: 'network.disconnect', keys: ['x'], description: 'disconnect an attached container from the network (asks to confirm)', plan: disconnectPlan},
	{id: 'network.remove', keys: ['d'], description: 'remove the network (the engine refuses while containers are attached)', dangerous: true, hint: 'remove', plan: removeNetworkPlan},
];

/** Names last listed: a new network may not take one. */
let listedNames: ReadonlySet<string> = new Set();

export function rememberNetworks(networks: readonly NetworkSummary[]): void {
	listedNames = new Set(networks.map(network => network.name));
}

export const networkPaneActions: readonly PaneActionDef<NetworkSummary>[] = [
	{
		id: 'network.create',
		keys: ['n'],
		description: `create a network from one line: ${networkFormHelp}`,
		hint: 'new',
		plan: () => ({
			ask: {
				question: 'new network',
				placeholder: networkFormHelp,
				validate: text => {
					const parsed = parseNetworkForm(text, name => listedNames.has(name));
					return parsed.ok ? undefined : parsed.error;
				},
			},
			answer: text => {
				const parsed = parseNetworkForm(text, name => listedNames.has(name));
				if (!parsed.ok) return {refused: parsed.error};
				return {
					run: async (session: EngineSession) => {
						await createNetwork(session.docker, parsed.spec);
					},
					done: `created network ${describeNetworkSpec(parsed.spec)}`,
				};
			},
		}),
	},
	{
		id: 'network.prune',
		keys: ['P'],
		description: 'prune unused networks: lists which go, then reports what the engine removed',
		dangerous: true,
		hint: 'prune',
		plan: () => prunePlan({kind: 'networks', options: {}}, 'unused networks'),
	},
];
