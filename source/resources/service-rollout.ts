import type {EngineSession} from '../engine/client.js';
import {listNodes} from '../engine/swarm/nodes.js';
import {inspectRawService, toServiceSummary} from '../engine/swarm/services.js';
import {listTasks} from '../engine/swarm/tasks.js';
import type {ServiceSummary, TaskSummary} from '../engine/swarm/types.js';
import {formatAge, shortId} from '../lib/format.js';
import type {Line, Token} from '../theme/tokens.js';

export interface RolloutState {
	service: ServiceSummary;
	tasks: readonly TaskSummary[];
	hostnames: ReadonlyMap<string, string>;
	/** Epoch ms the engine says the update started, if one ran. */
	startedAt?: number;
}

/** What the rollout view needs, read fresh: the service, its tasks, the node names. */
export async function loadRollout(session: EngineSession, serviceId: string): Promise<RolloutState> {
	const [raw, tasks, nodes] = await Promise.all([inspectRawService(session.docker, serviceId), listTasks(session.docker, {service: serviceId}), listNodes(session.docker)]);
	const started = raw.UpdateStatus?.StartedAt ? Date.parse(raw.UpdateStatus.StartedAt) : undefined;
	// Inspect carries no task counts: count the running ones here.
	const running = tasks.filter(task => task.desiredState === 'running' && task.state === 'running').length;
	const service = {...toServiceSummary(raw), running};
	return {
		service,
		tasks: tasks.map(task => ({...task, serviceName: service.name})),
		hostnames: new Map(nodes.map(node => [node.id, node.hostname])),
		startedAt: started !== undefined && Number.isFinite(started) ? started : undefined,
	};
}

function stateTone(task: TaskSummary): Token {
	if (task.state === 'running') return 'status.running';
	if (task.state === 'failed' || task.state === 'rejected') return 'status.dead';
	if (task.desiredState === 'running') return 'status.starting';
	return 'muted';
}

function taskText(task: TaskSummary | undefined, hostnames: ReadonlyMap<string, string>): string {
	if (!task) return '(none)';
	const node = task.nodeId ? (hostnames.get(task.nodeId) ?? shortId(task.nodeId)) : 'unplaced';
	return `${shortId(task.id).slice(0, 8)} on ${node}: ${task.state}${task.error ? ` (${task.error})` : ''}`;
}

const outcomes: Readonly<Record<string, string>> = {
	updating: 'update in progress',
	paused: 'update PAUSED: a task failed and the failure action is pause (b rolls back, r retries)',
	completed: 'update completed',
	rollback_started: 'rolling back to the previous spec',
	rollback_paused: 'rollback PAUSED',
	rollback_completed: 'rolled back to the previous spec',
};

/**
 * One line per replica slot (per node for global services): the task the
 * slot had before the newest change, an arrow, and the task now meant to run,
 * each with its state; above them the update's state and the engine's message.
 */
export function rolloutLines(state: RolloutState, now = Date.now()): Line[] {
	const {service, tasks, hostnames} = state;
	const update = service.updateStatus;
	const head: Line[] = [
		[{text: `${service.name}  `, tone: 'title'}, {text: `${service.running}/${service.desired} running · image ${service.image}`, tone: 'muted'}],
		update
			? [{text: `${outcomes[update.state] ?? update.state}`, tone: update.state.includes('paused') ? 'message.error' : update.state === 'completed' || update.state === 'rollback_completed' ? 'message.success' : 'status.starting'}, {text: `${update.message && update.message !== outcomes[update.state] ? ` — ${update.message}` : ''}${state.startedAt ? ` (started ${formatAge(state.startedAt, now)})` : ''}`, tone: 'muted'}]
			: [{text: 'no update has run on this service yet (its tasks are shown as they are)', tone: 'muted'}],
		[],
	];
	const slots = new Map<string, TaskSummary[]>();
	for (const task of tasks) {
		const key = task.slot !== undefined ? `slot ${task.slot}` : `node ${task.nodeId ? (hostnames.get(task.nodeId) ?? shortId(task.nodeId)) : '?'}`;
		slots.set(key, [...(slots.get(key) ?? []), task]);
	}
	const rows = [...slots.entries()].sort(([a], [b]) => a.localeCompare(b, undefined, {numeric: true}));
	const body = rows.map(([slot, slotTasks]): Line => {
		const newestFirst = [...slotTasks].sort((a, b) => b.timestamp - a.timestamp);
		const current = newestFirst.find(task => task.desiredState === 'running') ?? newestFirst[0];
		const previous = newestFirst.find(task => task !== current);
		return [
			{text: slot.padEnd(12), tone: 'muted'},
			{text: taskText(previous, hostnames).padEnd(44), tone: previous ? stateTone(previous) : 'muted'},
			{text: ' → ', tone: 'muted'},
			{text: taskText(current, hostnames), tone: current ? stateTone(current) : 'muted'},
		];
	});
	return [...head, ...body, [], [{text: 'read every 1.5 s · old task → the task now meant to run, per slot', tone: 'muted'}]];
}
