import type Docker from 'dockerode';
import {compareText, epochMs, fingerprint, toResources} from './fields.js';
import type {RawTask} from './raw.js';
import {isFinished} from './task-state.js';
import type {TaskState, TaskSummary} from './types.js';

const taskStates = new Set<string>([
	'new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting', 'running',
	'complete', 'shutdown', 'failed', 'rejected', 'remove', 'orphaned',
]);

function toTaskState(raw: string | undefined): TaskState {
	return (taskStates.has(raw ?? '') ? raw : 'new') as TaskState;
}

/** `serviceNames` maps service id -> name; without an entry the id stands in. */
export function toTaskSummary(json: RawTask, serviceNames?: ReadonlyMap<string, string>): TaskSummary {
	const status = json.Status ?? {};
	const serviceId = json.ServiceID ?? '';
	const fields = {
		id: json.ID,
		serviceId,
		serviceName: serviceNames?.get(serviceId) ?? serviceId,
		...(json.Slot ? {slot: json.Slot} : {}),
		...(json.NodeID ? {nodeId: json.NodeID} : {}),
		desiredState: toTaskState(json.DesiredState),
		state: toTaskState(status.State),
		message: status.Message ?? '',
		...(status.Err ? {error: status.Err} : {}),
		timestamp: epochMs(status.Timestamp),
		...(status.ContainerStatus?.ContainerID ? {containerId: status.ContainerStatus.ContainerID} : {}),
		// Only a finished task has a meaningful exit code; a running one reports 0.
		...(status.ContainerStatus?.ExitCode !== undefined && isFinished(toTaskState(status.State)) ? {exitCode: status.ContainerStatus.ExitCode} : {}),
		image: json.Spec?.ContainerSpec?.Image ?? '',
		reservations: toResources(json.Spec?.Resources?.Reservations),
		versionIndex: json.Version?.Index ?? 0,
	};
	return {...fields, rev: fingerprint(fields)};
}

export interface TaskListOptions {
	/** Only the tasks of this service (id or name). */
	service?: string;
	/** Only the tasks on this node (id or hostname). */
	node?: string;
	/** e.g. "running" for the tasks the orchestrator still wants. */
	desiredState?: 'running' | 'shutdown' | 'accepted';
	/** Service id -> name for the serviceName column. */
	serviceNames?: ReadonlyMap<string, string>;
	signal?: AbortSignal;
}

export async function listRawTasks(docker: Docker, options: Omit<TaskListOptions, 'serviceNames'> = {}): Promise<RawTask[]> {
	const filters: Record<string, string[]> = {};
	if (options.service) filters['service'] = [options.service];
	if (options.node) filters['node'] = [options.node];
	if (options.desiredState) filters['desired-state'] = [options.desiredState];
	return (await docker.listTasks({filters, abortSignal: options.signal})) as RawTask[];
}

/** Tasks by service name, then slot, newest first within a slot (like `docker service ps`). */
export async function listTasks(docker: Docker, options: TaskListOptions = {}): Promise<TaskSummary[]> {
	const tasks = (await listRawTasks(docker, options)).map(task => toTaskSummary(task, options.serviceNames));
	return tasks.sort((a, b) =>
		compareText(a.serviceName, b.serviceName)
		|| (a.slot ?? 0) - (b.slot ?? 0)
		|| compareText(a.nodeId ?? '', b.nodeId ?? '')
		|| b.timestamp - a.timestamp);
}
