import type Docker from 'dockerode';
import {compareVersions} from '../connection.js';
import {epochMs, fingerprint, toResources} from './fields.js';
import type {RawNode, RawPortConfig, RawService, RawServiceSpec, RawTask} from './raw.js';
import type {PublishedPort, SecretReference, ServiceMode, ServiceSummary, UpdateState} from './types.js';

const stackLabel = 'com.docker.stack.namespace';
/** ServiceStatus (running/desired counts in the list call) arrived in API 1.41. */
const serviceStatusApi = '1.41';

const updateStates = new Set<string>(['updating', 'paused', 'completed', 'rollback_started', 'rollback_paused', 'rollback_completed']);

export interface TaskCounts {
	running: number;
	desired: number;
}

export function serviceMode(spec: RawServiceSpec | undefined): ServiceMode {
	const mode = spec?.Mode ?? {};
	if (mode.Global) return 'global';
	if (mode.ReplicatedJob) return 'replicated-job';
	if (mode.GlobalJob) return 'global-job';
	return 'replicated';
}

/** "repo/name:tag@sha256:0123..." -> {image: "repo/name:tag", digest: "0123456789ab"}. */
export function splitImage(reference: string): {image: string; digest?: string} {
	const at = reference.indexOf('@');
	if (at === -1) return {image: reference};
	const digest = reference.slice(at + 1).replace(/^sha256:/, '').slice(0, 12);
	return {image: reference.slice(0, at), ...(digest ? {digest} : {})};
}

function toPorts(raw: RawPortConfig[] | undefined): PublishedPort[] {
	return (raw ?? []).map(port => ({
		...(port.PublishedPort ? {publishedPort: port.PublishedPort} : {}),
		targetPort: port.TargetPort ?? 0,
		protocol: port.Protocol ?? 'tcp',
		mode: port.PublishMode ?? 'ingress',
	}));
}

function references<T>(raw: T[] | undefined, id: (each: T) => string | undefined, name: (each: T) => string | undefined): SecretReference[] {
	return (raw ?? []).map(each => ({id: id(each) ?? '', name: name(each) ?? ''}));
}

/** Counts from the engine's ServiceStatus when present, else from `fallback` (see countTasks). */
export function toServiceSummary(json: RawService, fallback?: TaskCounts): ServiceSummary {
	const spec = json.Spec ?? {};
	const template = spec.TaskTemplate ?? {};
	const container = template.ContainerSpec ?? {};
	const {image, digest} = splitImage(container.Image ?? '');
	const labels = spec.Labels ?? {};
	const rawUpdate = json.UpdateStatus;
	const counts = json.ServiceStatus
		? {running: json.ServiceStatus.RunningTasks ?? 0, desired: json.ServiceStatus.DesiredTasks ?? 0}
		: fallback ?? {running: 0, desired: spec.Mode?.Replicated?.Replicas ?? 0};
	const fields = {
		id: json.ID,
		name: spec.Name ?? json.ID,
		mode: serviceMode(spec),
		desired: counts.desired,
		running: counts.running,
		image,
		...(digest ? {imageDigest: digest} : {}),
		ports: toPorts(json.Endpoint?.Ports ?? spec.EndpointSpec?.Ports),
		...(rawUpdate?.State && updateStates.has(rawUpdate.State)
			? {updateStatus: {state: rawUpdate.State as UpdateState, message: rawUpdate.Message ?? ''}}
			: {}),
		...(labels[stackLabel] ? {stack: labels[stackLabel]} : {}),
		constraints: template.Placement?.Constraints ?? [],
		maxReplicasPerNode: template.Placement?.MaxReplicas ?? 0,
		reservations: toResources(template.Resources?.Reservations),
		limits: toResources(template.Resources?.Limits),
		secrets: references(container.Secrets, each => each.SecretID, each => each.SecretName),
		configs: references(container.Configs, each => each.ConfigID, each => each.ConfigName),
		labels,
		hasPreviousSpec: json.PreviousSpec !== undefined,
		versionIndex: json.Version?.Index ?? 0,
		createdAt: epochMs(json.CreatedAt),
		updatedAt: epochMs(json.UpdatedAt),
	};
	return {...fields, rev: fingerprint(fields)};
}

/**
 * Running and desired counts per service the way the docker CLI computes them
 * for engines without ServiceStatus: running = tasks in state running on a node
 * that is not down; desired = the replica count, or for global services the
 * tasks not meant to shut down (one per eligible node).
 */
export function countTasks(services: RawService[], tasks: RawTask[], nodes: RawNode[]): Map<string, TaskCounts> {
	const downNodes = new Set(nodes.filter(node => node.Status?.State === 'down').map(node => node.ID));
	const running = new Map<string, number>();
	const notShuttingDown = new Map<string, number>();
	for (const task of tasks) {
		const service = task.ServiceID ?? '';
		if (task.Status?.State === 'running' && !downNodes.has(task.NodeID ?? '')) running.set(service, (running.get(service) ?? 0) + 1);
		if (task.DesiredState !== 'shutdown') notShuttingDown.set(service, (notShuttingDown.get(service) ?? 0) + 1);
	}
	const counts = new Map<string, TaskCounts>();
	for (const service of services) {
		const mode = serviceMode(service.Spec);
		const desired = mode === 'replicated'
			? service.Spec?.Mode?.Replicated?.Replicas ?? 0
			: mode === 'replicated-job'
				? service.Spec?.Mode?.ReplicatedJob?.TotalCompletions ?? 0
				: notShuttingDown.get(service.ID) ?? 0;
		counts.set(service.ID, {running: running.get(service.ID) ?? 0, desired});
	}
	return counts;
}

export async function listRawServices(docker: Docker, apiVersion: string, signal?: AbortSignal): Promise<RawService[]> {
	const withStatus = compareVersions(apiVersion, serviceStatusApi) >= 0;
	return (await docker.listServices({...(withStatus ? {status: true} : {}), abortSignal: signal})) as RawService[];
}

/**
 * Every service with its running/desired counts: from the list call itself on
 * API 1.41+, else counted from the task and node lists (two more calls).
 */
export async function listServices(docker: Docker, apiVersion: string, signal?: AbortSignal): Promise<ServiceSummary[]> {
	const raw = await listRawServices(docker, apiVersion, signal);
	if (raw.every(service => service.ServiceStatus)) return raw.map(service => toServiceSummary(service));
	const [tasks, nodes] = await Promise.all([
		docker.listTasks({abortSignal: signal}) as Promise<RawTask[]>,
		docker.listNodes({abortSignal: signal}) as Promise<RawNode[]>,
	]);
	const counts = countTasks(raw, tasks, nodes);
	return raw.map(service => toServiceSummary(service, counts.get(service.ID)));
}

/** The full service object (Spec, PreviousSpec, Version), for updates and the spec diff. */
export async function inspectRawService(docker: Docker, id: string): Promise<RawService> {
	return (await docker.getService(id).inspect()) as RawService;
}
