import type Docker from 'dockerode';
import type {SystemOverview} from './resources-types.js';

interface RawInfo {
	ServerVersion?: string;
	OperatingSystem?: string;
	OSType?: string;
	KernelVersion?: string;
	Architecture?: string;
	Driver?: string;
	CgroupDriver?: string;
	CgroupVersion?: string;
	NCPU?: number;
	MemTotal?: number;
	Name?: string;
	DockerRootDir?: string;
	Swarm?: {LocalNodeState?: string};
	Containers?: number;
	ContainersRunning?: number;
	ContainersPaused?: number;
	ContainersStopped?: number;
	Images?: number;
}

interface RawVersion {
	ApiVersion?: string;
	MinAPIVersion?: string;
}

export function toSystemOverview(info: RawInfo, version: RawVersion, apiVersion: string): SystemOverview {
	return {
		serverVersion: info.ServerVersion ?? '?',
		apiVersion,
		engineApiVersion: version.ApiVersion ?? '?',
		minApiVersion: version.MinAPIVersion ?? '?',
		os: info.OperatingSystem ?? '?',
		osType: info.OSType ?? '?',
		kernelVersion: info.KernelVersion ?? '?',
		architecture: info.Architecture ?? '?',
		storageDriver: info.Driver ?? '?',
		cgroupDriver: info.CgroupDriver ?? '?',
		// Engines before 20.10 do not report it; they only knew cgroup v1.
		cgroupVersion: info.CgroupVersion ?? '1',
		cpus: info.NCPU ?? 0,
		memory: info.MemTotal ?? 0,
		name: info.Name ?? '?',
		rootDir: info.DockerRootDir ?? '?',
		swarm: info.Swarm?.LocalNodeState ?? 'inactive',
		containers: {
			total: info.Containers ?? 0,
			running: info.ContainersRunning ?? 0,
			paused: info.ContainersPaused ?? 0,
			stopped: info.ContainersStopped ?? 0,
		},
		images: info.Images ?? 0,
	};
}

/** `docker info` and `docker version` in one view; `apiVersion` is the session's negotiated one. */
export async function readSystemOverview(docker: Docker, apiVersion: string): Promise<SystemOverview> {
	const [info, version] = await Promise.all([docker.info() as Promise<RawInfo>, docker.version() as Promise<RawVersion>]);
	return toSystemOverview(info, version, apiVersion);
}
