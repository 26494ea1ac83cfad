/**
 * Domain types for images, volumes, networks, compose projects and the
 * system views. Like types.ts: the engine layer turns the Engine API's JSON
 * into these, and nothing above it sees the engine's own shapes.
 */
import type {ContainerState, Listed} from './types.js';

/** A container named as its users want to see it: who holds an image, a volume, a network. */
export interface ContainerRef {
	id: string;
	name: string;
	state: ContainerState;
}

export interface ImageSummary extends Listed {
	/** "repository:tag" each; an untagged image has exactly ["<none>:<none>"], as `docker image ls` shows it. */
	repoTags: string[];
	/** "repository@sha256:..." each; empty when the image was never pushed or pulled by digest. */
	repoDigests: string[];
	/** Local parent image id ("" when none): set for images built with the classic builder or committed. */
	parentId: string;
	/** Bytes of all the image's layers (shared ones included), as `docker image ls` shows. */
	size: number;
	/** Creation time, epoch ms (the list call gives whole seconds). */
	createdAt: number;
	/** The image config's labels. */
	labels: Record<string, string>;
	/** Containers (any state) created from this image id. */
	containers: ContainerRef[];
	/** Untagged and not the parent of another image: what `docker image ls -f dangling=true` lists. */
	dangling: boolean;
	/** Untagged parent of another image: `docker image ls` hides these, `-a` shows them. */
	intermediate: boolean;
}

/** One step of an image's history, newest first: the dive-like view. */
export interface ImageLayer extends Listed {
	/** Image id of the step when that image exists locally, else "<missing>". */
	imageId: string;
	/** Epoch ms. */
	createdAt: number;
	/** Bytes this step added; 0 for metadata-only steps (ENV, CMD, LABEL...). */
	size: number;
	/** The instruction that made the step ("/bin/sh -c #(nop)  CMD [...]" shortened to "CMD [...]"). */
	command: string;
	tags: string[];
	comment: string;
}

export interface ImageRemoval {
	/** Tags the engine removed ("repo:tag"). */
	untagged: string[];
	/** Image ids and layer chain ids the engine deleted. */
	deleted: string[];
}

export interface VolumeUser extends ContainerRef {
	/** Path inside the container. */
	destination: string;
	readWrite: boolean;
}

export interface VolumeSummary extends Listed {
	name: string;
	driver: string;
	mountpoint: string;
	scope: string;
	/** Bytes from `system df`; -1 when the engine did not compute it (other drivers, volumes with options, or sizes not asked for). */
	size: number;
	/** Containers (any state) that mount it: the engine refuses to remove it while any exists. */
	containers: VolumeUser[];
	/** Created without a name: labelled com.docker.volume.anonymous (engines since 23.0), or a 64-hex name (older ones). */
	anonymous: boolean;
	/** Epoch ms, undefined when the driver does not say. */
	createdAt?: number;
	labels: Record<string, string>;
	/** Driver options (`--opt`); the engine's prune skips volumes that have any. */
	options: Record<string, string>;
}

export interface NetworkSubnet {
	subnet: string;
	gateway?: string;
	ipRange?: string;
}

export interface NetworkEndpoint {
	/** Container id (or "lb-<network>" for a swarm load balancer endpoint). */
	id: string;
	name: string;
	/** "172.18.0.2/16", or "" when none. */
	ipv4: string;
	ipv6: string;
	macAddress: string;
	/** DNS aliases on this network; undefined when not read (listNetworks without aliases). */
	aliases?: string[];
}

export interface NetworkSummary extends Listed {
	name: string;
	driver: string;
	/** "local", "swarm" or "global". */
	scope: string;
	internal: boolean;
	attachable: boolean;
	ingress: boolean;
	/** A config-only network (a template for swarm networks): never has containers, prune skips it. */
	configOnly: boolean;
	ipv6: boolean;
	subnets: NetworkSubnet[];
	/** Running containers attached here (the engine lists endpoints, which stopped containers do not have). */
	containers: NetworkEndpoint[];
	labels: Record<string, string>;
	/** Epoch ms. */
	createdAt: number;
	/** bridge, host, none and default: the engine creates them and never removes or prunes them. */
	predefined: boolean;
}

export interface ComposeContainer {
	id: string;
	name: string;
	state: ContainerState;
	status: string;
}

export interface ComposeService {
	name: string;
	containers: ComposeContainer[];
	/** Services this one waits for (com.docker.compose.depends_on), by name. */
	dependsOn: string[];
}

export interface ComposeProject extends Listed {
	name: string;
	services: ComposeService[];
	/** Containers per state, e.g. {running: 2, exited: 1}. */
	states: Partial<Record<ContainerState, number>>;
	/** As `docker compose ls` says it: "running(2), exited(1)". */
	status: string;
	running: number;
	total: number;
	workingDir?: string;
	configFiles: string[];
}

export interface SystemOverview {
	serverVersion: string;
	/** The API version this session speaks (negotiated). */
	apiVersion: string;
	/** The newest API version the engine speaks. */
	engineApiVersion: string;
	/** Oldest API version the engine accepts. */
	minApiVersion: string;
	os: string;
	osType: string;
	kernelVersion: string;
	architecture: string;
	storageDriver: string;
	cgroupDriver: string;
	cgroupVersion: string;
	cpus: number;
	/** Bytes. */
	memory: number;
	name: string;
	rootDir: string;
	swarm: string;
	containers: {total: number; running: number; paused: number; stopped: number};
	images: number;
}

/** One line of `docker system df`. Sizes in bytes. */
export interface DiskUsageRow {
	totalCount: number;
	active: number;
	size: number;
	reclaimable: number;
}

export interface BuildCacheRecord {
	id: string;
	type: string;
	description: string;
	inUse: boolean;
	shared: boolean;
	size: number;
	/** Epoch ms. */
	createdAt: number;
	lastUsedAt?: number;
	usageCount: number;
}

export interface DiskUsage {
	images: DiskUsageRow;
	containers: DiskUsageRow;
	volumes: DiskUsageRow;
	buildCache: DiskUsageRow;
	buildCacheRecords: BuildCacheRecord[];
}
