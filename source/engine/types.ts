/**
 * dockdeck's own domain types. The engine layer turns the Engine API's JSON
 * into these; everything above it (store, resources, UI) sees only these.
 */

/** Every listed item has a stable id and a revision that changes when any shown field changes. */
export interface Listed {
	id: string;
	/** Cheap fingerprint of the source JSON; equal rev => the reducer keeps the old object. */
	rev: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
export type HealthState = 'healthy' | 'unhealthy' | 'starting';

export interface PortMapping {
	privatePort: number;
	publicPort?: number;
	ip?: string;
	protocol: string;
}

export interface ContainerSummary extends Listed {
	name: string;
	image: string;
	imageId: string;
	command: string;
	state: ContainerState;
	health?: HealthState;
	/** The engine's own status text, e.g. "Up 5 minutes (healthy)". */
	status: string;
	/** Creation time, epoch ms. */
	createdAt: number;
	ports: PortMapping[];
	labels: Record<string, string>;
	composeProject?: string;
	composeService?: string;
	networks: string[];
}

export interface MountInfo {
	type: string;
	source: string;
	destination: string;
	mode: string;
	readWrite: boolean;
	name?: string;
}

export interface NetworkAttachment {
	name: string;
	ipAddress: string;
	gateway: string;
	macAddress: string;
	aliases: string[];
}

export interface ContainerDetail {
	id: string;
	name: string;
	image: string;
	imageId: string;
	state: ContainerState;
	health?: HealthState;
	startedAt?: number;
	finishedAt?: number;
	exitCode?: number;
	restartCount: number;
	restartPolicy: string;
	command: string;
	entrypoint: string;
	workingDir: string;
	user: string;
	hostname: string;
	tty: boolean;
	env: {name: string; value: string}[];
	mounts: MountInfo[];
	networks: NetworkAttachment[];
	labels: Record<string, string>;
	ports: PortMapping[];
	/** The whole inspect JSON, for the raw tab. */
	raw: unknown;
}

/** One stats reading for a container, computed the way `docker stats` computes it. */
export interface ContainerStats {
	id: string;
	/** Percent of one core (can exceed 100 on multi-core), undefined until two samples exist. */
	cpuPercent?: number;
	/** Memory used minus inactive file cache, bytes. */
	memoryUsed: number;
	memoryLimit: number;
	memoryPercent: number;
	networkRx: number;
	networkTx: number;
	blockRead: number;
	blockWrite: number;
	pids: number;
	/** Epoch ms of the reading. */
	at: number;
}

export interface EngineEvent {
	type: string;
	action: string;
	id: string;
	name?: string;
	attributes: Record<string, string>;
	/** Epoch ms (from timeNano). */
	time: number;
}

export interface EngineInfo {
	serverVersion: string;
	apiVersion: string;
	os: string;
	name: string;
	swarm: 'inactive' | 'pending' | 'active' | 'error' | 'locked' | string;
}

export type ContainerAction = 'start' | 'stop' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove' | 'forceRemove';
