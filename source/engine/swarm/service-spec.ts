/**
 * Pure edits of a service spec. Each takes the spec the engine returned and
 * gives back a modified copy with everything else untouched: an update sends
 * the whole spec, so a field we drop here would be reset on the service.
 */
import type {RawServiceSpec, RawTaskSpec, RawUpdateConfig} from './raw.js';
import {serviceMode} from './services.js';

/** Resource amounts to set; undefined leaves the current value, 0 removes it. */
export interface ResourceChange {
	/** CPUs, e.g. 0.5 (sent as NanoCPUs). */
	cpus?: number;
	memoryBytes?: number;
}

export interface UpdateConfigChange {
	/** Tasks updated at once; 0 = all at once. */
	parallelism?: number;
	/** Wait between batches, nanoseconds. */
	delayNs?: number;
	failureAction?: 'pause' | 'continue' | 'rollback';
	order?: 'stop-first' | 'start-first';
}

/** What a service update form can change. Every field is optional. */
export interface ServiceChanges {
	/** New image reference, sent as typed (no registry lookup pins a digest). */
	image?: string;
	/** Variables to set: a name already present gets the new value, others are appended. */
	envSet?: Record<string, string>;
	/** Variable names to remove. */
	envRemove?: string[];
	replicas?: number;
	limits?: ResourceChange;
	reservations?: ResourceChange;
	updateConfig?: UpdateConfigChange;
}

/** A change the service cannot take (checked before anything is sent). */
export class ServiceChangeError extends Error {
	override name = 'ServiceChangeError';
}

function envName(entry: string): string {
	const equals = entry.indexOf('=');
	return equals === -1 ? entry : entry.slice(0, equals);
}

/** Env edits in the order `docker service update --env-rm/--env-add` applies them. */
export function editEnv(env: readonly string[], set: Record<string, string> = {}, remove: readonly string[] = []): string[] {
	const removed = new Set(remove);
	const result = env.filter(entry => !removed.has(envName(entry)));
	for (const [name, value] of Object.entries(set)) {
		const entry = `${name}=${value}`;
		const at = result.findIndex(existing => envName(existing) === name);
		if (at === -1) result.push(entry);
		else result[at] = entry;
	}
	return result;
}

function editResources(current: {NanoCPUs?: number; MemoryBytes?: number} | undefined, change: ResourceChange | undefined) {
	const next = {...current};
	if (change?.cpus !== undefined) {
		if (change.cpus === 0) delete next.NanoCPUs;
		else next.NanoCPUs = Math.round(change.cpus * 1e9);
	}
	if (change?.memoryBytes !== undefined) {
		if (change.memoryBytes === 0) delete next.MemoryBytes;
		else next.MemoryBytes = Math.round(change.memoryBytes);
	}
	return next;
}

function editUpdateConfig(current: RawUpdateConfig | undefined, change: UpdateConfigChange): RawUpdateConfig {
	return {
		...current,
		...(change.parallelism === undefined ? {} : {Parallelism: change.parallelism}),
		...(change.delayNs === undefined ? {} : {Delay: change.delayNs}),
		...(change.failureAction === undefined ? {} : {FailureAction: change.failureAction}),
		...(change.order === undefined ? {} : {Order: change.order}),
	};
}

export function withReplicas(spec: RawServiceSpec, replicas: number): RawServiceSpec {
	const mode = serviceMode(spec);
	if (mode !== 'replicated') throw new ServiceChangeError(`cannot scale ${spec.Name ?? 'this service'}: it is a ${mode} service, which runs one task per eligible node; only replicated services have a replica count`);
	if (!Number.isInteger(replicas) || replicas < 0) throw new ServiceChangeError(`replicas must be a whole number of 0 or more, not ${replicas}`);
	return {...spec, Mode: {...spec.Mode, Replicated: {...spec.Mode?.Replicated, Replicas: replicas}}};
}

export function applyServiceChanges(spec: RawServiceSpec, changes: ServiceChanges): RawServiceSpec {
	let next: RawServiceSpec = spec;
	if (changes.replicas !== undefined) next = withReplicas(next, changes.replicas);
	const template: RawTaskSpec = {...next.TaskTemplate};
	const container = {...template.ContainerSpec};
	if (changes.image !== undefined) container.Image = changes.image;
	if (changes.envSet !== undefined || changes.envRemove !== undefined) {
		const env = editEnv(container.Env ?? [], changes.envSet, changes.envRemove);
		if (env.length > 0) container.Env = env;
		else delete container.Env;
	}
	template.ContainerSpec = container;
	if (changes.limits !== undefined || changes.reservations !== undefined) {
		template.Resources = {
			...template.Resources,
			Limits: editResources(template.Resources?.Limits, changes.limits),
			Reservations: editResources(template.Resources?.Reservations, changes.reservations),
		};
	}
	next = {...next, TaskTemplate: template};
	if (changes.updateConfig !== undefined) next = {...next, UpdateConfig: editUpdateConfig(next.UpdateConfig, changes.updateConfig)};
	return next;
}

/**
 * Bumps TaskTemplate.ForceUpdate, which makes the orchestrator replace every
 * task even though nothing else changed (`docker service update --force`).
 */
export function withForcedUpdate(spec: RawServiceSpec): RawServiceSpec {
	const template = spec.TaskTemplate ?? {};
	return {...spec, TaskTemplate: {...template, ForceUpdate: (template.ForceUpdate ?? 0) + 1}};
}
