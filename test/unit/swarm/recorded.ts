/**
 * The Swarm JSON recorded from a real 3-node cluster by
 * test/fixtures/recorded/swarm/record.sh, mapped through the engine layer's
 * own mappers. Scenes: "active" (every node active) and "drained" (the same
 * swarm after draining dockdeck-n2, settled).
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {toNodeSummary} from '../../../source/engine/swarm/nodes.js';
import type {RawNode, RawService, RawTask} from '../../../source/engine/swarm/raw.js';
import {toServiceSummary} from '../../../source/engine/swarm/services.js';
import {toTaskSummary} from '../../../source/engine/swarm/tasks.js';
import type {NodeSummary, ServiceSummary, TaskSummary} from '../../../source/engine/swarm/types.js';

const folder = join(import.meta.dirname, '../../fixtures/recorded/swarm');

export function recorded<T>(file: string): T {
	return JSON.parse(readFileSync(join(folder, file), 'utf8')) as T;
}

export interface Scene {
	raw: {nodes: RawNode[]; services: RawService[]; tasks: RawTask[]};
	nodes: NodeSummary[];
	services: ServiceSummary[];
	tasks: TaskSummary[];
	node(hostname: string): NodeSummary;
	service(name: string): ServiceSummary;
	/** Tasks of the named service that hold a node or wait for one (desired state running). */
	wanted(name: string): TaskSummary[];
	hostnameOf(nodeId: string | undefined): string | undefined;
}

export function scene(name: 'active' | 'drained'): Scene {
	const raw = {
		nodes: recorded<RawNode[]>(`${name}/nodes.json`),
		services: recorded<RawService[]>(`${name}/services.json`),
		tasks: recorded<RawTask[]>(`${name}/tasks.json`),
	};
	const services = raw.services.map(service => toServiceSummary(service));
	const names = new Map(services.map(service => [service.id, service.name]));
	const nodes = raw.nodes.map(toNodeSummary);
	const tasks = raw.tasks.map(task => toTaskSummary(task, names));
	const find = <T>(list: T[], test: (each: T) => boolean, what: string): T => {
		const found = list.find(test);
		if (found === undefined) throw new Error(`the ${name} scene has no ${what}`);
		return found;
	};
	return {
		raw,
		nodes,
		services,
		tasks,
		node: hostname => find(nodes, node => node.hostname === hostname, `node ${hostname}`),
		service: serviceName => find(services, service => service.name === serviceName, `service ${serviceName}`),
		wanted: serviceName => tasks.filter(task => task.serviceName === serviceName && task.desiredState === 'running'),
		hostnameOf: nodeId => nodes.find(node => node.id === nodeId)?.hostname,
	};
}
