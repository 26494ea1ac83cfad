import type Docker from 'dockerode';
import type {RawService, RawServiceSpec} from './raw.js';
import {applyServiceChanges, withForcedUpdate, withReplicas, type ServiceChanges} from './service-spec.js';
import {inspectRawService} from './services.js';
import {updateWithFreshVersion} from './versioned-update.js';

/**
 * Sends one service update: POST /services/{id}/update?version=N with the
 * whole (edited) spec. No X-Registry-Auth header and no digest lookup: from
 * API 1.30 the daemon itself never asks a registry on update (only the docker
 * CLI does, unless --no-resolve-image), so an update works with no registry in
 * reach, exactly as typed. Resolves to the engine's warnings, if any.
 */
async function sendUpdate(docker: Docker, id: string, edit: (spec: RawServiceSpec, service: RawService) => RawServiceSpec, query: Record<string, string> = {}): Promise<string[]> {
	return updateWithFreshVersion(
		() => inspectRawService(docker, id),
		async service => {
			const spec = edit(structuredClone(service.Spec ?? {}), service);
			const response = (await docker.getService(id).update({_query: {version: service.Version?.Index ?? 0, ...query}, _body: spec})) as {Warnings?: string[] | null} | undefined;
			return response?.Warnings ?? [];
		},
	);
}

export async function scaleService(docker: Docker, id: string, replicas: number): Promise<string[]> {
	return sendUpdate(docker, id, spec => withReplicas(spec, replicas));
}

/** Applies a form's changes (image, env, replicas, resources, update config) in one update. */
export async function updateService(docker: Docker, id: string, changes: ServiceChanges): Promise<string[]> {
	return sendUpdate(docker, id, spec => applyServiceChanges(spec, changes));
}

/**
 * Server-side rollback to PreviousSpec (`rollback=previous`), which uses the
 * service's RollbackConfig; the engine ignores the spec we send along. Refuse
 * first when spec-diff shows nothing to go back to.
 */
export async function rollbackService(docker: Docker, id: string): Promise<string[]> {
	return sendUpdate(docker, id, spec => spec, {rollback: 'previous'});
}

/** Replaces every task with the same spec (`docker service update --force`). */
export async function forceRestartService(docker: Docker, id: string): Promise<string[]> {
	return sendUpdate(docker, id, withForcedUpdate);
}

/**
 * Creates a service from a full spec; resolves to its id. Sent without an
 * X-Registry-Auth header: dockerode's createService(spec) would send the
 * spec itself as the registry credentials, and the engine stores those.
 */
export async function createService(docker: Docker, spec: RawServiceSpec): Promise<string> {
	return new Promise((resolve, reject) => {
		docker.modem.dial({path: '/services/create', method: 'POST', options: spec, statusCodes: {200: true, 201: true, 400: 'bad parameter', 403: 'network is not eligible for services', 409: 'name conflicts with an existing service', 500: 'server error', 503: 'node is not part of a swarm'}}, (error, data) => {
			if (error) reject(error);
			else resolve((data as {ID?: string}).ID ?? '');
		});
	});
}

export async function removeService(docker: Docker, id: string): Promise<void> {
	await docker.getService(id).remove();
}
