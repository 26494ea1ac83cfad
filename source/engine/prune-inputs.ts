/**
 * Reads what the prune planner needs from the engine. Planning is a rare,
 * user-asked step, so it may inspect every image (for layer chains and
 * sub-second creation times) where a list refresh never would.
 */
import type * as Crypto from 'node:crypto';
import type Docker from 'dockerode';
import type {PruneInputs} from '../prune/index.js';
import type {PruneBuildRecord, PruneContainer, PruneImage, PruneKind, PruneLayer, PruneNetwork, PruneVolume} from '../prune/types.js';
import type {SwarmContext} from '../prune/networks.js';
import {lazyBuiltin} from '../lib/lazy-builtin.js';
import {preciseEpochMs} from './engine-time.js';
import {listNetworks} from './networks.js';
import {readRawDiskUsage, toDiskUsage} from './system-df.js';
import {listVolumes} from './volumes.js';
import type {NetworkSummary, VolumeSummary} from './resources-types.js';

const nodeCrypto = lazyBuiltin<typeof Crypto>('node:crypto');

/** Layer chain ids from diff ids, as the engine's layer store names layers. */
export function chainIds(diffIds: string[]): string[] {
	const chains: string[] = [];
	for (const diffId of diffIds) {
		const previous = chains.at(-1);
		chains.push(previous === undefined ? diffId : `sha256:${nodeCrypto().createHash('sha256').update(`${previous} ${diffId}`).digest('hex')}`);
	}

	return chains;
}

interface HistoryEntry {
	CreatedBy: string;
	Size: number;
}

/**
 * Each layer's own size, from the history: the engine reports one history
 * entry per instruction, sized by its layer's DiffSize, and metadata-only
 * steps as 0 without saying which zeros are layers. Entries with bytes are
 * layers; zeros are layers only as far as needed to make up the count, the
 * "#(nop)" metadata steps last. Undefined when that cannot line up.
 */
export function layerSizes(history: HistoryEntry[], diffIds: string[]): PruneLayer[] | undefined {
	const oldestFirst = [...history].reverse();
	const chains = chainIds(diffIds);
	const zerosAsLayers = chains.length - oldestFirst.filter(entry => entry.Size > 0).length;
	if (zerosAsLayers < 0) return undefined;
	const isNop = (entry: HistoryEntry) => entry.CreatedBy.includes('#(nop)');
	const zeros = oldestFirst.filter(entry => entry.Size === 0);
	const layerZeros = new Set([...zeros.filter(entry => !isNop(entry)), ...zeros.filter(isNop)].slice(0, zerosAsLayers));
	const sizes = oldestFirst.filter(entry => entry.Size > 0 || layerZeros.has(entry)).map(entry => entry.Size);
	if (sizes.length !== chains.length) return undefined;
	return chains.map((chainId, index) => ({chainId, size: sizes[index] ?? 0}));
}

type RawListedImage = Docker.ImageInfo & {RepoDigests?: string[] | null};

/** One image as the planner sees it, from the list entry, its inspect and its history. */
export function toPruneImage(image: RawListedImage, detail: Docker.ImageInspectInfo, history: HistoryEntry[]): PruneImage {
	const layers = layerSizes(history, detail.RootFS?.Layers ?? []);
	return {
		id: image.Id,
		parentId: image.ParentId ?? '',
		repoTags: image.RepoTags ?? [],
		repoDigests: image.RepoDigests ?? [],
		createdAt: preciseEpochMs(detail.Created),
		labels: detail.Config?.Labels ?? {},
		size: image.Size,
		...(layers === undefined ? {} : {layers}),
	};
}

export async function readPruneImages(docker: Docker): Promise<PruneImage[]> {
	const list = (await docker.listImages({all: true})) as RawListedImage[];
	const images = await Promise.all(list.map(async image => {
		try {
			const handle = docker.getImage(image.Id);
			const [detail, history] = await Promise.all([handle.inspect(), handle.history() as Promise<HistoryEntry[]>]);
			return toPruneImage(image, detail, history);
		} catch {
			return undefined; // removed between the list and the inspect
		}
	}));
	return images.filter((image): image is PruneImage => image !== undefined);
}

type RawListedContainer = Docker.ContainerInfo & {SizeRw?: number; SizeRootFs?: number};

