import {listComposeProjects} from '../engine/compose-projects.js';
import type {ComposeContainer, ComposeProject} from '../engine/resources-types.js';
import type {Line, Token} from '../theme/tokens.js';
import {stateTone} from './container-columns.js';
import type {DetailDescriptor, LogTarget, ResourceDescriptor} from './descriptor.js';
import {field, note} from './detail-lines.js';
import {projectActions, projectContainers} from './project-actions.js';

function runningTone(project: ComposeProject): Token {
	if (project.running === 0) return 'status.exited';
	return project.running < project.total ? 'status.unhealthy' : 'status.running';
}

function serviceNames(project: ComposeProject): string {
	return project.services.map(service => (service.containers.length > 1 ? `${service.name}×${service.containers.length}` : service.name)).join(' ');
}

/** "web-1": the service and the container's number, as compose prefixes its log lines. */
function sourceLabel(service: string, container: ComposeContainer, index: number): string {
	const number = /-(\d+)$/.exec(container.name)?.[1] ?? String(index + 1);
	return `${service || container.name}-${number}`;
}

/** The merged logs of every container of the project, each line prefixed with service-N. */
export function projectLogs(project: ComposeProject): LogTarget {
	return {
		title: `logs of compose project ${project.name} (${project.total} containers)`,
		sources: project.services.flatMap(service => service.containers.map((container, index) => ({id: container.id, label: sourceLabel(service.name, container, index)}))),
	};
}

function services(project: ComposeProject): Line[] {
	return project.services.flatMap((service): Line[] => [
		[{text: service.name || '(no service label)', tone: 'title'}, {text: service.dependsOn.length > 0 ? `  depends on ${service.dependsOn.join(', ')}` : '', tone: 'muted'}],
		...service.containers.map((container): Line => [{text: `  ${container.name.padEnd(28)} `}, {text: container.state.padEnd(11), tone: stateTone(container)}, {text: container.status, tone: 'muted'}]),
		[],
	]);
}

function summary(project: ComposeProject): Line[] {
	return [
		field('Project', project.name, 'title'),
		field('Status', project.status, runningTone(project)),
		field('Containers', `${project.running} of ${project.total} running`),
		field('Services', String(project.services.length)),
		field('Working dir', project.workingDir ?? ''),
		field('Config files', project.configFiles.join(', ')),
		[],
		note('Actions go through the engine API container by container, in dependency order;'),
		note('remove takes the containers only (compose down also removes the networks).'),
	];
}

const projectDetail: DetailDescriptor<ComposeProject> = {
	load: async (session, name) => {
		const project = (await listComposeProjects(session.docker)).find(each => each.name === name);
		if (!project) throw new Error(`compose project ${name} has no container any more`);
		return project;
	},
	tabs: [
		{id: 'services', title: 'Services', lines: services},
		{id: 'summary', title: 'Summary', lines: summary},
	],
};

/**
 * Compose projects as the containers' compose labels make them (what
 * `docker compose ls` shows), with their services and containers.
 */
export const projectsResource: ResourceDescriptor<ComposeProject, ComposeProject> = {
	kind: 'projects',
	title: 'Projects',
	aliases: ['projects', 'pr', 'compose'],
	list: (session, signal) => listComposeProjects(session.docker, signal),
	columns: [
		{id: 'name', title: 'NAME', width: {min: 10, flex: 2, fit: 30}, value: project => project.name, sortKey: 'N', sortValue: project => project.name},
		{id: 'running', title: 'RUNNING', width: 7, align: 'right', value: project => `${project.running}/${project.total}`, tone: runningTone, sortKey: 'R', sortValue: project => project.total - project.running},
		{id: 'status', title: 'STATUS', width: {min: 12, flex: 2, fit: 36}, value: project => project.status, tone: () => 'muted'},
		{id: 'services', title: 'SERVICES', width: {min: 10, flex: 3}, value: serviceNames, sortKey: 'S', sortValue: project => project.services.length, dropPriority: 1},
		{id: 'workingDir', title: 'WORKING DIR', width: {min: 10, flex: 2}, value: project => project.workingDir ?? '', tone: () => 'muted', dropPriority: 2},
	],
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: project => `${project.name} ${project.status} ${serviceNames(project)} ${projectContainers(project).map(container => container.name).join(' ')}`,
	label: project => project.name,
	actions: projectActions,
	detail: projectDetail,
	logs: projectLogs,
	groupLogs: project => projectLogs(project),
};
