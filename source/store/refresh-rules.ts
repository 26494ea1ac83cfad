import type {EngineEvent} from '../engine/types.js';
import type {Kind} from './snapshot.js';

/**
 * Which lists an engine event makes stale. One row per event type; actions
 * not named under a type refresh nothing (exec_start, top, attach... change no
 * list). A kind that no pane watches is skipped by the store anyway.
 */
export const refreshRules: Readonly<Record<string, {actions: readonly string[] | 'all'; kinds: readonly Kind[]}>> = {
	container: {
		actions: ['create', 'start', 'stop', 'die', 'kill', 'pause', 'unpause', 'restart', 'destroy', 'rename', 'update', 'health_status', 'oom', 'attach', 'detach'],
		kinds: ['containers', 'projects'],
	},
	image: {actions: ['pull', 'push', 'tag', 'untag', 'delete', 'import', 'load', 'save'], kinds: ['images']},
	volume: {actions: ['create', 'destroy', 'mount', 'unmount', 'prune'], kinds: ['volumes']},
	network: {actions: ['create', 'destroy', 'connect', 'disconnect', 'remove', 'prune'], kinds: ['networks', 'containers']},
	node: {actions: 'all', kinds: ['nodes']},
	service: {actions: 'all', kinds: ['services', 'tasks', 'stacks']},
	secret: {actions: 'all', kinds: ['secrets']},
	config: {actions: 'all', kinds: ['configs']},
	daemon: {actions: 'all', kinds: []},
};

/** Container create/destroy also changes which images are in use. */
const alsoInUse: Readonly<Record<string, readonly Kind[]>> = {
	'container:create': ['images', 'volumes'],
	'container:destroy': ['images', 'volumes'],
};

export function kindsToRefresh(event: EngineEvent): readonly Kind[] {
	const rule = refreshRules[event.type];
	if (!rule) return [];
	// "health_status: healthy" and "exec_start: sh" carry detail after the colon.
	const action = event.action.split(':')[0]?.trim() ?? '';
	if (rule.actions !== 'all' && !rule.actions.includes(action)) return [];
	const extra = alsoInUse[`${event.type}:${action}`] ?? [];
	return extra.length === 0 ? rule.kinds : [...rule.kinds, ...extra];
}
