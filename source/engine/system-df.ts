import type Docker from 'dockerode';
import type {BuildCacheRecord, DiskUsage, DiskUsageRow} from './resources-types.js';

interface RawDfImage {
	Containers: number;
	Size: number;
	SharedSize: number;
}

interface RawDfContainer {
	State: string;
	SizeRw?: number;
}

interface RawDfVolume {
	UsageData?: {Size: number; RefCount: number} | null;
}

interface RawBuildCache {
	ID: string;
	Type?: string;
	Description?: string;
	InUse: boolean;
	Shared: boolean;
	Size: number;
	CreatedAt: string;
	LastUsedAt?: string | null;
	UsageCount?: number;
}

export interface RawDiskUsage {
	LayersSize?: number;
	Images?: RawDfImage[] | null;
	Containers?: RawDfContainer[] | null;
	Volumes?: RawDfVolume[] | null;
	BuildCache?: RawBuildCache[] | null;
	BuilderSize?: number;
}

const activeStates = ['running', 'paused', 'restarting'];

/**
 * The four lines of `docker system df`, computed as the docker CLI computes
 * them from the same JSON: images count their shared layers once (the
 * engine's LayersSize) and only the unique part of a used image is not
 * reclaimable; containers count their writable layer; volumes the ones no
 * container references; build cache all but what is in use and not shared.
 */
export function toDiskUsage(json: RawDiskUsage): DiskUsage {
	const images = json.Images ?? [];
	const imagesSize = json.LayersSize ?? 0;
	const imagesUsed = images
		.filter(image => image.Containers > 0 && image.Size !== -1 && image.SharedSize !== -1)
		.reduce((sum, image) => sum + image.Size - image.SharedSize, 0);

	const containers = json.Containers ?? [];
	const isActive = (container: RawDfContainer) => activeStates.some(state => container.State.includes(state));
	const containersSize = containers.reduce((sum, container) => sum + (container.SizeRw ?? 0), 0);
	const containersReclaimable = containers.filter(container => !isActive(container)).reduce((sum, container) => sum + (container.SizeRw ?? 0), 0);

	const volumes = json.Volumes ?? [];
	const sized = volumes.filter(volume => (volume.UsageData?.Size ?? -1) !== -1);
	const volumesSize = sized.reduce((sum, volume) => sum + (volume.UsageData?.Size ?? 0), 0);
	const volumesReclaimable = sized.filter(volume => volume.UsageData?.RefCount === 0).reduce((sum, volume) => sum + (volume.UsageData?.Size ?? 0), 0);

	const cache = json.BuildCache ?? [];
	const builderSize = json.BuilderSize ?? 0;
	const cacheHeld = cache.filter(record => record.InUse && !record.Shared).reduce((sum, record) => sum + record.Size, 0);

	return {
		images: row(images.length, images.filter(image => image.Containers > 0).length, imagesSize, imagesSize - imagesUsed),
		containers: row(containers.length, containers.filter(isActive).length, containersSize, containersReclaimable),
		volumes: row(volumes.length, volumes.filter(volume => (volume.UsageData?.RefCount ?? 0) > 0).length, volumesSize, volumesReclaimable),
		buildCache: row(cache.length, cache.filter(record => record.InUse).length, builderSize, builderSize - cacheHeld),
		buildCacheRecords: cache.map(toBuildCacheRecord),
	};
}

function row(totalCount: number, active: number, size: number, reclaimable: number): DiskUsageRow {
	return {totalCount, active, size, reclaimable: Math.max(0, reclaimable)};
}

function toBuildCacheRecord(json: RawBuildCache): BuildCacheRecord {
	const lastUsed = json.LastUsedAt ? Date.parse(json.LastUsedAt) : Number.NaN;
	return {
		id: json.ID,
		type: json.Type ?? '',
		description: json.Description ?? '',
		inUse: json.InUse,
		shared: json.Shared,
		size: json.Size,
		createdAt: Date.parse(json.CreatedAt),
		...(Number.isFinite(lastUsed) ? {lastUsedAt: lastUsed} : {}),
		usageCount: json.UsageCount ?? 0,
	};
}

/** `GET /system/df`: walks every volume's folder and every container's layer, so call it on demand, not on a timer. */
export async function readRawDiskUsage(docker: Docker): Promise<RawDiskUsage> {
	return (await docker.df()) as RawDiskUsage;
}

export async function readDiskUsage(docker: Docker): Promise<DiskUsage> {
	return toDiskUsage(await readRawDiskUsage(docker));
}
