import {inspectVolumeJson} from '../engine/raw-inspect.js';
import type {VolumeSummary} from '../engine/resources-types.js';
import {listVolumes} from '../engine/volumes.js';
import {formatAge, formatBytes, formatTimestamp} from '../lib/format.js';
import type {Line} from '../theme/tokens.js';
import type {DetailDescriptor} from './descriptor.js';
import {field, heading, jsonLines, keyValueLines, note} from './detail-lines.js';
import {readAndKeepVolumeSizes, withKnownSizes} from './volume-sizes.js';

export interface VolumeDetail {
	volume: VolumeSummary;
	raw: unknown;
}

function summary({volume}: VolumeDetail): Line[] {
	return [
		field('Name', volume.name, 'title'),
		field('Kind', volume.anonymous ? 'anonymous (created without a name)' : 'named'),
		field('Driver', volume.driver),
		field('Scope', volume.scope),
		field('Mountpoint', volume.mountpoint),
		field('Created', volume.createdAt === undefined ? '' : `${formatTimestamp(volume.createdAt)} (${formatAge(volume.createdAt)})`),
		field('Size', volume.size >= 0 ? formatBytes(volume.size) : 'not computed by the engine (other drivers, or driver options)'),
		[],
		heading('Labels'),
		...keyValueLines(volume.labels, 'no labels'),
		[],
		heading('Driver options'),
		...keyValueLines(volume.options, 'no driver options'),
	];
}

/** Every container that mounts it, where, and whether it may write. */
function mountedBy({volume}: VolumeDetail): Line[] {
	if (volume.containers.length === 0) return [note('No container mounts it: it can be removed (prune takes it if it is anonymous).')];
	return volume.containers.flatMap((user): Line[] => [
		[{text: user.name, tone: 'title'}, {text: `  ${user.state}`, tone: 'muted'}],
		field('  mounted at', `${user.destination}${user.readWrite ? '' : ' (read-only)'}`),
		[],
	]);
}

export const volumeDetail: DetailDescriptor<VolumeDetail> = {
	// The detail view is where a size is worth the wait: it reads system df (and keeps the sizes for the list).
	load: async (session, name) => {
		const [volumes, raw] = await Promise.all([listVolumes(session.docker), inspectVolumeJson(session.docker, name), readAndKeepVolumeSizes(session)]);
		const volume = withKnownSizes(volumes).find(each => each.name === name);
		if (!volume) throw new Error(`volume ${name} is gone`);
		return {volume, raw};
	},
	tabs: [
		{id: 'summary', title: 'Summary', lines: summary},
		{id: 'mounts', title: 'Mounted by', lines: mountedBy},
		{id: 'raw', title: 'Raw JSON', lines: detail => jsonLines(detail.raw)},
	],
};
