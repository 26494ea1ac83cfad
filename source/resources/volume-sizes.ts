import type {EngineSession} from '../engine/client.js';
import {readVolumeSizes} from '../engine/volumes.js';
import type {VolumeSummary} from '../engine/resources-types.js';

/**
 * Volume sizes come from `system df`, which walks every volume's folder: too
 * slow for each list. They are read when asked (a key, or a detail view),
 * kept here, and laid over every later list until read again.
 */
let known: {sizes: ReadonlyMap<string, number>; readAt: number} | undefined;

export async function readAndKeepVolumeSizes(session: EngineSession): Promise<ReadonlyMap<string, number>> {
	const sizes = await readVolumeSizes(session.docker);
	known = {sizes, readAt: Date.now()};
	return sizes;
}

/** When the sizes shown were read, epoch ms; undefined before the first read. */
export function volumeSizesReadAt(): number | undefined {
	return known?.readAt;
}

/** The listed volumes with the sizes last read; a new rev where a size is added, so the row redraws. */
export function withKnownSizes(volumes: VolumeSummary[]): VolumeSummary[] {
	const sizes = known?.sizes;
	if (!sizes) return volumes;
	return volumes.map(volume => {
		const size = sizes.get(volume.name);
		return size === undefined || volume.size !== -1 ? volume : {...volume, size, rev: `${volume.rev}|size=${size}`};
	});
}

