import type Docker from 'dockerode';
import {splitTimestamp} from '../log-demux.js';
import {openLogs, pumpLogs, type LogLine, type LogQuery} from '../logs.js';
import {listNodes} from './nodes.js';
import {listTasks} from './tasks.js';

/**
 * Each line of GET /services/{id}/logs?details=true starts with the swarm's
 * details, "com.docker.swarm.node.id=…,com.docker.swarm.service.id=…,
 * com.docker.swarm.task.id=…", then a space and the line itself.
 */
export function splitDetails(text: string): {details: Record<string, string>; text: string} {
	if (!text.startsWith('com.docker.swarm.')) return {details: {}, text};
	const space = text.indexOf(' ');
	const head = space === -1 ? text : text.slice(0, space);
	const details: Record<string, string> = {};
	for (const pair of head.split(',')) {
		const equals = pair.indexOf('=');
		if (equals > 0) details[pair.slice(0, equals)] = pair.slice(equals + 1);
	}
	return {details, text: space === -1 ? '' : text.slice(space + 1)};
}

/**
 * Names tasks "service.slot@node" (global tasks "service@node") for the
 * prefix of merged service logs. The names are read once, and again (at most
 * every 2 s) when a line comes from a task not seen yet: a scale or update
 * makes new tasks while the logs follow.
 */
export class TaskLabels {
	private labels = new Map<string, string>();
	private reading: Promise<void> | undefined;
	private readAt = 0;

	constructor(private readonly docker: Docker) {}

	async load(): Promise<void> {
		const [services, nodes] = await Promise.all([this.docker.listServices() as Promise<{ID: string; Spec?: {Name?: string}}[]>, listNodes(this.docker)]);
		const tasks = await listTasks(this.docker, {serviceNames: new Map(services.map(service => [service.ID, service.Spec?.Name ?? service.ID]))});
		const hostnames = new Map(nodes.map(node => [node.id, node.hostname]));
		this.labels = new Map(
			tasks.map(task => {
				const host = task.nodeId ? (hostnames.get(task.nodeId) ?? task.nodeId.slice(0, 12)) : '?';
				return [task.id, `${task.serviceName}${task.slot !== undefined ? `.${task.slot}` : ''}@${host}`];
			}),
		);
		this.readAt = Date.now();
	}

	/** The label, or the short task id while a re-read is on its way. */
	labelFor(taskId: string | undefined, fallback: string): string {
		if (!taskId) return fallback;
		const known = this.labels.get(taskId);
		if (known) return known;
		if (!this.reading && Date.now() - this.readAt > 2000) this.reading = this.load().catch(() => {}).finally(() => (this.reading = undefined));
		return `${fallback}@${taskId.slice(0, 8)}`;
	}
}

/**
 * Streams the merged logs of every task of a service (from every node, as
 * the manager gathers them), each line labelled with its task. Ends when the
 * stream ends or `signal` aborts; lines come in batches, one per chunk.
 */
export async function streamServiceLogs(docker: Docker, service: string, query: LogQuery, signal: AbortSignal, onLines: (lines: LogLine[]) => void): Promise<void> {
	const handle = docker.getService(service);
	const spec = (await handle.inspect()) as {Spec?: {Name?: string; TaskTemplate?: {ContainerSpec?: {TTY?: boolean}}}};
	const name = spec.Spec?.Name ?? service;
	const labels = new TaskLabels(docker);
	await labels.load();
	const result = await openLogs(docker, `/services/${encodeURIComponent(service)}/logs`, query, signal, options => handle.logs(options as Parameters<typeof handle.logs>[0]), {details: true});
	await pumpLogs(result, signal, onLines, Boolean(spec.Spec?.TaskTemplate?.ContainerSpec?.TTY), (stream, raw, time, batch) => {
		const stamped = time === undefined ? splitTimestamp(raw) : {time, text: raw};
		const {details, text} = splitDetails(stamped.text);
		batch.push({stream, time: stamped.time, text, source: labels.labelFor(details['com.docker.swarm.task.id'], name)});
	});
}
