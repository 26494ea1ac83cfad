import type {ContainerSummary} from '../engine/types.js';
import type {PaneActionDef} from './descriptor.js';
import {prunePlan} from './prune-actions.js';

/**
 * `docker container prune` through the planner, for the containers pane:
 * lists every stopped container that goes and the space it frees, then
 * reports the engine's answer against that list. Not `P` there: P sorts
 * the containers pane by project.
 */
export const containersPrune: PaneActionDef<ContainerSummary> = {
	id: 'container.prune',
	keys: ['ctrl+p'],
	description: 'prune: remove every stopped container (created, exited, dead); lists them and the space freed first, then reports what the engine removed',
	dangerous: true,
	plan: () => prunePlan({kind: 'containers', options: {}}, 'stopped containers'),
};
