import type {EngineSession} from '../engine/client.js';
import {listNodes} from '../engine/swarm/nodes.js';
import {listServices} from '../engine/swarm/services.js';
import {isFinished} from '../engine/swarm/task-state.js';
import {listTasks} from '../engine/swarm/tasks.js';
import type {ServiceSummary, TaskSummary} from '../engine/swarm/types.js';
import {formatAge, formatTimestamp, shortId} from '../lib/format.js';
import {explainPending} from '../swarm/why-pending.js';
import type {Line, Token} from '../theme/tokens.js';
import type {DetailDescriptor, ResourceDescriptor} from './descriptor.js';
import {readCluster, swarmListed, swarmPollMs} from './swarm-listing.js';

/** A task as listed: with the hostname of its node. */
export interface TaskRow extends TaskSummary {
	nodeName: string;
}

interface TaskDetail {
	task: TaskRow;
	service?: ServiceSummary;
	/** Why it waits, when it is pending (empty otherwise). */
	pendingReasons: string[];
}

/** "web.2" for a replica, "web@node" for a global task, like `docker service ps`. */
export function taskName(task: TaskRow): string {
	return task.slot !== undefined ? `${task.serviceName}.${task.slot}` : `${task.serviceName}@${task.nodeName}`;
}

function stateTone(task: TaskSummary): Token {
	if (task.state === 'running') return 'status.running';
	if (task.state === 'failed' || task.state === 'rejected' || task.state === 'orphaned') return 'status.dead';
	if (task.state === 'pending' || task.state === 'assigned' || task.state === 'preparing' || task.state === 'starting') return 'status.starting';
	return 'status.exited';
}

/** Waiting for a node: the scheduler has not placed it, and still wants it to run. */
function isPending(task: TaskSummary): boolean {
	return task.desiredState === 'running' && (task.state === 'pending' || task.state === 'new' || task.state === 'allocated');
}

async function listTaskRows(session: EngineSession, signal: AbortSignal): Promise<TaskRow[]> {
	return swarmListed(session, async () => {
		const [nodes, services] = await Promise.all([listNodes(session.docker, signal), listServices(session.docker, session.apiVersion, signal)]);
		const hostnames = new Map(nodes.map(node => [node.id, node.hostname]));
		const tasks = await listTasks(session.docker, {serviceNames: new Map(services.map(service => [service.id, service.name])), signal});
		return tasks.map(task => {
			const nodeName = task.nodeId ? (hostnames.get(task.nodeId) ?? shortId(task.nodeId)) : '';
			return {...task, nodeName, rev: `${task.rev}:${nodeName}`};
		});
	});
}

function field(label: string, value: string, tone?: Token): Line {
	return [{text: label.padEnd(16), tone: 'muted'}, {text: value || '-', tone}];
}

const taskDetail: DetailDescriptor<TaskDetail> = {
	load: async (session, id) => {
		const cluster = await readCluster(session);
		const found = cluster.tasks.find(task => task.id === id);
		if (!found) throw new Error(`task ${shortId(id)} is gone: the engine keeps a few old tasks per slot and drops the rest`);
		const nodeName = found.nodeId ? (cluster.nodes.find(node => node.id === found.nodeId)?.hostname ?? shortId(found.nodeId)) : '';
		const task: TaskRow = {...found, nodeName};
		const service = cluster.services.find(each => each.id === task.serviceId);
		const pendingReasons = isPending(task) && service ? explainPending(task, service, cluster.nodes, cluster.tasks) : [];
		return {task, service, pendingReasons};
	},
	tabs: [
		{
			id: 'summary',
			title: 'Summary',
			lines: ({task, service, pendingReasons}) => [
				field('Task', taskName(task), 'title'),
				field('ID', task.id),
				field('Service', service ? `${service.name} (${service.mode}, ${service.running}/${service.desired})` : task.serviceName),
				field('Node', task.nodeName || '(not placed yet)'),
				field('State', `${task.state} (desired: ${task.desiredState})`, stateTone(task)),
				field('Since', `${formatTimestamp(task.timestamp)} (${formatAge(task.timestamp)})`),
				field('Message', task.message),
				...(task.error ? [field('Error', task.error, 'message.error')] : []),
				...(task.exitCode !== undefined ? [field('Exit code', String(task.exitCode), task.exitCode === 0 ? undefined : 'message.error')] : []),
				field('Image', task.image),
				field('Container', task.containerId ? shortId(task.containerId) : '-'),
				...(service && service.constraints.length > 0 ? [field('Constraints', service.constraints.join(', '))] : []),
				...(pendingReasons.length > 0 ? [[] as Line, [{text: 'Why pending', tone: 'title'}] as Line, ...pendingReasons.map((reason): Line => [{text: `  • ${reason}`, tone: 'status.unhealthy'}])] : []),
			],
		},
	],
};

export const tasksResource: ResourceDescriptor<TaskRow, TaskDetail> = {
	kind: 'tasks',
	title: 'Tasks',
	aliases: ['tasks', 'ta'],
	list: listTaskRows,
	columns: [
		{id: 'name', title: 'NAME', width: {min: 10, flex: 2, fit: 36}, value: taskName, sortKey: 'N', sortValue: task => `${task.serviceName}\u0000${String(task.slot ?? 0).padStart(6, '0')}`},
		{id: 'node', title: 'NODE', width: {min: 8, flex: 1, fit: 24}, value: task => task.nodeName, sortKey: 'O', sortValue: task => task.nodeName},
		{id: 'desired', title: 'DESIRED', width: 8, value: task => task.desiredState, tone: task => (task.desiredState === 'running' ? undefined : 'muted'), sortKey: 'D', sortValue: task => task.desiredState},
		{id: 'state', title: 'STATE', width: 10, value: task => task.state, tone: stateTone, sortKey: 'S', sortValue: task => task.state},
		{id: 'age', title: 'SINCE', width: 10, align: 'right', value: task => formatAge(task.timestamp), tone: () => 'muted', sortKey: 'A', sortValue: task => task.timestamp},
		{id: 'error', title: 'ERROR / MESSAGE', width: {min: 12, flex: 3}, value: task => task.error ?? (isFinished(task.state) || task.state === 'running' ? '' : task.message), tone: task => (task.error ? 'message.error' : 'muted'), dropPriority: 1},
		{id: 'id', title: 'ID', width: 12, value: task => shortId(task.id), tone: () => 'muted', dropPriority: 2},
	],
	// Current tasks first within each service (the engine keeps finished ones as history).
	// Task states change on every node, but only the node running a task tells of it (as container events): poll.
	pollIntervalMs: swarmPollMs,
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: task => `${taskName(task)} ${task.nodeName} ${task.state} ${task.desiredState} ${task.error ?? ''} ${task.message} ${task.id.slice(0, 12)}`,
	label: taskName,
	actions: [],
	detail: taskDetail,
	inScope: (task, key, value) => (key === 'service' ? task.serviceId === value : key === 'node' ? task.nodeId === value : false),
};
