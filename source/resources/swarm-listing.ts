import type {EngineSession} from '../engine/client.js';
import {readSwarmAccess} from '../engine/swarm/access.js';
import {listNodes} from '../engine/swarm/nodes.js';
import {listServices} from '../engine/swarm/services.js';
import {listTasks} from '../engine/swarm/tasks.js';
import type {NodeSummary, ServiceSummary, SwarmAccess, TaskSummary} from '../engine/swarm/types.js';

/**
 * How often Swarm panes re-list while shown. The manager's event stream
 * announces service and node changes, not the tasks starting and failing on
 * other nodes, so replica counts and task states are polled.
 */
export const swarmPollMs = 3000;

/** The pane's whole message when Swarm panes cannot list here: why, and what to do. */
export function accessMessage(access: Extract<SwarmAccess, {ok: false}>): string {
	return [`Swarm panes need a manager: ${access.reason}.`, access.hint ? `${access.hint[0]?.toUpperCase() ?? ''}${access.hint.slice(1)}.` : ''].filter(Boolean).join(' ');
}

/**
 * Runs a Swarm list call; when it fails, asks the engine whether it is a
 * manager at all, so a worker or a plain engine gets a plain explanation
 * (and the managers' addresses) instead of a bare "503 not a manager".
 */
export async function swarmListed<T>(session: EngineSession, list: () => Promise<T>): Promise<T> {
	try {
		return await list();
	} catch (error) {
		const access = await readSwarmAccess(session.docker).catch(() => undefined);
		if (access && !access.ok) throw new Error(accessMessage(access), {cause: error});
		throw error;
	}
}

/** Everything placement questions need (drain preview, why pending), read fresh. */
export async function readCluster(session: EngineSession): Promise<{nodes: NodeSummary[]; services: ServiceSummary[]; tasks: TaskSummary[]}> {
	const [nodes, services] = await Promise.all([listNodes(session.docker), listServices(session.docker, session.apiVersion)]);
	const tasks = await listTasks(session.docker, {serviceNames: new Map(services.map(service => [service.id, service.name]))});
	return {nodes, services, tasks};
}
