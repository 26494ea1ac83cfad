/**
 * dockdeck's Swarm domain types. The engine layer maps the Engine API's JSON
 * into these; the store, resources, the pure logic in source/swarm and the
 * panes see only these.
 */
import type {Listed} from '../types.js';

export type NodeRole = 'manager' | 'worker';
export type NodeAvailability = 'active' | 'pause' | 'drain';
/** The engine's node states; a stopped daemon shows as `down` after a few heartbeats. */
export type NodeState = 'unknown' | 'down' | 'ready' | 'disconnected';
export type ManagerStatus = 'leader' | 'reachable' | 'unreachable';

/** Reservations or limits; 0 means none. */
export interface ResourceAmounts {
	/** CPUs as NanoCPUs / 1e9, e.g. 0.5. */
	cpus: number;
	memoryBytes: number;
}

export interface NodeSummary extends Listed {
	hostname: string;
	role: NodeRole;
	/** Undefined for workers. */
	managerStatus?: ManagerStatus;
	availability: NodeAvailability;
	state: NodeState;
	/** The engine's words about the state, e.g. "heartbeat failure", if any. */
	stateMessage?: string;
	engineVersion: string;
	/** Whole machine, NanoCPUs / 1e9. */
	cpus: number;
	memoryBytes: number;
	/** Node labels (the ones `node.labels.X` constraints read). */
	labels: Record<string, string>;
	/** Engine labels (daemon.json "labels"; `engine.labels.X` constraints). */
	engineLabels: Record<string, string>;
	/** The node's address as the swarm sees it, e.g. "10.213.0.2". */
	addr: string;
	/** e.g. {os: "linux", architecture: "x86_64"}. */
	platform: {os: string; architecture: string};
	/** Version index an update must quote. */
	versionIndex: number;
}

export type ServiceMode = 'replicated' | 'global' | 'replicated-job' | 'global-job';

export type UpdateState = 'updating' | 'paused' | 'completed' | 'rollback_started' | 'rollback_paused' | 'rollback_completed';

export interface PublishedPort {
	/** Undefined while the engine has not assigned one yet. */
	publishedPort?: number;
	targetPort: number;
	protocol: string;
	/** "ingress" or "host". */
	mode: string;
}

export interface SecretReference {
	id: string;
	name: string;
}

export interface ServiceSummary extends Listed {
	name: string;
	mode: ServiceMode;
	/**
	 * Tasks the service wants: the replica count for replicated services; for
	 * global ones the number of nodes it currently targets (its running plus
	 * desired-running tasks, as the engine counts them).
	 */
	desired: number;
	running: number;
	/** Image reference without any digest, e.g. "nginx:1.27". */
	image: string;
	/** First 12 hex digits of the pinned digest, if the spec pins one. */
	imageDigest?: string;
	ports: PublishedPort[];
	updateStatus?: {state: UpdateState; message: string};
	/** com.docker.stack.namespace, for services deployed by `docker stack deploy`. */
	stack?: string;
	/** Placement constraints as written, e.g. "node.labels.tier==gold". */
	constraints: string[];
	/** Max tasks per node (0 = unlimited). */
	maxReplicasPerNode: number;
	reservations: ResourceAmounts;
	limits: ResourceAmounts;
	secrets: SecretReference[];
	configs: SecretReference[];
	labels: Record<string, string>;
	/** True when the engine keeps a previous spec, so rollback can work. */
	hasPreviousSpec: boolean;
	versionIndex: number;
	/** Epoch ms. */
	createdAt: number;
	/** Epoch ms. */
	updatedAt: number;
}

export type TaskState =
	| 'new' | 'allocated' | 'pending' | 'assigned' | 'accepted' | 'preparing' | 'ready' | 'starting' | 'running'
	| 'complete' | 'shutdown' | 'failed' | 'rejected' | 'remove' | 'orphaned';

export interface TaskSummary extends Listed {
	serviceId: string;
	/** Filled from the services list when known; else the service id. */
	serviceName: string;
	/** Replica number; undefined for global services (their tasks are per node). */
	slot?: number;
	/** Undefined while the scheduler has not placed it. */
	nodeId?: string;
	desiredState: TaskState;
	state: TaskState;
	/** The engine's status message, e.g. "pending task scheduling". */
	message: string;
	/** The engine's error, e.g. "no suitable node (scheduling constraints not satisfied on 3 nodes)". */
	error?: string;
	/** Epoch ms of the last status change. */
	timestamp: number;
	containerId?: string;
	exitCode?: number;
	image: string;
	/** What this task holds on its node. */
	reservations: ResourceAmounts;
	versionIndex: number;
}

export interface SecretSummary extends Listed {
	name: string;
	/** Epoch ms. */
	createdAt: number;
	/** Epoch ms. */
	updatedAt: number;
	labels: Record<string, string>;
	/** Names of the services that mount it, sorted. */
	usedBy: string[];
	versionIndex: number;
}

export type ConfigSummary = SecretSummary;

export interface StackSummary extends Listed {
	name: string;
	/** Service names, sorted. */
	services: string[];
	running: number;
	desired: number;
}

/** Whether this engine can show the Swarm panes, and if not why. */
export type SwarmAccess =
	| {ok: true; nodeId: string}
	| {ok: false; reason: string; hint?: string; managers?: string[]};
