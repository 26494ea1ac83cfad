import type Docker from 'dockerode';
import type {RawSwarmInfo} from './raw.js';
import type {SwarmAccess} from './types.js';

/**
 * Whether the engine behind `info` (GET /info) can show the Swarm panes. Only a
 * manager answers the node, service and task calls; a worker refuses them with
 * "This node is not a swarm manager", so say so up front and name the managers
 * the user can point dockdeck at instead.
 */
export function swarmAccess(info: {Swarm?: RawSwarmInfo | null}): SwarmAccess {
	const swarm = info.Swarm ?? {};
	const state = swarm.LocalNodeState ?? 'inactive';
	switch (state) {
		case 'active': {
			if (swarm.ControlAvailable) return {ok: true, nodeId: swarm.NodeID ?? ''};
			const managers = (swarm.RemoteManagers ?? []).map(manager => manager.Addr ?? '').filter(addr => addr !== '');
			const hosts = managers.map(addr => addr.replace(/:\d+$/, ''));
			return {
				ok: false,
				reason: 'this engine is a worker: only a swarm manager can list nodes, services and tasks',
				hint: hosts.length > 0
					? `connect dockdeck to the engine of a manager instead (--host or DOCKER_HOST); this swarm's managers: ${hosts.join(', ')}`
					: 'connect dockdeck to the engine of a manager of this swarm instead (--host or DOCKER_HOST)',
				managers,
			};
		}

		case 'inactive':
			return {ok: false, reason: 'this engine is not part of a swarm', hint: 'to make it a single-node swarm run `docker swarm init`, or connect to a manager of an existing swarm'};
		case 'pending':
			return {ok: false, reason: 'this engine is still joining a swarm', hint: 'wait a few seconds; if it stays pending, check that the manager address is reachable'};
		case 'locked':
			return {ok: false, reason: 'this swarm manager is locked (autolock is on and the daemon restarted)', hint: 'unlock it with `docker swarm unlock` and the unlock key'};
		case 'error':
			return {ok: false, reason: `the swarm on this engine is in error${swarm.Error ? `: ${swarm.Error}` : ''}`};
		default:
			return {ok: false, reason: `the swarm on this engine is in state "${state}"${swarm.Error ? `: ${swarm.Error}` : ''}`};
	}
}

/** Asks the engine (GET /info) and applies swarmAccess. */
export async function readSwarmAccess(docker: Docker): Promise<SwarmAccess> {
	return swarmAccess((await docker.info()) as {Swarm?: RawSwarmInfo});
}
