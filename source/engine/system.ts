import type Docker from 'dockerode';
import type {EngineInfo} from './types.js';

export async function readEngineInfo(docker: Docker, apiVersion: string): Promise<EngineInfo> {
	const info = (await docker.info()) as {ServerVersion?: string; OperatingSystem?: string; Name?: string; Swarm?: {LocalNodeState?: string}};
	return {
		serverVersion: info.ServerVersion ?? '?',
		apiVersion,
		os: info.OperatingSystem ?? '?',
		name: info.Name ?? '?',
		swarm: info.Swarm?.LocalNodeState ?? 'inactive',
	};
}
