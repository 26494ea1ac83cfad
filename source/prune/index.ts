/**
 * The prune planner: given what the engine lists, says exactly what each
 * prune will remove and the space it frees. Pure: no engine calls, no clock
 * of its own (`now` decides `until` durations).
 */
import {planBuildCachePrune} from './build-cache.js';
import {planContainerPrune} from './containers.js';
import {planImagePrune} from './images.js';
import {planNetworkPrune, type SwarmContext} from './networks.js';
import type {PruneBuildRecord, PruneContainer, PruneImage, PruneNetwork, PrunePlan, PruneRequest, PruneVolume} from './types.js';
import {planVolumePrune} from './volumes.js';

export interface PruneInputs {
	containers?: PruneContainer[];
	images?: PruneImage[];
	volumes?: PruneVolume[];
	networks?: PruneNetwork[];
	buildCache?: PruneBuildRecord[];
	swarm?: SwarmContext;
	/** The session's API version: volume prune rules changed at 1.42. */
	apiVersion: string;
	/** Epoch ms the `until` durations count back from. */
	now: number;
}

export function planPrune(request: PruneRequest, inputs: PruneInputs): PrunePlan {
	switch (request.kind) {
		case 'containers':
			return planContainerPrune(inputs.containers ?? [], request.options, inputs.now);
		case 'images':
			return planImagePrune(inputs.images ?? [], inputs.containers ?? [], request.options, inputs.now);
		case 'volumes':
			return planVolumePrune(inputs.volumes ?? [], request.options, inputs.apiVersion);
		case 'networks':
			return planNetworkPrune(inputs.networks ?? [], request.options, inputs.now, inputs.swarm);
		case 'buildCache':
			return planBuildCachePrune(inputs.buildCache ?? [], request.options, inputs.now);
	}
}

export {comparePlan} from './compare.js';
export {engineFilters, matchLabels, parseUntil} from './filters.js';
export type * from './types.js';
