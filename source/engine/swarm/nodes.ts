import type Docker from 'dockerode';
import {compareText, fingerprint} from './fields.js';
import type {RawNode} from './raw.js';
import type {ManagerStatus, NodeAvailability, NodeRole, NodeState, NodeSummary} from './types.js';

const availabilities = new Set<string>(['active', 'pause', 'drain']);
const states = new Set<string>(['unknown', 'down', 'ready', 'disconnected']);

function toManagerStatus(raw: RawNode['ManagerStatus']): ManagerStatus | undefined {
	if (!raw) return undefined;
	if (raw.Leader) return 'leader';
	// "unknown" is what a manager reports before its first raft round trip;
	// showing it as unreachable would cry wolf, so only say what the engine says.
	if (raw.Reachability === 'reachable') return 'reachable';
	if (raw.Reachability === 'unreachable') return 'unreachable';
	return undefined;
}

/** "10.213.0.1:2377" -> "10.213.0.1"; a bare address (or IPv6 in brackets) unchanged. */
function hostOf(addr: string): string {
	const bracketed = /^\[(.+)\]:\d+$/.exec(addr);
	if (bracketed) return bracketed[1] ?? addr;
	return /^[^:]+:\d+$/.test(addr) ? addr.slice(0, addr.lastIndexOf(':')) : addr;
}

export function toNodeSummary(json: RawNode): NodeSummary {
	const spec = json.Spec ?? {};
	const description = json.Description ?? {};
	const rawState = json.Status?.State ?? 'unknown';
	// A node's Status.Addr is 0.0.0.0 for a manager that advertised nothing
	// routable; its raft address is then the useful one.
	const statusAddr = json.Status?.Addr ?? '';
	const addr = statusAddr && statusAddr !== '0.0.0.0' ? statusAddr : hostOf(json.ManagerStatus?.Addr ?? statusAddr);
	const fields = {
		id: json.ID,
		hostname: description.Hostname ?? '',
		role: (spec.Role === 'manager' ? 'manager' : 'worker') as NodeRole,
		managerStatus: toManagerStatus(json.ManagerStatus),
		availability: (availabilities.has(spec.Availability ?? '') ? spec.Availability : 'active') as NodeAvailability,
		state: (states.has(rawState) ? rawState : 'unknown') as NodeState,
		stateMessage: json.Status?.Message || undefined,
		engineVersion: description.Engine?.EngineVersion ?? '',
		cpus: (description.Resources?.NanoCPUs ?? 0) / 1e9,
		memoryBytes: description.Resources?.MemoryBytes ?? 0,
		labels: spec.Labels ?? {},
		engineLabels: description.Engine?.Labels ?? {},
		addr,
		platform: {os: description.Platform?.OS ?? '', architecture: description.Platform?.Architecture ?? ''},
		versionIndex: json.Version?.Index ?? 0,
	};
	return {...fields, rev: fingerprint(fields)};
}

export async function listRawNodes(docker: Docker, signal?: AbortSignal): Promise<RawNode[]> {
	return (await docker.listNodes({abortSignal: signal})) as RawNode[];
}

/** Nodes sorted managers first, then by hostname (the order `docker node ls` users expect to scan). */
export async function listNodes(docker: Docker, signal?: AbortSignal): Promise<NodeSummary[]> {
	const nodes = (await listRawNodes(docker, signal)).map(toNodeSummary);
	return nodes.sort((a, b) => (a.role === b.role ? compareText(a.hostname, b.hostname) : a.role === 'manager' ? -1 : 1));
}

export async function inspectRawNode(docker: Docker, id: string): Promise<RawNode> {
	return (await docker.getNode(id).inspect()) as RawNode;
}

