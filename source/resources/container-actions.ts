import {runContainerAction} from '../engine/containers.js';
import type {ContainerAction, ContainerSummary} from '../engine/types.js';
import {shortId} from '../lib/format.js';
import type {ActionDef, ActionPlan} from './descriptor.js';

function describe(item: ContainerSummary): string {
	return `container ${item.name} (${shortId(item.id)})`;
}

function plan(item: ContainerSummary, action: ContainerAction, done: string, confirm?: string, confirmLabel?: string): ActionPlan {
	return {confirm, confirmLabel, done, run: session => runContainerAction(session.docker, item.id, action)};
}

const stoppable = new Set(['running', 'paused', 'restarting']);

export const containerActions: readonly ActionDef<ContainerSummary>[] = [
	{
		id: 'container.start',
		keys: ['u'],
		description: 'start the container',
		hint: 'start',
		plan: item =>
			item.state === 'running' || item.state === 'restarting'
				? {refused: `${item.name} is already ${item.state}`}
				: item.state === 'paused'
					? {refused: `${item.name} is paused: press p to unpause it`}
					: plan(item, 'start', `started ${item.name}`),
	},
	{
		id: 'container.stop',
		keys: ['s'],
		description: 'stop the container (SIGTERM, then SIGKILL after its stop timeout)',
		hint: 'stop',
		plan: item =>
			stoppable.has(item.state)
				? plan(item, 'stop', `stopped ${item.name}`, `Stop ${describe(item)}?`, 'stop')
				: {refused: `${item.name} is not running (${item.state})`},
	},
	{
		id: 'container.restart',
		keys: ['r'],
		description: 'restart the container',
		hint: 'restart',
		plan: item => plan(item, 'restart', `restarted ${item.name}`, `Restart ${describe(item)}?`, 'restart'),
	},
	{
		id: 'container.pause',
		keys: ['p'],
		description: 'pause a running container, unpause a paused one',
		hint: 'pause',
		plan: item =>
			item.state === 'paused'
				? plan(item, 'unpause', `unpaused ${item.name}`)
				: item.state === 'running'
					? plan(item, 'pause', `paused ${item.name}`)
					: {refused: `${item.name} is ${item.state}: only a running container can be paused`},
	},
	{
		id: 'container.kill',
		keys: ['ctrl+k'],
		description: 'kill the container (SIGKILL)',
		dangerous: true,
		plan: item =>
			stoppable.has(item.state)
				? plan(item, 'kill', `killed ${item.name}`, `Kill ${describe(item)} with SIGKILL? Its processes get no chance to clean up.`, 'kill')
				: {refused: `${item.name} is not running (${item.state})`},
	},
	{
		id: 'container.remove',
		keys: ['d'],
		description: 'remove the container (a running one asks for force)',
		dangerous: true,
		hint: 'remove',
		plan: item =>
			stoppable.has(item.state)
				? plan(
						item,
						'forceRemove',
						`removed ${item.name}`,
						`${describe(item)} is ${item.state}. Force-remove it? It is killed, then removed with its anonymous volumes kept.`,
						'force remove',
					)
				: plan(item, 'remove', `removed ${item.name}`, `Remove ${describe(item)}?`, 'remove'),
	},
];
