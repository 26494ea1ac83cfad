/**
 * Runs the engine's prunes and hands back the engine's own report. The
 * filters come from the same options the planner read (prune/filters.ts),
 * as arrays of strings: `{dangling: ['true']}`, never `{dangling: true}`,
 * which the engine cannot decode (HTTP 500).
 */
import type Docker from 'dockerode';
import {planPrune} from '../prune/index.js';
import {engineFilters} from '../prune/filters.js';
import type {PrunePlan, PruneReport, PruneRequest} from '../prune/types.js';
import {readPruneInputs} from './prune-inputs.js';

interface RawReports {
	ContainersDeleted?: string[] | null;
	ImagesDeleted?: {Untagged?: string; Deleted?: string}[] | null;
	VolumesDeleted?: string[] | null;
	NetworksDeleted?: string[] | null;
	CachesDeleted?: string[] | null;
	SpaceReclaimed?: number;
}

export function toPruneReport(kind: PruneRequest['kind'], json: RawReports): PruneReport {
	const images = json.ImagesDeleted ?? [];
	const removed = kind === 'images'
		? images.flatMap(item => (item.Deleted ? [item.Deleted] : []))
		: (json.ContainersDeleted ?? json.VolumesDeleted ?? json.NetworksDeleted ?? json.CachesDeleted ?? []);
	return {
		kind,
		removed,
		untagged: images.flatMap(item => (item.Untagged ? [item.Untagged] : [])),
		spaceReclaimed: json.SpaceReclaimed ?? 0,
	};
}

function post(docker: Docker, path: string, query: Record<string, unknown>): Promise<RawReports> {
	return new Promise((resolve, reject) => {
		docker.modem.dial({path: `${path}?`, method: 'POST', options: query, statusCodes: {200: true, 400: 'bad parameter', 409: 'conflict', 500: 'server error'}}, (error, data) => {
			if (error) reject(error);
			else resolve((data ?? {}) as RawReports);
		});
	});
}

const paths: Record<PruneRequest['kind'], string> = {
	containers: '/containers/prune',
	images: '/images/prune',
	volumes: '/volumes/prune',
	networks: '/networks/prune',
	buildCache: '/build/prune',
};

/**
 * Runs one prune. Rejects with the engine's error (engineMessage() has its
 * words), e.g. "a prune operation is already running".
 */
export async function runPrune(docker: Docker, request: PruneRequest, apiVersion: string): Promise<PruneReport> {
	const filters = engineFilters(request, apiVersion);
	const query: Record<string, unknown> = Object.keys(filters).length > 0 ? {filters} : {};
	// Build cache takes `all` as a query parameter, not a filter.
	if (request.kind === 'buildCache' && request.options.all) query['all'] = true;
	return toPruneReport(request.kind, await post(docker, paths[request.kind], query));
}

/** Reads the lists and plans one prune: what the confirm dialog shows before runPrune. */
export async function planEnginePrune(docker: Docker, request: PruneRequest, apiVersion: string): Promise<PrunePlan> {
	const precise = 'until' in request.options && request.options.until !== undefined;
	return planPrune(request, await readPruneInputs(docker, request.kind, apiVersion, {precise}));
}
