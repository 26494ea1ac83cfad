/**
 * What `POST /containers/prune` removes (moby daemon/prune.go): every
 * container that is not running, i.e. created, exited and dead ones. Paused
 * and restarting containers count as running there; one being removed
 * already fails its removal and stays out of the report. Then `until`
 * (created before) and the label filters.
 */
import {matchLabels, parseUntil} from './filters.js';
import type {ContainerPruneOptions, KeptItem, PlanItem, PruneContainer, PrunePlan} from './types.js';

const prunableStates = new Set(['created', 'exited', 'dead']);

export function planContainerPrune(containers: PruneContainer[], options: ContainerPruneOptions, now: number): PrunePlan {
	const until = options.until === undefined ? undefined : parseUntil(options.until, now);
	const items: PlanItem[] = [];
	const kept: KeptItem[] = [];
	for (const container of containers) {
		const reason = !prunableStates.has(container.state)
			? container.state
			: until !== undefined && container.createdAt > until
				? 'created after the until time'
				: matchLabels(options, container.labels) ? undefined : 'labels do not match';
		if (reason === undefined) items.push({id: container.id, name: container.name, size: container.sizeRw ?? -1});
		else kept.push({id: container.id, name: container.name, reason});
	}

	const known = items.every(item => item.size >= 0);
	return {
		kind: 'containers',
		items,
		untag: [],
		kept,
		freed: items.reduce((sum, item) => sum + Math.max(0, item.size), 0),
		freedExact: known,
		notes: [],
		known: containers.map(container => container.id),
	};
}
