/**
 * The parts of the Engine API's Swarm JSON that dockdeck reads (API 1.41
 * shapes; fields newer engines add are kept by the spread in every update, so
 * nothing here needs to know them). @types/dockerode types nodes and tasks as
 * `any`, so these are our own, narrowed to what the mappers and actions use.
 */

export interface RawVersion {
	Index?: number;
}

export interface RawResources {
	NanoCPUs?: number;
	MemoryBytes?: number;
}

export interface RawNodeSpec {
	Name?: string;
	Labels?: Record<string, string>;
	Role?: string;
	Availability?: string;
	[key: string]: unknown;
}

export interface RawNode {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: RawNodeSpec;
	Description?: {
		Hostname?: string;
		Platform?: {Architecture?: string; OS?: string};
		Resources?: RawResources;
		Engine?: {EngineVersion?: string; Labels?: Record<string, string>};
	};
	Status?: {State?: string; Message?: string; Addr?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string; Addr?: string};
}

export interface RawSecretReference {
	SecretID?: string;
	SecretName?: string;
}

export interface RawConfigReference {
	ConfigID?: string;
	ConfigName?: string;
}

export interface RawContainerSpec {
	Image?: string;
	Env?: string[];
	Secrets?: RawSecretReference[];
	Configs?: RawConfigReference[];
	[key: string]: unknown;
}

export interface RawTaskSpec {
	ContainerSpec?: RawContainerSpec;
	Resources?: {Limits?: RawResources; Reservations?: RawResources};
	Placement?: {Constraints?: string[]; MaxReplicas?: number; [key: string]: unknown};
	ForceUpdate?: number;
	[key: string]: unknown;
}

export interface RawUpdateConfig {
	Parallelism?: number;
	/** Nanoseconds. */
	Delay?: number;
	FailureAction?: string;
	/** Nanoseconds. */
	Monitor?: number;
	MaxFailureRatio?: number;
	Order?: string;
}

export interface RawPortConfig {
	Name?: string;
	Protocol?: string;
	TargetPort?: number;
	PublishedPort?: number;
	PublishMode?: string;
}

export interface RawServiceSpec {
	Name?: string;
	Labels?: Record<string, string>;
	TaskTemplate?: RawTaskSpec;
	Mode?: {
		Replicated?: {Replicas?: number};
		Global?: Record<string, never>;
		ReplicatedJob?: {MaxConcurrent?: number; TotalCompletions?: number};
		GlobalJob?: Record<string, never>;
	};
	UpdateConfig?: RawUpdateConfig;
	RollbackConfig?: RawUpdateConfig;
	EndpointSpec?: {Mode?: string; Ports?: RawPortConfig[]};
	[key: string]: unknown;
}

export interface RawService {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: RawServiceSpec;
	PreviousSpec?: RawServiceSpec;
	Endpoint?: {Ports?: RawPortConfig[]};
	UpdateStatus?: {State?: string; Message?: string; StartedAt?: string; CompletedAt?: string};
	/** Only with `status=true` on API 1.41 and newer. */
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number};
}

export interface RawTask {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Name?: string;
	Labels?: Record<string, string>;
	Spec?: RawTaskSpec;
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	Status?: {
		Timestamp?: string;
		State?: string;
		Message?: string;
		Err?: string;
		ContainerStatus?: {ContainerID?: string; PID?: number; ExitCode?: number};
	};
	DesiredState?: string;
}

export interface RawSecretOrConfig {
	ID: string;
	Version?: RawVersion;
	CreatedAt?: string;
	UpdatedAt?: string;
	Spec?: {Name?: string; Labels?: Record<string, string>; Data?: string; [key: string]: unknown};
}

/** The Swarm part of GET /info. */
export interface RawSwarmInfo {
	NodeID?: string;
	NodeAddr?: string;
	LocalNodeState?: string;
	ControlAvailable?: boolean;
	Error?: string;
	RemoteManagers?: {NodeID?: string; Addr?: string}[] | null;
	Nodes?: number;
	Managers?: number;
}