/** One container as the planner sees it; `createdIso` (from inspect) gives the exact creation time. */
export function toPruneContainer(container: RawListedContainer, createdIso?: string): PruneContainer {
	return {
		id: container.Id,
		name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
		state: container.State,
		imageId: container.ImageID,
		createdAt: createdIso === undefined ? container.Created * 1000 : preciseEpochMs(createdIso),
		labels: container.Labels ?? {},
		// The engine leaves a zero SizeRw out of the JSON; SizeRootFs says sizes were asked for.
		...(typeof container.SizeRw === 'number' || typeof container.SizeRootFs === 'number' ? {sizeRw: container.SizeRw ?? 0} : {}),
	};
}

/** Containers with their writable-layer sizes; with `precise`, creation times from inspect (for `until`). */
export async function readPruneContainers(docker: Docker, precise: boolean): Promise<PruneContainer[]> {
	const list = (await docker.listContainers({all: true, size: true})) as RawListedContainer[];
	return Promise.all(list.map(async container => {
		const created = precise ? await docker.getContainer(container.Id).inspect().then(detail => detail.Created, () => undefined) : undefined;
		return toPruneContainer(container, created);
	}));
}

export function toPruneVolume(volume: VolumeSummary): PruneVolume {
	return {name: volume.name, driver: volume.driver, labels: volume.labels, options: volume.options, size: volume.size, users: volume.containers.length};
}

export async function readPruneVolumes(docker: Docker): Promise<PruneVolume[]> {
	return (await listVolumes(docker, {sizes: true})).map(toPruneVolume);
}

export function toPruneNetwork(network: NetworkSummary): PruneNetwork {
	return {
		id: network.id,
		name: network.name,
		driver: network.driver,
		scope: network.scope,
		labels: network.labels,
		createdAt: network.createdAt,
		configOnly: network.configOnly,
		ingress: network.ingress,
		endpoints: network.containers.length,
	};
}

export async function readPruneNetworks(docker: Docker): Promise<PruneNetwork[]> {
	return (await listNetworks(docker)).map(toPruneNetwork);
}

export async function readPruneBuildCache(docker: Docker): Promise<PruneBuildRecord[]> {
	return toDiskUsage(await readRawDiskUsage(docker)).buildCacheRecords.map(record => ({
		id: record.id,
		type: record.type,
		inUse: record.inUse,
		shared: record.shared,
		size: record.size,
		createdAt: record.createdAt,
		...(record.lastUsedAt === undefined ? {} : {lastUsedAt: record.lastUsedAt}),
	}));
}

/** On a swarm manager, which swarm networks services use; undefined outside a swarm. */
export async function readSwarmContext(docker: Docker): Promise<SwarmContext | undefined> {
	const info = (await docker.info()) as {Swarm?: {LocalNodeState?: string; ControlAvailable?: boolean}};
	if (info.Swarm?.LocalNodeState !== 'active') return undefined;
	if (!info.Swarm.ControlAvailable) return {manager: false, serviceNetworks: new Set()};
	const services = (await docker.listServices()) as {Spec?: {TaskTemplate?: {Networks?: {Target?: string}[]}}; Endpoint?: {VirtualIPs?: {NetworkID?: string}[]}}[];
	const used = new Set<string>();
	for (const service of services) {
		for (const network of service.Spec?.TaskTemplate?.Networks ?? []) if (network.Target) used.add(network.Target);
		for (const vip of service.Endpoint?.VirtualIPs ?? []) if (vip.NetworkID) used.add(vip.NetworkID);
	}

	return {manager: true, serviceNetworks: used};
}

/** Everything the planner needs for one kind of prune, read now. */
export async function readPruneInputs(docker: Docker, kind: PruneKind, apiVersion: string, options: {precise?: boolean} = {}): Promise<PruneInputs> {
	const now = Date.now();
	switch (kind) {
		case 'containers':
			return {containers: await readPruneContainers(docker, options.precise ?? false), apiVersion, now};
		case 'images': {
			const [images, containers] = await Promise.all([readPruneImages(docker), readPruneContainers(docker, false)]);
			return {images, containers, apiVersion, now};
		}

		case 'volumes':
			return {volumes: await readPruneVolumes(docker), apiVersion, now};
		case 'networks': {
			const [networks, swarm] = await Promise.all([readPruneNetworks(docker), readSwarmContext(docker)]);
			return {networks, ...(swarm === undefined ? {} : {swarm}), apiVersion, now};
		}

		case 'buildCache':
			return {buildCache: await readPruneBuildCache(docker), apiVersion, now};
	}
}
