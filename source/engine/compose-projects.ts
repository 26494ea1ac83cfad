import type Docker from 'dockerode';
import {engineMessage} from './connection.js';
import {listContainers} from './containers.js';
import type {ComposeContainer, ComposeProject, ComposeService} from './resources-types.js';
import type {ContainerState, ContainerSummary} from './types.js';

const dependsOnLabel = 'com.docker.compose.depends_on';
const workingDirLabel = 'com.docker.compose.project.working_dir';
const configFilesLabel = 'com.docker.compose.project.config_files';

/** "db:service_started:false,cache:service_healthy:true" -> ["db", "cache"] (compose v2 writes this label). */
export function parseDependsOn(label: string | undefined): string[] {
	if (!label) return [];
	return label.split(',').map(entry => entry.split(':')[0]?.trim() ?? '').filter(Boolean);
}

/** As `docker compose ls` words it: states sorted by name, "exited(1), running(2)". */
export function combinedStatus(states: Partial<Record<ContainerState, number>>): string {
	return Object.keys(states).sort().map(state => `${state}(${states[state as ContainerState]})`).join(', ');
}

function toComposeContainer(container: ContainerSummary): ComposeContainer {
	return {id: container.id, name: container.name, state: container.state, status: container.status};
}

/** Projects from the compose labels the containers carry; containers without them are left out. */
export function groupComposeProjects(containers: ContainerSummary[]): ComposeProject[] {
	const byProject = new Map<string, ContainerSummary[]>();
	for (const container of containers) {
		if (!container.composeProject) continue;
		const members = byProject.get(container.composeProject) ?? [];
		members.push(container);
		byProject.set(container.composeProject, members);
	}

	return [...byProject.entries()].map(([name, members]) => toComposeProject(name, members)).sort((a, b) => a.name.localeCompare(b.name));
}

function toComposeProject(name: string, members: ContainerSummary[]): ComposeProject {
	const services = new Map<string, ComposeService>();
	const states: Partial<Record<ContainerState, number>> = {};
	for (const container of [...members].sort((a, b) => a.name.localeCompare(b.name))) {
		const serviceName = container.composeService ?? '';
		const service = services.get(serviceName) ?? {name: serviceName, containers: [], dependsOn: []};
		service.containers.push(toComposeContainer(container));
		for (const dependency of parseDependsOn(container.labels[dependsOnLabel])) {
			if (!service.dependsOn.includes(dependency)) service.dependsOn.push(dependency);
		}

		services.set(serviceName, service);
		states[container.state] = (states[container.state] ?? 0) + 1;
	}

	const first = members[0]?.labels ?? {};
	const configFiles = first[configFilesLabel];
	return {
		id: name,
		rev: members.map(container => container.rev).sort().join('|'),
		name,
		services: [...services.values()].sort((a, b) => a.name.localeCompare(b.name)),
		states,
		status: combinedStatus(states),
		running: states.running ?? 0,
		total: members.length,
		...(first[workingDirLabel] ? {workingDir: first[workingDirLabel]} : {}),
		configFiles: configFiles ? configFiles.split(',') : [],
	};
}

/**
 * Services in start order, grouped in levels: each level depends only on
 * earlier ones, so a level's containers can go in parallel. A dependency
 * cycle (or on a service not in the project) does not block: what is left
 * goes in a last level.
 */
export function startLevels(services: ComposeService[]): ComposeService[][] {
	const names = new Set(services.map(service => service.name));
	const placed = new Set<string>();
	const levels: ComposeService[][] = [];
	let remaining = services;
	while (remaining.length > 0) {
		const ready = remaining.filter(service => service.dependsOn.every(dependency => placed.has(dependency) || !names.has(dependency)));
		const level = ready.length > 0 ? ready : remaining;
		levels.push(level);
		for (const service of level) placed.add(service.name);
		remaining = remaining.filter(service => !level.includes(service));
	}

	return levels;
}

export type ComposeAction = 'start' | 'stop' | 'restart' | 'remove';

export interface ComposeActionResult {
	/** Names of the containers the action went through for. */
	done: string[];
	/** Per container, the engine's refusal. */
	failed: {name: string; message: string}[];
}

const isUp = (state: ContainerState) => state === 'running' || state === 'paused' || state === 'restarting';

/** What each action does to one container; undefined = nothing to do for it. */
function containerStep(action: ComposeAction, container: ComposeContainer, timeout: number | undefined): ((handle: Docker.Container) => Promise<unknown>) | undefined {
	const stopOptions = timeout === undefined ? {} : {t: timeout};
	switch (action) {
		case 'start':
			if (container.state === 'paused') return handle => handle.unpause();
			return isUp(container.state) ? undefined : handle => handle.start();
		case 'stop':
			return isUp(container.state) ? handle => handle.stop(stopOptions) : undefined;
		case 'restart':
			return handle => handle.restart(stopOptions);
		case 'remove':
			return async handle => {
				if (isUp(container.state)) await handle.stop(stopOptions);
				await handle.remove();
			};
	}
}

/**
 * Runs an action over a project's containers through the API, the way
 * compose orders it: start and restart dependencies first, stop and remove
 * dependents first. One container's failure does not stop the others.
 * Remove takes the containers only (not networks or volumes).
 */
export async function runComposeAction(docker: Docker, project: ComposeProject, action: ComposeAction, options: {stopTimeoutSeconds?: number} = {}): Promise<ComposeActionResult> {
	const result: ComposeActionResult = {done: [], failed: []};
	const levels = startLevels(project.services);
	if (action === 'stop' || action === 'remove') levels.reverse();
	for (const level of levels) {
		await Promise.all(level.flatMap(service => service.containers).map(async container => {
			const step = containerStep(action, container, options.stopTimeoutSeconds);
			if (!step) return;
			try {
				await step(docker.getContainer(container.id));
				result.done.push(container.name);
			} catch (error) {
				result.failed.push({name: container.name, message: engineMessage(error)});
			}
		}));
	}

	return result;
}

export async function listComposeProjects(docker: Docker, signal?: AbortSignal): Promise<ComposeProject[]> {
	return groupComposeProjects(await listContainers(docker, signal));
}
