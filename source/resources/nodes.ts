import type {EngineSession} from '../engine/client.js';
import {editNodeLabels, setNodeAvailability, setNodeRole} from '../engine/swarm/node-actions.js';
import {listNodes} from '../engine/swarm/nodes.js';
import {listRawTasks} from '../engine/swarm/tasks.js';
import type {NodeAvailability, NodeSummary} from '../engine/swarm/types.js';
import {formatBytes, shortId} from '../lib/format.js';
import {previewAvailability} from '../swarm/drain-preview.js';
import {formatCpus} from '../swarm/placement.js';
import {demoteWarning, promoteNote} from '../swarm/quorum.js';
import {validateNodeLabel} from '../swarm/validate.js';
import type {Token} from '../theme/tokens.js';
import type {ActionDef, ResourceDescriptor} from './descriptor.js';
import {readCluster, swarmListed, swarmPollMs} from './swarm-listing.js';

/** A node as the pane lists it: with the number of tasks running on it. */
export interface NodeRow extends NodeSummary {
	tasksRunning: number;
}

function stateTone(node: NodeRow): Token {
	if (node.state !== 'ready') return 'status.dead';
	if (node.availability === 'drain') return 'status.exited';
	if (node.availability === 'pause') return 'status.paused';
	return 'status.running';
}

function roleText(node: NodeSummary): string {
	return node.role === 'manager' ? `manager (${node.managerStatus ?? '?'})` : 'worker';
}

function labelsText(labels: Record<string, string>): string {
	return Object.entries(labels)
		.map(([key, value]) => (value ? `${key}=${value}` : key))
		.join(' ');
}

async function listNodeRows(session: EngineSession, signal: AbortSignal): Promise<NodeRow[]> {
	return swarmListed(session, async () => {
		const [nodes, tasks] = await Promise.all([listNodes(session.docker, signal), listRawTasks(session.docker, {desiredState: 'running', signal})]);
		const running = new Map<string, number>();
		for (const task of tasks) if (task.NodeID && task.Status?.State === 'running') running.set(task.NodeID, (running.get(task.NodeID) ?? 0) + 1);
		return nodes.map(node => {
			const tasksRunning = running.get(node.id) ?? 0;
			return {...node, tasksRunning, rev: `${node.rev}:${tasksRunning}`};
		});
	});
}

/** Pause or drain: first read the cluster, then confirm with what will move and what will run short. */
function availabilityAction(id: string, keys: string[], target: NodeAvailability, description: string): ActionDef<NodeRow> {
	return {
		id,
		keys,
		description,
		dangerous: target === 'drain',
		plan: node => {
			if (node.availability === target) return {refused: `${node.hostname} is already ${target === 'active' ? 'active' : target === 'pause' ? 'paused' : 'drained'}`};
			const run = {run: (session: EngineSession) => setNodeAvailability(session.docker, node.id, target), done: `${node.hostname} is now ${target}`};
			if (target === 'active') return {...run, confirm: `Make ${node.hostname} active again? The scheduler may place new tasks on it (running ones elsewhere do not move back by themselves).`, confirmLabel: 'activate'};
			return {
				loading: `reading the tasks of the swarm to preview ${target === 'drain' ? 'the drain' : 'the pause'} of ${node.hostname}…`,
				load: async session => {
					const cluster = await readCluster(session);
					const current = cluster.nodes.find(each => each.id === node.id) ?? node;
					const preview = previewAvailability(current, target, cluster.tasks, cluster.services, cluster.nodes);
					return {...run, confirm: [`${target === 'drain' ? 'Drain' : 'Pause'} node ${node.hostname}?`, ...preview.lines].join('\n'), confirmLabel: target};
				},
			};
		},
	};
}

/** Promote or demote: read the managers first, to say what it does to the quorum. */
function roleAction(id: string, keys: string[], role: 'manager' | 'worker', description: string): ActionDef<NodeRow> {
	const verb = role === 'manager' ? 'Promote' : 'Demote';
	return {
		id,
		keys,
		description,
		plan: node => {
			if (node.role === role) return {refused: `${node.hostname} is already a ${role}`};
			return {
				loading: 'reading the managers…',
				load: async session => {
					const nodes = await listNodes(session.docker);
					const note = role === 'manager' ? promoteNote(nodes, node.id) : demoteWarning(nodes, node.id);
					return {
						confirm: [`${verb} ${node.hostname} to ${role}?`, note ?? ''].filter(Boolean).join('\n'),
						confirmLabel: verb.toLowerCase(),
						run: (s: EngineSession) => setNodeRole(s.docker, node.id, role),
						done: `${node.hostname} is now a ${role}`,
					};
				},
			};
		},
	};
}

