import type Docker from 'dockerode';
import {listContainers} from './containers.js';
import {engineMessage} from './connection.js';
import {containerRef} from './images.js';
import type {ContainerRef, ImageRemoval} from './resources-types.js';

/**
 * The engine refused to remove an image that containers use. The engine's
 * own message names one container; this error names them all, and says
 * whether force can help: a running container keeps its image even then.
 */
export class ImageInUseError extends Error {
	override name = 'ImageInUseError';

	constructor(
		/** The engine's refusal, word for word. */
		readonly engineText: string,
		readonly users: ContainerRef[],
	) {
		super(`${engineText} — ${describeImageUsers(users)}`);
	}

	/** True when no user is running or paused, so a forced removal would go through. */
	get forceable(): boolean {
		return this.users.every(user => !isActive(user));
	}
}

function isActive(user: ContainerRef): boolean {
	return user.state === 'running' || user.state === 'paused' || user.state === 'restarting';
}

/** "used by 2 containers: web (running), old-job (exited); stop and remove them, or force" */
export function describeImageUsers(users: ContainerRef[]): string {
	const names = users.map(user => `${user.name} (${user.state})`).join(', ');
	const count = users.length === 1 ? '1 container' : `${users.length} containers`;
	const advice = users.some(isActive)
		? 'stop and remove the running ones first; force cannot remove an image a running container uses'
		: 'remove them first, or force the removal (the containers keep working from their copy)';
	return `used by ${count}: ${names}; ${advice}`;
}

/**
 * Removes an image by id or reference, as `docker rmi` does: a reference
 * ("repo:tag") drops that tag, and the image only when it was its last one.
 * On a refusal because containers use it, throws ImageInUseError naming them.
 */
export async function removeImage(docker: Docker, reference: string, options: {force?: boolean} = {}): Promise<ImageRemoval> {
	let items: {Untagged?: string; Deleted?: string}[];
	try {
		items = (await docker.getImage(reference).remove({force: options.force ?? false})) as typeof items;
	} catch (error) {
		throw await explainRefusal(docker, reference, error);
	}

	return {
		untagged: items.flatMap(item => (item.Untagged ? [item.Untagged] : [])),
		deleted: items.flatMap(item => (item.Deleted ? [item.Deleted] : [])),
	};
}

async function explainRefusal(docker: Docker, reference: string, error: unknown): Promise<unknown> {
	if ((error as {statusCode?: number}).statusCode !== 409) return error;
	try {
		const {Id: imageId} = await docker.getImage(reference).inspect();
		const users = (await listContainers(docker)).filter(container => container.imageId === imageId).map(containerRef);
		return users.length > 0 ? new ImageInUseError(engineMessage(error), users) : error;
	} catch {
		return error;
	}
}
