import type Docker from 'dockerode';
import type {ContainerAction, ContainerDetail, ContainerState, ContainerSummary, HealthState, PortMapping} from './types.js';

const composeProjectLabel = 'com.docker.compose.project';
const composeServiceLabel = 'com.docker.compose.service';

const knownStates = new Set<ContainerState>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function toState(raw: string | undefined): ContainerState {
	const state = (raw ?? '').toLowerCase() as ContainerState;
	return knownStates.has(state) ? state : 'dead';
}

/** Health is only in the status text of the list call: "Up 2 minutes (unhealthy)". */
export function healthFromStatus(status: string): HealthState | undefined {
	if (status.includes('(healthy)')) return 'healthy';
	if (status.includes('(unhealthy)')) return 'unhealthy';
	if (status.includes('(health: starting)')) return 'starting';
	return undefined;
}

function toPorts(raw: Docker.Port[] | undefined): PortMapping[] {
	const ports = (raw ?? []).map(port => ({
		privatePort: port.PrivatePort,
		publicPort: port.PublicPort || undefined,
		ip: port.IP || undefined,
		protocol: port.Type,
	}));
	// The engine lists a binding once per address family; show each port once.
	const seen = new Set<string>();
	return ports
		.filter(port => {
			const key = `${port.publicPort ?? ''}:${port.privatePort}/${port.protocol}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.privatePort - b.privatePort);
}

export function toContainerSummary(json: Docker.ContainerInfo): ContainerSummary {
	const labels = json.Labels ?? {};
	const name = (json.Names?.[0] ?? json.Id.slice(0, 12)).replace(/^\//, '');
	return {
		id: json.Id,
		rev: JSON.stringify(json),
		name,
		image: json.Image,
		imageId: json.ImageID,
		command: json.Command,
		state: toState(json.State),
		health: healthFromStatus(json.Status ?? ''),
		status: json.Status ?? '',
		createdAt: json.Created * 1000,
		ports: toPorts(json.Ports),
		labels,
		composeProject: labels[composeProjectLabel],
		composeService: labels[composeServiceLabel],
		networks: Object.keys(json.NetworkSettings?.Networks ?? {}),
	};
}

export async function listContainers(docker: Docker, signal?: AbortSignal): Promise<ContainerSummary[]> {
	const list = await docker.listContainers({all: true, abortSignal: signal});
	return list.map(toContainerSummary);
}

function epochOrUndefined(iso: string | undefined): number | undefined {
	if (!iso || iso.startsWith('0001-')) return undefined;
	const ms = Date.parse(iso);
	return Number.isFinite(ms) ? ms : undefined;
}

function splitEnv(entry: string): {name: string; value: string} {
	const equals = entry.indexOf('=');
	return equals === -1 ? {name: entry, value: ''} : {name: entry.slice(0, equals), value: entry.slice(equals + 1)};
}

function joinCommand(parts: string[] | string | undefined | null): string {
	if (!parts) return '';
	return Array.isArray(parts) ? parts.join(' ') : parts;
}

export function toContainerDetail(json: Docker.ContainerInspectInfo): ContainerDetail {
	const state = json.State;
	const health = (state as {Health?: {Status?: string}}).Health?.Status;
	const portsRaw = json.NetworkSettings?.Ports ?? {};
	const ports: PortMapping[] = [];
	for (const [key, bindings] of Object.entries(portsRaw)) {
		const [port = '0', protocol = 'tcp'] = key.split('/');
		const privatePort = Number(port);
		if (!bindings || bindings.length === 0) {
			ports.push({privatePort, protocol});
			continue;
		}
		for (const binding of bindings) {
			ports.push({privatePort, protocol, publicPort: Number(binding.HostPort) || undefined, ip: binding.HostIp || undefined});
		}
	}
	return {
		id: json.Id,
		name: json.Name.replace(/^\//, ''),
		image: json.Config.Image,
		imageId: json.Image,
		state: toState(state.Status),
		health: health === 'healthy' || health === 'unhealthy' || health === 'starting' ? health : undefined,
		startedAt: epochOrUndefined(state.StartedAt),
		finishedAt: epochOrUndefined(state.FinishedAt),
		exitCode: state.Running ? undefined : state.ExitCode,
		restartCount: json.RestartCount,
		restartPolicy: json.HostConfig.RestartPolicy?.Name || 'no',
		command: joinCommand(json.Config.Cmd),
		entrypoint: joinCommand(json.Config.Entrypoint as string[] | string | undefined),
		workingDir: json.Config.WorkingDir,
		user: json.Config.User,
		hostname: json.Config.Hostname,
		tty: json.Config.Tty,
		env: (json.Config.Env ?? []).map(splitEnv),
		mounts: (json.Mounts ?? []).map(mount => ({
			type: mount.Type,
			source: mount.Source,
			destination: mount.Destination,
			mode: mount.Mode,
			readWrite: mount.RW,
			name: mount.Name,
		})),
		networks: Object.entries(json.NetworkSettings?.Networks ?? {}).map(([name, network]) => ({
			name,
			ipAddress: network.IPAddress,
			gateway: network.Gateway,
			macAddress: network.MacAddress,
			aliases: network.Aliases ?? [],
		})),
		labels: json.Config.Labels ?? {},
		ports,
		raw: json,
	};
}

export async function inspectContainer(docker: Docker, id: string): Promise<ContainerDetail> {
	return toContainerDetail(await docker.getContainer(id).inspect());
}

/** Runs one lifecycle action; rejects with the engine's error on failure. */
export async function runContainerAction(docker: Docker, id: string, action: ContainerAction): Promise<void> {
	const container = docker.getContainer(id);
	switch (action) {
		case 'start':
			await container.start();
			return;
		case 'stop':
			await container.stop();
			return;
		case 'restart':
			await container.restart();
			return;
		case 'pause':
			await container.pause();
			return;
		case 'unpause':
			await container.unpause();
			return;
		case 'kill':
			await container.kill();
			return;
		case 'remove':
			await container.remove();
			return;
		case 'forceRemove':
			await container.remove({force: true});
			return;
	}
}
