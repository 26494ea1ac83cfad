import type Docker from 'dockerode';
import {listContainers} from './containers.js';
import type {ContainerRef, ImageLayer, ImageSummary} from './resources-types.js';
import type {ContainerSummary} from './types.js';

const untagged = '<none>:<none>';
const untaggedDigest = '<none>@<none>';

/** The list call's image JSON (dockerode's ImageInfo, with fields its typings lack). */
export type RawImage = Docker.ImageInfo & {RepoDigests?: string[] | null; RepoTags?: string[] | null};

export function containerRef(container: ContainerSummary): ContainerRef {
	return {id: container.id, name: container.name, state: container.state};
}

/** Containers (any state) created from each image id. */
export function containersByImage(containers: ContainerSummary[]): Map<string, ContainerRef[]> {
	const byImage = new Map<string, ContainerRef[]>();
	for (const container of containers) {
		const users = byImage.get(container.imageId) ?? [];
		users.push(containerRef(container));
		byImage.set(container.imageId, users);
	}

	return byImage;
}

/**
 * Turns the list call's JSON (with all=1, so parents are present) into
 * summaries. Dangling and intermediate follow the engine's own list rules:
 * untagged heads are dangling, untagged parents are intermediate.
 */
export function toImageSummaries(list: RawImage[], containers: ContainerSummary[]): ImageSummary[] {
	const parents = new Set(list.map(image => image.ParentId).filter(Boolean));
	const users = containersByImage(containers);
	return list.map(image => toImageSummary(image, parents.has(image.Id), users.get(image.Id) ?? []));
}

export function toImageSummary(json: RawImage, hasChildren: boolean, users: ContainerRef[]): ImageSummary {
	const tags = (json.RepoTags ?? []).filter(tag => tag !== untagged);
	const digests = (json.RepoDigests ?? []).filter(digest => digest !== untaggedDigest);
	return {
		id: json.Id,
		// The users are shown too, so a container coming or going changes the row.
		rev: `${JSON.stringify(json)}|${users.map(user => `${user.id}:${user.state}`).join(',')}`,
		repoTags: tags.length > 0 ? tags : [untagged],
		repoDigests: digests,
		parentId: json.ParentId ?? '',
		size: json.Size,
		createdAt: json.Created * 1000,
		labels: json.Labels ?? {},
		containers: users,
		dangling: tags.length === 0 && !hasChildren,
		intermediate: tags.length === 0 && digests.length === 0 && hasChildren,
	};
}

/** Every image, intermediate ones included (filter on `intermediate` for `docker image ls` without -a). */
export async function listImages(docker: Docker, signal?: AbortSignal): Promise<ImageSummary[]> {
	const [list, containers] = await Promise.all([
		docker.listImages({all: true, abortSignal: signal} as Docker.ListImagesOptions) as Promise<RawImage[]>,
		listContainers(docker, signal),
	]);
	return toImageSummaries(list, containers);
}

/** The whole inspect JSON of one image, for the raw tab. */
export async function inspectImageJson(docker: Docker, reference: string): Promise<Docker.ImageInspectInfo> {
	return docker.getImage(reference).inspect();
}

interface RawHistoryEntry {
	Id: string;
	Created: number;
	CreatedBy: string;
	Size: number;
	Tags: string[] | null;
	Comment: string;
}

/** The instruction as a Dockerfile line: the classic builder writes "/bin/sh -c #(nop) CMD ...", BuildKit "RUN ... # buildkit". */
export function historyCommand(createdBy: string): string {
	const text = createdBy.trim().replace(/\s+# buildkit$/, '');
	const nop = /^\/bin\/sh -c #\(nop\)\s+/.exec(text);
	if (nop) return text.slice(nop[0].length);
	if (text.startsWith('/bin/sh -c ')) return `RUN ${text.slice('/bin/sh -c '.length)}`;
	return text;
}

export function toImageLayers(history: RawHistoryEntry[]): ImageLayer[] {
	return history.map((entry, index) => ({
		// History ids repeat ("<missing>"), so the position (oldest = 0) makes the row id.
		id: `${history.length - 1 - index}`,
		rev: JSON.stringify(entry),
		imageId: entry.Id,
		createdAt: entry.Created * 1000,
		size: entry.Size,
		command: historyCommand(entry.CreatedBy),
		tags: entry.Tags ?? [],
		comment: entry.Comment,
	}));
}

/** The image's history, newest step first, like `docker history`. */
export async function readImageHistory(docker: Docker, reference: string): Promise<ImageLayer[]> {
	return toImageLayers((await docker.getImage(reference).history()) as RawHistoryEntry[]);
}
