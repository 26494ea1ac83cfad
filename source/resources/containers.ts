import {listContainers} from '../engine/containers.js';
import type {ContainerDetail, ContainerSummary} from '../engine/types.js';
import {containerActions} from './container-actions.js';
import {containerColumns} from './container-columns.js';
import {containerDetail} from './container-detail.js';
import {containerTerminalActions} from './container-terminal.js';
import {containersPrune} from './containers-prune.js';
import type {ResourceDescriptor} from './descriptor.js';

export const containersResource: ResourceDescriptor<ContainerSummary, ContainerDetail> = {
	kind: 'containers',
	title: 'Containers',
	aliases: ['containers', 'co', 'ps'],
	list: (session, signal) => listContainers(session.docker, signal),
	columns: containerColumns,
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: item => [item.name, item.image, item.state, item.health ?? '', item.status, item.composeProject ?? '', item.id.slice(0, 12)].join(' '),
	label: item => item.name,
	actions: [...containerActions, ...containerTerminalActions],
	paneActions: [containersPrune],
	groupBy: {title: 'project', key: item => item.composeProject, columnId: 'project'},
	detail: containerDetail,
	wantsStats: item => item.state === 'running',
	logs: item => ({title: `logs of ${item.name}`, sources: [{id: item.id}]}),
	groupLogs: (item, all) => {
		const project = item.composeProject;
		if (!project) return {refused: `${item.name} belongs to no compose project: l shows its own logs`};
		const members = all.filter(each => each.composeProject === project).sort((a, b) => a.name.localeCompare(b.name));
		return {
			title: `logs of compose project ${project} (${members.length} containers)`,
			sources: members.map(member => ({id: member.id, label: member.composeService ? `${member.composeService}-${member.labels['com.docker.compose.container-number'] ?? '1'}` : member.name})),
		};
	},
};
