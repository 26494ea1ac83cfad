import type {EngineSession} from '../engine/client.js';
import {runComposeAction, type ComposeAction, type ComposeActionResult} from '../engine/compose-projects.js';
import type {ComposeContainer, ComposeProject} from '../engine/resources-types.js';
import type {ActionDef, Plan} from './descriptor.js';

/** Containers named one per line in a confirmation; more are counted so the dialog fits the screen. */
const linesShown = 10;

const isUp = (container: ComposeContainer) => container.state === 'running' || container.state === 'paused' || container.state === 'restarting';

export function projectContainers(project: ComposeProject): ComposeContainer[] {
	return project.services.flatMap(service => service.containers);
}

function containerLines(containers: readonly ComposeContainer[]): string[] {
	const lines = containers.slice(0, linesShown).map(container => `  ${container.name} (${container.state})`);
	if (containers.length > linesShown) lines.push(`  … and ${containers.length - linesShown} more`);
	return lines;
}

const pastTense: Record<ComposeAction, string> = {start: 'started', stop: 'stopped', restart: 'restarted', remove: 'removed'};

/**
 * The action went through for every container, or it did not: then one
 * error with each container's refusal in the engine's words, for the
 * status line.
 */
export function checkComposeResult(project: ComposeProject, action: ComposeAction, result: ComposeActionResult): void {
	if (result.failed.length === 0) return;
	const total = result.done.length + result.failed.length;
	const failures = result.failed.map(failure => `${failure.name}: ${failure.message}`).join('; ');
	throw new Error(`${project.name}: ${pastTense[action]} ${result.done.length} of ${total} containers; ${failures}`);
}

function composePlan(project: ComposeProject, action: ComposeAction, confirm?: string): Plan {
	return {
		...(confirm ? {confirm, confirmLabel: action} : {}),
		run: async (session: EngineSession) => checkComposeResult(project, action, await runComposeAction(session.docker, project, action)),
		done: `${pastTense[action]} compose project ${project.name}`,
	};
}

export const projectActions: readonly ActionDef<ComposeProject>[] = [
	{
		id: 'project.start',
		keys: ['u'],
		description: 'start every container of the project, dependencies first (unpauses paused ones)',
		hint: 'start',
		plan: project => {
			const down = projectContainers(project).filter(container => container.state !== 'running' && container.state !== 'restarting');
			return down.length === 0 ? {refused: `every container of ${project.name} is running`} : composePlan(project, 'start');
		},
	},
	{
		id: 'project.stop',
		keys: ['s'],
		description: 'stop every running container of the project, dependents first',
		hint: 'stop',
		plan: project => {
			const up = projectContainers(project).filter(isUp);
			if (up.length === 0) return {refused: `no container of ${project.name} is running`};
			return composePlan(project, 'stop', [`Stop compose project ${project.name}? ${up.length === 1 ? 'This container stops' : `These ${up.length} containers stop`} (dependents first):`, ...containerLines(up)].join('\n'));
		},
	},
	{
		id: 'project.restart',
		keys: ['r'],
		description: 'restart every container of the project, dependencies first',
		hint: 'restart',
		plan: project => composePlan(project, 'restart', `Restart compose project ${project.name}: all ${project.total} containers (dependencies first)?`),
	},
	{
		id: 'project.remove',
		keys: ['d'],
		description: 'remove every container of the project (running ones are stopped first); its networks and volumes stay',
		dangerous: true,
		hint: 'remove',
		plan: project => {
			const containers = projectContainers(project);
			return composePlan(
				project,
				'remove',
				[`Remove compose project ${project.name}? ${containers.length === 1 ? 'This container goes' : `These ${containers.length} containers go`} (running ones are stopped first):`, ...containerLines(containers), 'Its networks, volumes and images stay.'].join('\n'),
			);
		},
	},
];
