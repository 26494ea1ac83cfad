/**
 * What `POST /images/prune` removes, found by replaying the engine's own
 * algorithm (moby daemon/images/image_prune.go and image_delete.go) on the
 * lists, rather than guessing from "dangling":
 *
 * - candidates: every image with `dangling=false`, else only heads (images no
 *   other image names as parent); minus untagged images with children, images
 *   created after `until`, images whose labels do not match;
 * - a candidate with tags is deleted through each of its references (only
 *   when it has no tag at all, in dangling mode). Removing a reference is
 *   refused while a container uses the image and it is the image's single
 *   reference; otherwise the tag goes even if the image stays (so with
 *   `-a`, a multi-tagged image in use loses all but its last tag, and a
 *   tagged base image of images in use loses its tag);
 * - an image goes when nothing holds it: no child image, no container (any
 *   state), no reference left; then its parent is tried the same way.
 *
 * The engine walks candidates in map order; the outcome does not depend on
 * it, so the plan walks them by id.
 */
import {matchLabels, parseUntil} from './filters.js';
import {isSingleReference, storedRefs, type StoredRef} from './image-refs.js';
import type {ImagePruneOptions, KeptItem, PlanItem, PruneContainer, PruneImage, PrunePlan} from './types.js';

interface Node {
	image: PruneImage;
	refs: StoredRef[];
	children: number;
	deleted: boolean;
}

export function imageDisplayName(image: PruneImage): string {
	const tags = image.repoTags.filter(tag => tag !== '<none>:<none>');
	return tags.length > 0 ? tags.join(', ') : `<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}`;
}

export function planImagePrune(images: PruneImage[], containers: PruneContainer[], options: ImagePruneOptions, now: number): PrunePlan {
	const nodes = new Map<string, Node>(images.map(image => [image.id, {image, refs: storedRefs(image.repoTags, image.repoDigests), children: 0, deleted: false}]));
	for (const node of nodes.values()) {
		const parent = nodes.get(node.image.parentId);
		if (parent) parent.children++;
	}

	const users = new Map<string, PruneContainer[]>();
	for (const container of containers) users.set(container.imageId, [...(users.get(container.imageId) ?? []), container]);
	const until = options.until === undefined ? undefined : parseUntil(options.until, now);

	const skipped = new Map<string, string>();
	const candidates = [...nodes.values()].filter(node => {
		const reason = candidateProblem(node, options, until);
		if (reason) skipped.set(node.image.id, reason);
		return reason === undefined;
	}).sort((a, b) => (a.image.id < b.image.id ? -1 : 1));

	const deletedOrder: Node[] = [];
	const untag: string[] = [];
	const isUsed = (node: Node) => (users.get(node.image.id)?.length ?? 0) > 0;

	const deleteQuietly = (node: Node): void => {
		if (node.children > 0 || node.refs.length > 0 || isUsed(node)) return;
		node.deleted = true;
		deletedOrder.push(node);
		const parent = nodes.get(node.image.parentId);
		if (parent && !parent.deleted) {
			parent.children--;
			deleteQuietly(parent);
		}
	};

	const deleteByRef = (node: Node, ref: StoredRef): void => {
		if (!node.refs.includes(ref)) return; // already removed with its tag's digests: the engine finds no such image
		if (isSingleReference(node.refs) && isUsed(node)) return;
		node.refs = node.refs.filter(each => each !== ref);
		untag.push(ref.familiar);
		// The last tag of a repository takes that repository's digest references with it.
		if (!ref.canonical && !node.refs.some(each => !each.canonical && each.name === ref.name)) {
			for (const digestRef of node.refs.filter(each => each.canonical && each.name === ref.name)) untag.push(digestRef.familiar);
			node.refs = node.refs.filter(each => !(each.canonical && each.name === ref.name));
		}

		if (node.refs.length === 0) deleteQuietly(node);
	};

	for (const node of candidates) {
		if (node.deleted) continue;
		if (node.refs.length === 0) {
			deleteQuietly(node);
			continue;
		}

		const hasTag = node.refs.some(ref => !ref.canonical);
		if (options.all || !hasTag) for (const ref of [...node.refs]) deleteByRef(node, ref);
	}

	const {items, freed, freedExact} = sizeItems(deletedOrder, nodes);
	const kept: KeptItem[] = [...nodes.values()]
		.filter(node => !node.deleted)
		.map(node => ({id: node.image.id, name: imageDisplayName(node.image), reason: skipped.get(node.image.id) ?? keptReason(node, users.get(node.image.id) ?? [], options)}));
	return {kind: 'images', items, untag, kept, freed, freedExact, notes: [], known: images.map(image => image.id)};
}

function candidateProblem(node: Node, options: ImagePruneOptions, until: number | undefined): string | undefined {
	// Dangling mode starts from heads; either mode passes over untagged parents.
	if (node.children > 0 && (!options.all || node.refs.length === 0)) return `parent of ${node.children} image${node.children === 1 ? '' : 's'}`;
	if (until !== undefined && node.image.createdAt > until) return 'created after the until time';
	if (!matchLabels(options, node.image.labels)) return 'labels do not match';
	return undefined;
}

function keptReason(node: Node, users: PruneContainer[], options: ImagePruneOptions): string {
	if (users.length > 0) {
		return `used by ${users.map(user => `${user.name} (${user.state})`).join(', ')}`;
	}

	if (node.children > 0) return node.children === 1 ? 'parent of an image that stays' : `parent of ${node.children} images that stay`;
	if (!options.all && node.refs.some(ref => !ref.canonical)) return 'tagged';
	return 'kept by the engine';
}

/**
 * Bytes freed: each layer (by chain id) that a deleted image holds and no
 * remaining image does, counted once, as the engine sums the DiffSize of the
 * layers it released. Without layer data for an image, its size above its
 * parent's stands in, and the total is marked inexact.
 */
function sizeItems(deleted: Node[], nodes: Map<string, Node>): {items: PlanItem[]; freed: number; freedExact: boolean} {
	const keptChains = new Set<string>();
	for (const node of nodes.values()) {
		if (!node.deleted) for (const layer of node.image.layers ?? []) keptChains.add(layer.chainId);
	}

	const counted = new Set<string>();
	let freedExact = true;
	const items = deleted.map(node => {
		let size = 0;
		if (node.image.layers === undefined) {
			freedExact = false;
			size = node.image.size - (nodes.get(node.image.parentId)?.image.size ?? 0);
		} else {
			for (const layer of node.image.layers) {
				if (keptChains.has(layer.chainId) || counted.has(layer.chainId)) continue;
				counted.add(layer.chainId);
				size += layer.size;
			}
		}

		return {id: node.image.id, name: imageDisplayName(node.image), size: Math.max(0, size)};
	});
	return {items, freed: items.reduce((sum, item) => sum + item.size, 0), freedExact};
}
