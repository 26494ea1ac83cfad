/**
 * The prune planner's inputs, options and outputs. Plain data: the engine
 * layer fills the inputs from its lists, the planner says what the engine's
 * prune will remove, the executor runs it and compare() checks the two.
 */

export type PruneKind = 'containers' | 'images' | 'volumes' | 'networks' | 'buildCache';

/** Label filters, as the engine applies them: every `label` entry must match, and an item matching every `notLabel` entry is kept. */
export interface LabelFilters {
	/** "key" or "key=value" each. */
	label?: string[];
	/** "key" or "key=value" each (the engine's `label!`). */
	notLabel?: string[];
}

export interface ContainerPruneOptions extends LabelFilters {
	/** Only containers created before this: a Go duration ("24h", "90m") or a timestamp (unix seconds or RFC 3339). */
	until?: string;
}

export interface ImagePruneOptions extends LabelFilters {
	/** All unused images (`dangling=false`, `docker image prune -a`), not only dangling ones. */
	all?: boolean;
	until?: string;
}

export interface VolumePruneOptions extends LabelFilters {
	/** Named volumes too (`all=true`); engines before API 1.42 always prune them. */
	all?: boolean;
}

export type NetworkPruneOptions = ContainerPruneOptions;

export interface BuildCachePruneOptions {
	/** Internal, frontend and shared records too (`docker builder prune -a`). */
	all?: boolean;
	until?: string;
}

export type PruneRequest =
	| {kind: 'containers'; options: ContainerPruneOptions}
	| {kind: 'images'; options: ImagePruneOptions}
	| {kind: 'volumes'; options: VolumePruneOptions}
	| {kind: 'networks'; options: NetworkPruneOptions}
	| {kind: 'buildCache'; options: BuildCachePruneOptions};

export interface PruneContainer {
	id: string;
	name: string;
	/** The engine's state word: created, running, paused, restarting, removing, exited, dead. */
	state: string;
	imageId: string;
	/** Epoch ms. */
	createdAt: number;
	labels: Record<string, string>;
	/** Writable layer bytes (list with size=1); undefined when not read. */
	sizeRw?: number;
}

export interface PruneLayer {
	chainId: string;
	size: number;
}

export interface PruneImage {
	id: string;
	/** "" when none. */
	parentId: string;
	/** "repo:tag" each, as the list call gives them ("<none>:<none>" is ignored). */
	repoTags: string[];
	/** "repo@sha256:..." each ("<none>@<none>" is ignored). */
	repoDigests: string[];
	/** Epoch ms; from inspect (sub-second) when available, the `until` filter compares it. */
	createdAt: number;
	labels: Record<string, string>;
	size: number;
	/** The image's layer chain, bottom first, with each layer's own size: makes the freed space exact. */
	layers?: PruneLayer[];
}

export interface PruneVolume {
	name: string;
	driver: string;
	labels: Record<string, string>;
	options: Record<string, string>;
	/** Bytes, -1 unknown. */
	size: number;
	/** Containers (any state) that mount it. */
	users: number;
}

export interface PruneNetwork {
	id: string;
	name: string;
	driver: string;
	scope: string;
	labels: Record<string, string>;
	/** Epoch ms. */
	createdAt: number;
	configOnly: boolean;
	ingress: boolean;
	/** Endpoints on this node (running containers, load balancers). */
	endpoints: number;
}

export interface PruneBuildRecord {
	id: string;
	type: string;
	inUse: boolean;
	shared: boolean;
	size: number;
	createdAt: number;
	lastUsedAt?: number;
}

export interface PlanItem {
	id: string;
	name: string;
	/** Bytes this item frees, -1 unknown. */
	size: number;
}

export interface KeptItem {
	id: string;
	name: string;
	/** Why the prune leaves it, e.g. "running", "used by web (exited)", "not created before until". */
	reason: string;
}

export interface PrunePlan {
	kind: PruneKind;
	items: PlanItem[];
	/** Tags the engine will remove from images it keeps or deletes (images only). */
	untag: string[];
	/** Considered and left, with the reason. */
	kept: KeptItem[];
	/** Bytes freed; a lower bound when `freedExact` is false. */
	freed: number;
	freedExact: boolean;
	/** Things to tell the user, e.g. that this engine prunes named volumes too. */
	notes: string[];
	/** Ids the plan knew about: in an image report, a Deleted id outside this list is a layer, not an image. */
	known: string[];
}

/** The engine's own answer to a prune, in one shape for every kind. */
export interface PruneReport {
	kind: PruneKind;
	/** What the engine says it removed: container ids, image ids (and layer chain ids), volume names, network names, cache ids. */
	removed: string[];
	/** Tags removed (images only). */
	untagged: string[];
	/** Bytes, as the engine counted them (0 for networks). */
	spaceReclaimed: number;
}

export interface PruneComparison {
	matched: string[];
	plannedButKept: string[];
	removedButUnplanned: string[];
	untagMatched: string[];
	untagPlannedButKept: string[];
	untaggedButUnplanned: string[];
	/** True when every list but `matched` and `untagMatched` is empty. */
	exact: boolean;
}
