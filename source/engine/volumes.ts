import type Docker from 'dockerode';
import type {VolumeSummary, VolumeUser} from './resources-types.js';
import type {ContainerSummary} from './types.js';

/** Set by the engine (23.0 and later) on volumes it created without a name. */
export const anonymousVolumeLabel = 'com.docker.volume.anonymous';
const generatedName = /^[0-9a-f]{64}$/;

export interface RawVolume {
	Name: string;
	Driver: string;
	Mountpoint: string;
	Scope?: string;
	CreatedAt?: string;
	Labels?: Record<string, string> | null;
	Options?: Record<string, string> | null;
	UsageData?: {Size: number; RefCount: number} | null;
}

/** The list call's container JSON carries Mounts, which ContainerSummary leaves out. */
type RawContainer = Docker.ContainerInfo;

/** Users of each volume by name, from the containers' mounts (any state). */
export function volumeUsers(containers: RawContainer[]): Map<string, VolumeUser[]> {
	const users = new Map<string, VolumeUser[]>();
	for (const container of containers) {
		for (const mount of container.Mounts ?? []) {
			if (mount.Type !== 'volume' || !mount.Name) continue;
			const list = users.get(mount.Name) ?? [];
			list.push({
				id: container.Id,
				name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
				state: container.State as ContainerSummary['state'],
				destination: mount.Destination,
				readWrite: mount.RW,
			});
			users.set(mount.Name, list);
		}
	}

	return users;
}

export function isAnonymousVolume(volume: Pick<RawVolume, 'Name' | 'Labels'>): boolean {
	const labels = volume.Labels ?? {};
	// Older engines set no label; their anonymous volumes are the ones with a generated 64-hex name.
	return anonymousVolumeLabel in labels || generatedName.test(volume.Name);
}

export function toVolumeSummary(json: RawVolume, users: VolumeUser[], size: number | undefined): VolumeSummary {
	const created = json.CreatedAt ? Date.parse(json.CreatedAt) : Number.NaN;
	const resolvedSize = size ?? json.UsageData?.Size ?? -1;
	return {
		id: json.Name,
		rev: `${JSON.stringify(json)}|${resolvedSize}|${users.map(user => `${user.id}:${user.state}`).join(',')}`,
		name: json.Name,
		driver: json.Driver,
		mountpoint: json.Mountpoint,
		scope: json.Scope ?? 'local',
		size: resolvedSize,
		containers: users,
		anonymous: isAnonymousVolume(json),
		...(Number.isFinite(created) ? {createdAt: created} : {}),
		labels: json.Labels ?? {},
		options: json.Options ?? {},
	};
}

/**
 * Sizes by volume name from `system df`, which walks every local volume's
 * folder: slow on big volumes, so listVolumes asks for it only on request.
 * -1 where the engine did not compute one.
 */
export async function readVolumeSizes(docker: Docker): Promise<Map<string, number>> {
	const df = (await docker.df()) as {Volumes?: RawVolume[] | null};
	return new Map((df.Volumes ?? []).map(volume => [volume.Name, volume.UsageData?.Size ?? -1]));
}

export interface ListVolumesOptions {
	/** Read sizes from `system df` (default false: size is -1). */
	sizes?: boolean;
	signal?: AbortSignal;
}

export async function listVolumes(docker: Docker, options: ListVolumesOptions = {}): Promise<VolumeSummary[]> {
	const [list, containers, sizes] = await Promise.all([
		docker.listVolumes({abortSignal: options.signal} as Docker.VolumeListOptions),
		docker.listContainers({all: true, abortSignal: options.signal}),
		options.sizes ? readVolumeSizes(docker) : Promise.resolve(new Map<string, number>()),
	]);
	const users = volumeUsers(containers);
	return ((list.Volumes ?? []) as RawVolume[])
		.map(volume => toVolumeSummary(volume, users.get(volume.Name) ?? [], sizes.get(volume.Name)))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export interface VolumeSpec {
	/** Empty or omitted: the engine generates a 64-hex name (an anonymous volume). */
	name?: string;
	driver?: string;
	driverOptions?: Record<string, string>;
	labels?: Record<string, string>;
}

const volumeName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/** Problems with a volume spec, in words; empty when the engine would accept it. */
export function checkVolumeSpec(spec: VolumeSpec): string[] {
	const name = spec.name ?? '';
	// The local driver's rule; other drivers judge names themselves.
	if (name !== '' && (spec.driver ?? 'local') === 'local' && !volumeName.test(name)) {
		return [`volume name "${name}" must be at least 2 characters of letters, digits, "_", "." or "-", starting with a letter or digit`];
	}

	return [];
}

export async function createVolume(docker: Docker, spec: VolumeSpec = {}): Promise<VolumeSummary> {
	const problems = checkVolumeSpec(spec);
	if (problems.length > 0) throw new Error(problems.join('; '));
	// dockerode answers with a handle, not the JSON: inspect it for the summary.
	const volume = await docker.createVolume({
		Name: spec.name ?? '',
		Driver: spec.driver ?? 'local',
		DriverOpts: spec.driverOptions ?? {},
		Labels: spec.labels ?? {},
	});
	return toVolumeSummary((await volume.inspect()) as unknown as RawVolume, [], undefined);
}

/**
 * Removes a volume. A volume any container mounts is refused by the engine
 * ("remove NAME: volume is in use - [ids]"); that error comes back unchanged,
 * for engineMessage() to show. Force only skips "no such volume".
 */
export async function removeVolume(docker: Docker, name: string, options: {force?: boolean} = {}): Promise<void> {
	await docker.getVolume(name).remove({force: options.force ?? false});
}
