import type {EngineSession} from '../engine/client.js';
import {listServices} from '../engine/swarm/services.js';
import {listStackObjects, removeStackObjects, type StackObjects} from '../engine/swarm/stack-objects.js';
import {toStacks} from '../engine/swarm/stacks.js';
import type {StackSummary} from '../engine/swarm/types.js';
import type {ResourceDescriptor} from './descriptor.js';
import {swarmListed, swarmPollMs} from './swarm-listing.js';

function whatGoes(objects: StackObjects): string {
	const part = (title: string, items: {name: string}[]) => (items.length > 0 ? `${items.length} ${title}: ${items.map(item => item.name).join(', ')}` : undefined);
	return [part('services', objects.services), part('networks', objects.networks), part('secrets', objects.secrets), part('configs', objects.configs)].filter(Boolean).join('\n');
}

export const stacksResource: ResourceDescriptor<StackSummary> = {
	kind: 'stacks',
	title: 'Stacks',
	aliases: ['stacks', 'st', 'stack'],
	list: (session, signal) => swarmListed(session, async () => toStacks(await listServices(session.docker, session.apiVersion, signal))),
	columns: [
		{id: 'name', title: 'NAME', width: {min: 10, flex: 1, fit: 30}, value: stack => stack.name, sortKey: 'N', sortValue: stack => stack.name},
		{id: 'services', title: 'SERVICES', width: 8, align: 'right', value: stack => String(stack.services.length), sortKey: 'S', sortValue: stack => stack.services.length},
		{
			id: 'tasks',
			title: 'TASKS',
			width: 8,
			align: 'right',
			value: stack => `${stack.running}/${stack.desired}`,
			tone: stack => (stack.running === 0 && stack.desired > 0 ? 'status.dead' : stack.running < stack.desired ? 'status.unhealthy' : 'status.running'),
			sortKey: 'T',
			sortValue: stack => stack.desired - stack.running,
		},
		{id: 'names', title: 'SERVICE NAMES', width: {min: 10, flex: 3}, value: stack => stack.services.join(' '), tone: () => 'muted', dropPriority: 1},
	],
	// Task states change on every node, but only the node running a task tells of it (as container events): poll.
	pollIntervalMs: swarmPollMs,
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: stack => `${stack.name} ${stack.services.join(' ')}`,
	label: stack => stack.name,
	actions: [
		{
			id: 'stack.remove',
			keys: ['d'],
			description: 'remove the stack: its services, networks, secrets and configs (lists them first)',
			dangerous: true,
			plan: stack => ({
				loading: `reading what belongs to stack ${stack.name}…`,
				load: async session => {
					const objects = await listStackObjects(session.docker, stack.name);
					return {
						confirm: `Remove stack ${stack.name}? This goes:\n${whatGoes(objects)}`,
						confirmLabel: 'remove',
						run: (s: EngineSession) => removeStackObjects(s.docker, objects),
						done: `removed stack ${stack.name}`,
					};
				},
			}),
		},
	],
	logs: stack => ({title: `logs of stack ${stack.name} (${stack.services.length} services, prefixed service.slot@node)`, sources: stack.services.map(name => ({id: name, service: true}))}),
	drillDown: {kind: 'services', scopeKey: 'stack', value: stack => stack.name, title: stack => `stack ${stack.name}`},
};
