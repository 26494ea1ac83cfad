import {listServices} from '../engine/swarm/services.js';
import type {ServiceSummary} from '../engine/swarm/types.js';
import type {Token} from '../theme/tokens.js';
import type {ResourceDescriptor} from './descriptor.js';
import {serviceDetail, type ServiceDetail} from './service-detail.js';
import {serviceActions} from './service-actions.js';
import {swarmListed, swarmPollMs} from './swarm-listing.js';

function replicasTone(service: ServiceSummary): Token {
	if (service.running === 0 && service.desired > 0) return 'status.dead';
	if (service.running < service.desired) return 'status.unhealthy';
	return 'status.running';
}

function updateTone(service: ServiceSummary): Token | undefined {
	const state = service.updateStatus?.state;
	if (!state) return undefined;
	if (state.startsWith('rollback') || state === 'paused') return 'status.unhealthy';
	if (state === 'updating') return 'status.starting';
	return 'muted';
}

function portsText(service: ServiceSummary): string {
	return service.ports.map(port => `${port.publishedPort ?? '?'}→${port.targetPort}/${port.protocol}${port.mode === 'host' ? ' (host)' : ''}`).join(' ');
}

export const servicesResource: ResourceDescriptor<ServiceSummary, ServiceDetail> = {
	kind: 'services',
	title: 'Services',
	aliases: ['services', 'se', 'svc'],
	list: (session, signal) => swarmListed(session, () => listServices(session.docker, session.apiVersion, signal)),
	columns: [
		{id: 'name', title: 'NAME', width: {min: 10, flex: 2, fit: 36}, value: service => service.name, sortKey: 'N', sortValue: service => service.name},
		{id: 'mode', title: 'MODE', width: 10, value: service => service.mode, sortKey: 'M', sortValue: service => service.mode},
		{id: 'replicas', title: 'REPLICAS', width: 8, align: 'right', value: service => `${service.running}/${service.desired}`, tone: replicasTone, sortKey: 'C', sortValue: service => service.desired - service.running},
		{id: 'image', title: 'IMAGE', width: {min: 12, flex: 2, fit: 40}, value: service => (service.imageDigest ? `${service.image}@${service.imageDigest}` : service.image), sortKey: 'I', sortValue: service => service.image},
		{id: 'ports', title: 'PORTS', width: {min: 6, flex: 1, fit: 24}, value: portsText, dropPriority: 2},
		{id: 'update', title: 'UPDATE', width: {min: 9, flex: 1, fit: 20}, value: service => service.updateStatus?.state ?? '', tone: updateTone, sortKey: 'U', sortValue: service => service.updateStatus?.state ?? '', dropPriority: 1},
		{id: 'stack', title: 'STACK', width: {min: 6, flex: 1, fit: 20}, value: service => service.stack ?? '', tone: () => 'muted', sortKey: 'K', sortValue: service => service.stack ?? '', dropPriority: 1},
	],
	// Task states change on every node, but only the node running a task tells of it (as container events): poll.
	pollIntervalMs: swarmPollMs,
	defaultSort: {column: 'name', direction: 'asc'},
	filterText: service => `${service.name} ${service.mode} ${service.image} ${service.stack ?? ''} ${service.updateStatus?.state ?? ''} ${service.id.slice(0, 12)}`,
	label: service => service.name,
	actions: serviceActions,
	detail: serviceDetail,
	logs: service => ({title: `logs of service ${service.name} (every task, prefixed service.slot@node)`, sources: [{id: service.id, service: true}]}),
	groupLogs: (service, all) => {
		if (!service.stack) return {refused: `${service.name} belongs to no stack: l shows its own logs`};
		const members = all.filter(each => each.stack === service.stack).sort((a, b) => a.name.localeCompare(b.name));
		return {title: `logs of stack ${service.stack} (${members.length} services)`, sources: members.map(member => ({id: member.id, service: true}))};
	},
	drillDown: {kind: 'tasks', scopeKey: 'service', value: service => service.id, title: service => `service ${service.name}`},
	inScope: (service, key, value) => key === 'stack' && service.stack === value,
};
