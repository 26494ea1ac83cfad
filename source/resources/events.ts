import {formatTimestamp, shortId} from '../lib/format.js';
import {eventsKind, type EventItem} from '../store/event-log.js';
import type {Token} from '../theme/tokens.js';
import type {ResourceDescriptor} from './descriptor.js';

export function actionTone(event: EventItem): Token | undefined {
	const action = event.action.split(':')[0] ?? '';
	if (['die', 'kill', 'oom', 'destroy', 'delete', 'remove'].includes(action)) return 'status.dead';
	if (action === 'health_status') return event.action.includes('unhealthy') ? 'status.unhealthy' : 'status.healthy';
	if (['start', 'create', 'unpause', 'restart'].includes(action)) return 'status.running';
	if (['stop', 'pause'].includes(action)) return 'status.paused';
	return undefined;
}

export function attributesText(event: EventItem): string {
	return Object.entries(event.attributes)
		.filter(([name]) => name !== 'name')
		.map(([name, value]) => `${name}=${value}`)
		.join(' ');
}

/**
 * The engine's live event timeline (the last hour, then as it happens),
 * bounded; `/` filters it by type, action, name or any attribute.
 */
export const eventsResource: ResourceDescriptor<EventItem, EventItem> = {
	kind: eventsKind,
	title: 'Events',
	aliases: ['events', 'ev'],
	// The store fills this kind from the event stream; there is nothing to list.
	list: async () => [],
	columns: [
		{id: 'time', title: 'TIME', width: 19, value: event => formatTimestamp(event.time), tone: () => 'muted', sortKey: 'T', sortValue: event => event.time},
		{id: 'type', title: 'TYPE', width: 9, value: event => event.type, sortKey: 'Y', sortValue: event => event.type},
		{id: 'action', title: 'ACTION', width: {min: 12, flex: 1}, value: event => event.action, tone: actionTone, sortKey: 'A', sortValue: event => event.action},
		{id: 'name', title: 'NAME', width: {min: 14, flex: 2, fit: 40}, value: event => event.name ?? shortId(event.actorId), sortKey: 'N', sortValue: event => event.name ?? event.actorId},
		{id: 'attributes', title: 'ATTRIBUTES', width: {min: 10, flex: 3}, value: attributesText, tone: () => 'muted', dropPriority: 1},
	],
	defaultSort: {column: 'time', direction: 'desc'},
	filterText: event => `${event.type} ${event.action} ${event.name ?? ''} ${event.actorId} ${attributesText(event)}`,
	label: event => `${event.type} ${event.action} ${event.name ?? shortId(event.actorId)}`,
	actions: [],
};
