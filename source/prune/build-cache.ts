/**
 * An estimate of what `POST /build/prune` removes, from `system df`'s build
 * cache records: BuildKit keeps records in use, and without `all` also
 * shared, internal and frontend ones. The engine's report is the word that
 * counts; compare() shows any difference.
 */
import {parseUntil} from './filters.js';
import type {BuildCachePruneOptions, KeptItem, PlanItem, PruneBuildRecord, PrunePlan} from './types.js';

const keptWithoutAll = new Set(['internal', 'frontend']);

export function planBuildCachePrune(records: PruneBuildRecord[], options: BuildCachePruneOptions, now: number): PrunePlan {
	const until = options.until === undefined ? undefined : parseUntil(options.until, now);
	const items: PlanItem[] = [];
	const kept: KeptItem[] = [];
	for (const record of records) {
		const reason = record.inUse
			? 'in use'
			: !options.all && record.shared
				? 'shared'
				: !options.all && keptWithoutAll.has(record.type)
					? record.type
					: until !== undefined && (record.lastUsedAt ?? record.createdAt) > until ? 'used after the until time' : undefined;
		if (reason === undefined) items.push({id: record.id, name: `${record.type} ${record.id.slice(0, 12)}`, size: record.size});
		else kept.push({id: record.id, name: record.id.slice(0, 12), reason});
	}

	return {
		kind: 'buildCache',
		items,
		untag: [],
		kept,
		freed: items.reduce((sum, item) => sum + item.size, 0),
		freedExact: false,
		notes: ['the build cache plan is an estimate from system df; the engine\'s report is exact'],
		known: records.map(record => record.id),
	};
}
