/**
 * What `POST /volumes/prune` removes (moby volume/service Prune): volumes of
 * the local driver, without driver options (nothing to reclaim there), that
 * no container references in any state, and whose labels match. Since API
 * 1.42 only anonymous volumes (labelled com.docker.volume.anonymous by the
 * engine that made them) unless `all=true`; before 1.42 named ones too.
 */
import {apiAtLeast, matchLabels, volumeAllFilterSince} from './filters.js';
import type {KeptItem, PlanItem, PrunePlan, PruneVolume, VolumePruneOptions} from './types.js';

export const anonymousLabel = 'com.docker.volume.anonymous';

export function planVolumePrune(volumes: PruneVolume[], options: VolumePruneOptions, apiVersion: string): PrunePlan {
	const anonymousOnly = !options.all && apiAtLeast(apiVersion, volumeAllFilterSince);
	const items: PlanItem[] = [];
	const kept: KeptItem[] = [];
	for (const volume of volumes) {
		const reason = volume.driver !== 'local'
			? `${volume.driver} driver`
			: Object.keys(volume.options).length > 0
				? 'has driver options'
				: volume.users > 0
					? `used by ${volume.users} container${volume.users === 1 ? '' : 's'}`
					: !matchLabels(options, volume.labels)
						? 'labels do not match'
						: anonymousOnly && !(anonymousLabel in volume.labels) ? 'named (prune all to include it)' : undefined;
		if (reason === undefined) items.push({id: volume.name, name: volume.name, size: volume.size});
		else kept.push({id: volume.name, name: volume.name, reason});
	}

	const notes = !anonymousOnly && !options.all
		? [`this engine (API ${apiVersion}) prunes named volumes too: it has no anonymous-only mode before API ${volumeAllFilterSince}`]
		: [];
	return {
		kind: 'volumes',
		items,
		untag: [],
		kept,
		freed: items.reduce((sum, item) => sum + Math.max(0, item.size), 0),
		freedExact: items.every(item => item.size >= 0),
		notes,
		known: volumes.map(volume => volume.name),
	};
}
