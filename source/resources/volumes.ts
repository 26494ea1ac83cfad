import type {EngineSession} from '../engine/client.js';
import type {VolumeSummary} from '../engine/resources-types.js';
import {listVolumes} from '../engine/volumes.js';
import {formatAge, formatBytes} from '../lib/format.js';
import type {ResourceDescriptor} from './descriptor.js';
import {rememberVolumes, volumeActions, volumeLabel, volumePaneActions} from './volume-actions.js';
import {volumeDetail, type VolumeDetail} from './volume-detail.js';
import {withKnownSizes} from './volume-sizes.js';

async function listShownVolumes(session: EngineSession, signal: AbortSignal): Promise<VolumeSummary[]> {
	const volumes = withKnownSizes(await listVolumes(session.docker, {signal}));
	rememberVolumes(volumes);
	return volumes;
}

export const volumesResource: ResourceDescriptor<VolumeSummary, VolumeDetail> = {
	kind: 'volumes',
	title: 'Volumes',
	aliases: ['volumes', 'vo', 'vol'],
	list: listShownVolumes,
	columns: [
		{id: 'name', title: 'NAME', width: {min: 14, flex: 2, fit: 40}, value: volumeLabel, sortKey: 'N', sortValue: volume => volume.name},
		{id: 'driver', title: 'DRIVER', width: 8, value: volume => volume.driver, sortKey: 'D', sortValue: volume => volume.driver, dropPriority: 2},
		// "-" until sizes are read (z, or the detail view): system df is too slow for every list.
		{id: 'size', title: 'SIZE', width: 8, align: 'right', value: volume => formatBytes(volume.size), sortKey: 'S', sortValue: volume => (volume.size >= 0 ? volume.size : undefined)},
		{id: 'anonymous', title: 'ANONYMOUS', width: 9, value: volume => (volume.anonymous ? 'anonymous' : ''), tone: () => 'muted'},
		{id: 'usedBy', title: 'USED BY', width: {min: 8, flex: 2}, value: volume => volume.containers.map(user => user.name).join(', ') || '-', tone: volume => (volume.containers.length === 0 ? 'muted' : undefined), sortKey: 'U', sortValue: volume => volume.containers.length},
		{id: 'created', title: 'CREATED', width: 9, align: 'right', value: volume => formatAge(volume.createdAt), tone: () => 'muted', sortKey: 'C', sortValue: volume => volume.createdAt, dropPriority: 1},
	],
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: volume => `${volume.name} ${volume.driver} ${volume.anonymous ? 'anonymous' : 'named'} ${volume.containers.length > 0 ? 'in use' : 'unused'} ${volume.containers.map(user => user.name).join(' ')}`,
	label: volumeLabel,
	actions: volumeActions,
	paneActions: volumePaneActions,
	detail: volumeDetail,
};
