import {inspectRawService, toServiceSummary} from '../engine/swarm/services.js';
import type {RawService} from '../engine/swarm/raw.js';
import type {ServiceSummary} from '../engine/swarm/types.js';
import {formatAge, formatBytes, formatTimestamp} from '../lib/format.js';
import {formatCpus} from '../swarm/placement.js';
import type {Line, Token} from '../theme/tokens.js';
import type {DetailDescriptor} from './descriptor.js';

export interface ServiceDetail {
	summary: ServiceSummary;
	raw: RawService;
}

function field(label: string, value: string, tone?: Token): Line {
	return [{text: label.padEnd(16), tone: 'muted'}, {text: value || '-', tone}];
}

function amounts(amount: {cpus: number; memoryBytes: number}): string {
	const parts = [amount.cpus > 0 ? formatCpus(amount.cpus) : '', amount.memoryBytes > 0 ? formatBytes(amount.memoryBytes) : ''].filter(Boolean);
	return parts.join(', ') || 'none';
}

function summaryLines({summary: service, raw}: ServiceDetail): Line[] {
	const update = raw.Spec?.UpdateConfig;
	const env = raw.Spec?.TaskTemplate?.ContainerSpec?.Env ?? [];
	return [
		field('Name', service.name, 'title'),
		field('ID', service.id),
		field('Mode', `${service.mode}, ${service.running}/${service.desired} running`),
		field('Image', service.imageDigest ? `${service.image}@${service.imageDigest}` : service.image),
		field('Stack', service.stack ?? ''),
		field('Update', service.updateStatus ? `${service.updateStatus.state}${service.updateStatus.message ? ` — ${service.updateStatus.message}` : ''}` : 'none yet'),
		field('Update config', update ? `parallelism ${update.Parallelism ?? 1}, delay ${((update.Delay ?? 0) / 1e9).toFixed(1)} s, on failure ${update.FailureAction ?? 'pause'}, order ${update.Order ?? 'stop-first'}` : 'engine defaults'),
		field('Constraints', service.constraints.join(', ')),
		field('Limits', amounts(service.limits)),
		field('Reservations', amounts(service.reservations)),
		field('Env', env.length > 0 ? `${env.length} variables (Raw JSON shows them)` : 'none'),
		field('Secrets', service.secrets.map(secret => secret.name).join(', ')),
		field('Configs', service.configs.map(config => config.name).join(', ')),
		field('Previous spec', service.hasPreviousSpec ? 'yes (b rolls back to it)' : 'no'),
		field('Created', `${formatTimestamp(service.createdAt)} (${formatAge(service.createdAt)})`),
		field('Updated', `${formatTimestamp(service.updatedAt)} (${formatAge(service.updatedAt)})`),
	];
}

/** A service's detail: summary, its live rollout (slots old → new), its events, the raw spec. */
export const serviceDetail: DetailDescriptor<ServiceDetail> = {
	load: async (session, id) => {
		const raw = await inspectRawService(session.docker, id);
		return {summary: toServiceSummary(raw), raw};
	},
	tabs: [
		{id: 'summary', title: 'Summary', lines: summaryLines},
		{id: 'rollout', title: 'Rollout', live: true},
		{id: 'events', title: 'Events', live: true},
		{id: 'raw', title: 'Raw JSON', lines: ({raw}) => JSON.stringify(raw, null, 2).split('\n').map((text): Line => [{text}])},
	],
};
