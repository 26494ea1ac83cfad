import type {EngineSession} from '../engine/client.js';
import type {VolumeSummary} from '../engine/resources-types.js';
import {checkVolumeSpec, createVolume, removeVolume} from '../engine/volumes.js';
import {formatBytes} from '../lib/format.js';
import type {ActionDef, PaneActionDef} from './descriptor.js';
import {prunePlan} from './prune-actions.js';
import {readAndKeepVolumeSizes} from './volume-sizes.js';

/** "rec-data", or "6005566ced68…" for a generated 64-hex name. */
export function volumeLabel(volume: Pick<VolumeSummary, 'name'>): string {
	return /^[0-9a-f]{64}$/.test(volume.name) ? `${volume.name.slice(0, 12)}…` : volume.name;
}

function usersText(volume: VolumeSummary): string {
	return volume.containers.map(user => `${user.name} (${user.state}) at ${user.destination}`).join(', ');
}

/** Names last listed: a new volume may not take one. */
let listedNames: ReadonlySet<string> = new Set();

export function rememberVolumes(volumes: readonly VolumeSummary[]): void {
	listedNames = new Set(volumes.map(volume => volume.name));
}

export function validateVolumeName(text: string): string | undefined {
	const name = text.trim();
	if (name === '') return undefined;
	const problems = checkVolumeSpec({name});
	if (problems.length > 0) return problems.join('; ');
	return listedNames.has(name) ? `a volume named ${name} exists already` : undefined;
}

export const volumeActions: readonly ActionDef<VolumeSummary>[] = [
	{
		id: 'volume.remove',
		keys: ['d'],
		description: 'remove the volume and its data (the engine refuses while a container mounts it)',
		dangerous: true,
		hint: 'remove',
		plan: volume => ({
			confirm: [
				`Remove volume ${volume.name}${volume.size >= 0 ? ` (${formatBytes(volume.size)})` : ''}? Its data is deleted.`,
				// Sent anyway: the engine's refusal is the word that counts (it also sees containers created since the list).
				volume.containers.length > 0 ? `It is mounted by ${usersText(volume)}: the engine will refuse.` : '',
			].filter(Boolean).join('\n'),
			confirmLabel: 'remove',
			run: (session: EngineSession) => removeVolume(session.docker, volume.name),
			done: `removed volume ${volumeLabel(volume)}`,
		}),
	},
];

export const volumePaneActions: readonly PaneActionDef<VolumeSummary>[] = [
	{
		id: 'volume.create',
		keys: ['n'],
		description: 'create a volume (local driver): type its name, or nothing for a generated one',
		hint: 'new',
		plan: () => ({
			ask: {question: 'name of the new volume', placeholder: 'empty: the engine generates a name', validate: validateVolumeName},
			answer: text => {
				const name = text.trim();
				return {
					run: async (session: EngineSession) => {
						await createVolume(session.docker, name === '' ? {} : {name});
					},
					done: name === '' ? 'created a volume with a generated name' : `created volume ${name}`,
				};
			},
		}),
	},
	{
		id: 'volume.sizes',
		keys: ['z'],
		description: 'read the sizes of all volumes (system df walks every volume: slow on big ones); shown until read again',
		hint: 'sizes',
		plan: () => ({
			run: async (session: EngineSession) => {
				await readAndKeepVolumeSizes(session);
			},
			done: 'volume sizes read from system df (z reads them again)',
		}),
	},
	{
		id: 'volume.prune',
		keys: ['P'],
		description: 'prune unused volumes: lists what goes and the space freed, then reports what the engine removed',
		dangerous: true,
		hint: 'prune',
		plan: () => prunePlan({kind: 'volumes', options: {}}, 'unused volumes'),
	},
];
