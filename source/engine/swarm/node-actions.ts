import type Docker from 'dockerode';
import {inspectRawNode} from './nodes.js';
import type {RawNodeSpec} from './raw.js';
import type {NodeAvailability, NodeRole} from './types.js';
import {updateWithFreshVersion} from './versioned-update.js';

/**
 * Every node change is one POST /nodes/{id}/update carrying the node's current
 * version index and its whole spec with one field changed (the engine replaces
 * the spec, so a partial one would wipe labels or availability).
 */
async function editNodeSpec(docker: Docker, id: string, edit: (spec: RawNodeSpec) => RawNodeSpec): Promise<void> {
	await updateWithFreshVersion(
		() => inspectRawNode(docker, id),
		async node => {
			await docker.getNode(id).update({_query: {version: node.Version?.Index ?? 0}, _body: edit({...node.Spec})});
		},
	);
}

/** active: takes tasks; pause: keeps its tasks, takes no new ones; drain: its tasks move elsewhere. */
export async function setNodeAvailability(docker: Docker, id: string, availability: NodeAvailability): Promise<void> {
	await editNodeSpec(docker, id, spec => ({...spec, Availability: availability}));
}

/** Promote (manager) or demote (worker). Check quorum.ts first: a demote can cost the swarm its quorum. */
export async function setNodeRole(docker: Docker, id: string, role: NodeRole): Promise<void> {
	await editNodeSpec(docker, id, spec => ({...spec, Role: role}));
}

/** Sets `add` (key -> value) and removes `remove` keys from the node's labels in one update. */
export async function editNodeLabels(docker: Docker, id: string, add: Record<string, string>, remove: readonly string[] = []): Promise<void> {
	await editNodeSpec(docker, id, spec => {
		const labels = {...spec.Labels, ...add};
		for (const key of remove) delete labels[key];
		return {...spec, Labels: labels};
	});
}
