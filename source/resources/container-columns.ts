import type {ContainerSummary, PortMapping} from '../engine/types.js';
import {formatBytes, formatPercent, shortId} from '../lib/format.js';
import type {Token} from '../theme/tokens.js';
import type {Column} from './descriptor.js';

export function stateTone(item: Pick<ContainerSummary, 'state' | 'health'>): Token {
	if (item.health === 'unhealthy') return 'status.unhealthy';
	if (item.health === 'starting') return 'status.starting';
	switch (item.state) {
		case 'running':
			return item.health === 'healthy' ? 'status.healthy' : 'status.running';
		case 'paused':
			return 'status.paused';
		case 'restarting':
			return 'status.restarting';
		case 'created':
			return 'status.created';
		case 'dead':
		case 'removing':
			return 'status.dead';
		case 'exited':
			return 'status.exited';
	}
}

export function stateText(item: Pick<ContainerSummary, 'state' | 'health'>): string {
	return item.health ? `${item.state} ${item.health}` : item.state;
}

/** "Up 5 minutes (healthy)" -> "Up 5 minutes": the state column already says the health (and "paused"). */
export function statusWithoutHealth(status: string): string {
	return status.replace(/\s*\((healthy|unhealthy|health: starting|Paused)\)/, '');
}

export function formatPorts(ports: readonly PortMapping[]): string {
	return ports
		.map(port => (port.publicPort ? `${port.publicPort}→${port.privatePort}/${port.protocol}` : `${port.privatePort}/${port.protocol}`))
		.join(', ');
}

export const containerColumns: readonly Column<ContainerSummary>[] = [
	{id: 'name', title: 'NAME', width: {min: 14, flex: 3, fit: 40}, value: item => item.name, sortKey: 'N', sortValue: item => item.name},
	{id: 'id', title: 'ID', width: 12, value: item => shortId(item.id), dropPriority: 5},
	{id: 'project', title: 'PROJECT', width: {min: 8, flex: 1}, value: item => item.composeProject ?? '', sortKey: 'P', sortValue: item => item.composeProject, dropPriority: 4},
	{id: 'image', title: 'IMAGE', width: {min: 12, flex: 2}, value: item => item.image, sortKey: 'I', sortValue: item => item.image},
	{id: 'state', title: 'STATE', width: 17, value: stateText, tone: stateTone, sortKey: 'S', sortValue: stateText},
	{
		id: 'status',
		title: 'STATUS',
		width: {min: 12, flex: 2},
		value: item => statusWithoutHealth(item.status),
		tone: () => 'muted',
		sortKey: 'U',
		// Newest first reads as "shortest uptime first", like `docker ps`.
		sortValue: item => -item.createdAt,
	},
	{id: 'ports', title: 'PORTS', width: {min: 10, flex: 2}, value: item => formatPorts(item.ports), dropPriority: 3},
	{
		id: 'cpu',
		title: 'CPU %',
		width: 6,
		align: 'right',
		value: (item, context) => (item.state === 'running' ? formatPercent(context.stats[item.id]?.cpuPercent) : ''),
		sortKey: 'C',
		sortValue: (item, context) => context.stats[item.id]?.cpuPercent,
	},
	{
		id: 'memory',
		title: 'MEMORY',
		width: 8,
		align: 'right',
		value: (item, context) => (item.state === 'running' ? formatBytes(context.stats[item.id]?.memoryUsed) : ''),
		sortKey: 'M',
		sortValue: (item, context) => context.stats[item.id]?.memoryUsed,
	},
];