const nodeActions: readonly ActionDef<NodeRow>[] = [
	availabilityAction('node.activate', ['u'], 'active', 'make the node active: it takes tasks again'),
	availabilityAction('node.pause', ['p'], 'pause', 'pause the node: it keeps its tasks but takes no new ones (previews first)'),
	{...availabilityAction('node.drain', ['D'], 'drain', 'drain the node: its tasks move to other nodes (previews which, and what runs short)'), hint: 'drain'},
	roleAction('node.promote', ['+'], 'manager', 'promote a worker to manager'),
	{...roleAction('node.demote', ['-'], 'worker', 'demote a manager to worker (warns when the quorum would suffer)'), dangerous: true},
	{
		id: 'node.labels',
		keys: ['='],
		description: 'add a node label (key=value) or remove one (-key)',
		plan: node => ({
			ask: {
				question: `label for ${node.hostname} (key=value adds, -key removes)`,
				placeholder: `e.g. tier=gold${Object.keys(node.labels).length > 0 ? `   or   -${Object.keys(node.labels)[0] ?? ''}` : ''}`,
				validate: text => {
					const trimmed = text.trim();
					if (trimmed.startsWith('-')) return trimmed.length > 1 && trimmed.slice(1) in node.labels ? undefined : `${node.hostname} has no label "${trimmed.slice(1)}" (it has: ${Object.keys(node.labels).join(', ') || 'none'})`;
					const label = validateNodeLabel(trimmed);
					return label.ok ? undefined : label.error;
				},
			},
			answer: text => {
				const trimmed = text.trim();
				if (trimmed.startsWith('-')) {
					const key = trimmed.slice(1);
					return {run: (session: EngineSession) => editNodeLabels(session.docker, node.id, {}, [key]), done: `removed label ${key} from ${node.hostname}`};
				}
				const label = validateNodeLabel(trimmed);
				if (!label.ok) return {refused: label.error};
				return {run: (session: EngineSession) => editNodeLabels(session.docker, node.id, {[label.value.key]: label.value.value}), done: `labelled ${node.hostname} ${label.value.key}=${label.value.value}`};
			},
		}),
	},
];

export const nodesResource: ResourceDescriptor<NodeRow> = {
	kind: 'nodes',
	title: 'Nodes',
	aliases: ['nodes', 'no', 'node'],
	list: listNodeRows,
	columns: [
		{id: 'hostname', title: 'HOSTNAME', width: {min: 10, flex: 2, fit: 30}, value: node => node.hostname, sortKey: 'H', sortValue: node => node.hostname},
		{id: 'id', title: 'ID', width: 12, value: node => shortId(node.id), tone: () => 'muted', dropPriority: 3},
		{id: 'role', title: 'ROLE', width: 20, value: roleText, tone: node => (node.managerStatus === 'unreachable' ? 'status.dead' : node.managerStatus === 'leader' ? 'accent' : undefined), sortKey: 'R', sortValue: roleText},
		{id: 'availability', title: 'AVAILABILITY', width: 12, value: node => node.availability, tone: stateTone, sortKey: 'A', sortValue: node => node.availability},
		{id: 'state', title: 'STATE', width: {min: 8, flex: 1, fit: 30}, value: node => (node.stateMessage && node.state !== 'ready' ? `${node.state}: ${node.stateMessage}` : node.state), tone: node => (node.state === 'ready' ? 'status.running' : 'status.dead'), sortKey: 'S', sortValue: node => node.state},
		{id: 'tasks', title: 'TASKS', width: 5, align: 'right', value: node => String(node.tasksRunning), sortKey: 'T', sortValue: node => node.tasksRunning},
		{id: 'engine', title: 'ENGINE', width: 14, value: node => node.engineVersion, dropPriority: 2, sortKey: 'E', sortValue: node => node.engineVersion},
		{id: 'cpus', title: 'CPUS', width: 7, align: 'right', value: node => formatCpus(node.cpus), dropPriority: 1, sortKey: 'C', sortValue: node => node.cpus},
		{id: 'memory', title: 'MEMORY', width: 8, align: 'right', value: node => formatBytes(node.memoryBytes), dropPriority: 1, sortKey: 'M', sortValue: node => node.memoryBytes},
		{id: 'labels', title: 'LABELS', width: {min: 8, flex: 2}, value: node => labelsText(node.labels), tone: () => 'muted', dropPriority: 2},
	],
	// Task states change on every node, but only the node running a task tells of it (as container events): poll.
	pollIntervalMs: swarmPollMs,
	defaultSort: {column: 'hostname', direction: 'asc'},
	filterText: node => `${node.hostname} ${node.role} ${node.managerStatus ?? ''} ${node.availability} ${node.state} ${labelsText(node.labels)} ${node.id.slice(0, 12)}`,
	label: node => node.hostname,
	actions: nodeActions,
	drillDown: {kind: 'tasks', scopeKey: 'node', value: node => node.id, title: node => `node ${node.hostname}`},
};
