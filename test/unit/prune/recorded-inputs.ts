/**
 * Planner inputs built from the JSON test/fixtures/recorded/resources/record.sh
 * recorded on a real engine just before each prune, through the same
 * converters the engine layer uses on live answers.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type Docker from 'dockerode';
import {toNetworkSummary, type RawNetwork} from '../../../source/engine/networks.js';
import {toPruneContainer, toPruneImage, toPruneNetwork, toPruneVolume} from '../../../source/engine/prune-inputs.js';
import {toPruneReport} from '../../../source/engine/prune.js';
import {toVolumeSummary, volumeUsers, type RawVolume} from '../../../source/engine/volumes.js';
import type {PruneInputs} from '../../../source/prune/index.js';
import type {PruneKind, PruneReport} from '../../../source/prune/types.js';

const folder = join(import.meta.dirname, '../../fixtures/recorded/resources');

export function recorded<T = unknown>(name: string): T {
	return JSON.parse(readFileSync(join(folder, name), 'utf8')) as T;
}

export function recordedLines(name: string): unknown[] {
	return readFileSync(join(folder, name), 'utf8').split('\n').filter(Boolean).map(line => JSON.parse(line) as unknown);
}

/** The prunes record.sh ran, in order, with what each step recorded. */
export const steps = {
	containers: {prefix: 'prune-1-containers', kind: 'containers'},
	imagesDangling: {prefix: 'prune-2-images-dangling', kind: 'images'},
	volumes: {prefix: 'prune-3-volumes', kind: 'volumes'},
	networks: {prefix: 'prune-4-networks', kind: 'networks'},
	imagesAll: {prefix: 'prune-5-images-all', kind: 'images'},
} as const satisfies Record<string, {prefix: string; kind: PruneKind}>;

type Step = (typeof steps)[keyof typeof steps];

/** The engine the fixtures came from speaks API 1.41 (Debian's docker.io 20.10). */
export const recordedApiVersion = '1.41';

export function inputsBefore(step: Step, now = Date.now()): PruneInputs {
	const containersRaw = recorded<(Docker.ContainerInfo & {SizeRw?: number})[]>(`${step.prefix}-containers.json`);
	const inputs: PruneInputs = {containers: containersRaw.map(container => toPruneContainer(container)), apiVersion: recordedApiVersion, now};
	if (step.kind === 'images') {
		const list = recorded<Docker.ImageInfo[]>(`${step.prefix}-images.json`);
		const inspects = recorded<Record<string, Docker.ImageInspectInfo>>(`${step.prefix}-images-inspect.json`);
		const histories = recorded<Record<string, {CreatedBy: string; Size: number}[]>>(`${step.prefix}-images-history.json`);
		inputs.images = list.map(image => toPruneImage(image, inspects[image.Id] as Docker.ImageInspectInfo, histories[image.Id] ?? []));
	}

	if (step.kind === 'volumes') {
		const users = volumeUsers(containersRaw);
		const df = recorded<{Volumes: RawVolume[]}>(`${step.prefix}-system-df.json`);
		const sizes = new Map(df.Volumes.map(volume => [volume.Name, volume.UsageData?.Size ?? -1]));
		const list = recorded<{Volumes: RawVolume[]}>(`${step.prefix}-volumes.json`).Volumes;
		inputs.volumes = list.map(volume => toPruneVolume(toVolumeSummary(volume, users.get(volume.Name) ?? [], sizes.get(volume.Name))));
	}

	if (step.kind === 'networks') {
		inputs.networks = Object.values(recorded<Record<string, RawNetwork>>(`${step.prefix}-networks-inspect.json`)).map(network => toPruneNetwork(toNetworkSummary(network)));
	}

	return inputs;
}

export function reportAfter(step: Step): PruneReport {
	return toPruneReport(step.kind, recorded(`${step.prefix}-report.json`));
}
