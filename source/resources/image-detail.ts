import {listContainers} from '../engine/containers.js';
import {inspectImageJson, readImageHistory} from '../engine/images.js';
import type {ContainerRef, ImageLayer} from '../engine/resources-types.js';
import {formatAge, formatBytes, formatTimestamp, shortId} from '../lib/format.js';
import type {Line} from '../theme/tokens.js';
import type {DetailDescriptor} from './descriptor.js';
import {field, heading, jsonLines, keyValueLines, note} from './detail-lines.js';

/** The engine's inspect JSON, typed by the engine layer (only it may name dockerode's types). */
type ImageInspect = Awaited<ReturnType<typeof inspectImageJson>>;

export interface ImageDetail {
	inspect: ImageInspect;
	/** Newest step first, like `docker history`. */
	layers: ImageLayer[];
	users: ContainerRef[];
}

function joined(parts: string[] | string | null | undefined): string {
	if (!parts) return '';
	return Array.isArray(parts) ? parts.join(' ') : parts;
}

function summary({inspect, users}: ImageDetail): Line[] {
	const config = inspect.Config;
	const created = Date.parse(inspect.Created);
	const tags = (inspect.RepoTags ?? []).filter(tag => tag !== '<none>:<none>');
	return [
		field('Tags', tags.join(', ') || '<none> (untagged)', tags.length > 0 ? 'title' : 'muted'),
		field('ID', inspect.Id),
		field('Digests', (inspect.RepoDigests ?? []).join(', ')),
		field('Parent', inspect.Parent ? shortId(inspect.Parent) : ''),
		field('Created', Number.isFinite(created) ? `${formatTimestamp(created)} (${formatAge(created)})` : inspect.Created),
		field('Size', formatBytes(inspect.Size)),
		field('Platform', `${inspect.Os}/${inspect.Architecture}${(inspect as {Variant?: string}).Variant ? `/${(inspect as {Variant?: string}).Variant}` : ''}`),
		field('Entrypoint', joined(config?.Entrypoint)),
		field('Command', joined(config?.Cmd)),
		field('Working dir', config?.WorkingDir ?? ''),
		field('User', config?.User || 'root (image default)'),
		field('Exposed ports', Object.keys(config?.ExposedPorts ?? {}).join(', ')),
		field('Layers', String(inspect.RootFS?.Layers?.length ?? 0)),
		[],
		heading(`Used by ${users.length === 1 ? '1 container' : `${users.length} containers`}`),
		...(users.length === 0 ? [note('  no container uses it: prune -a would take it')] : users.map((user): Line => [{text: `  ${user.name}`}, {text: `  ${user.state}`, tone: 'muted'}])),
		[],
		heading('Labels'),
		...keyValueLines(config?.Labels ?? {}, 'no labels'),
	];
}

/** One line per step: its size (0 for metadata steps) and the instruction that made it. */
function history({layers}: ImageDetail): Line[] {
	if (layers.length === 0) return [note('No history.')];
	const total = layers.reduce((sum, layer) => sum + layer.size, 0);
	return [
		[{text: `${'SIZE'.padStart(9)}  ${'CREATED'.padEnd(10)}  COMMAND`, tone: 'table.header'}],
		...layers.map((layer): Line => [
			{text: formatBytes(layer.size).padStart(9), tone: layer.size > 0 ? 'accent' : 'muted'},
			{text: `  ${formatAge(layer.createdAt).padEnd(10)}  `, tone: 'muted'},
			{text: layer.command || layer.comment || '(no command recorded)'},
		]),
		[],
		note(`${layers.length} steps, ${layers.filter(layer => layer.size > 0).length} with bytes, ${formatBytes(total)} in all (shared layers included)`),
	];
}

export const imageDetail: DetailDescriptor<ImageDetail> = {
	load: async (session, id) => {
		const [inspect, layers, containers] = await Promise.all([inspectImageJson(session.docker, id), readImageHistory(session.docker, id), listContainers(session.docker)]);
		const users = containers.filter(container => container.imageId === inspect.Id).map(container => ({id: container.id, name: container.name, state: container.state}));
		return {inspect, layers, users};
	},
	tabs: [
		{id: 'summary', title: 'Summary', lines: summary},
		{id: 'history', title: 'History', lines: history},
		{id: 'raw', title: 'Raw JSON', lines: detail => jsonLines(detail.inspect)},
	],
};
