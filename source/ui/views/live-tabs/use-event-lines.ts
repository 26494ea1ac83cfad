import {useEffect, useMemo} from 'react';
import {formatAge, formatTimestamp} from '../../../lib/format.js';
import {actionTone, attributesText} from '../../../resources/events.js';
import {eventsKind, type EventItem} from '../../../store/event-log.js';
import type {Line} from '../../../theme/tokens.js';
import {useStore, useStoreSlice} from '../../hooks/use-live-store.js';

/** One object's events, newest first, one line each. */
export function eventLines(events: readonly EventItem[], actorId: string, now = Date.now()): Line[] {
	const own = events.filter(event => event.actorId === actorId).reverse();
	if (own.length === 0) return [[{text: 'no events for this object since the last hour before dockdeck started', tone: 'muted'}]];
	return own.map((event): Line => [
		{text: `${formatTimestamp(event.time)} `, tone: 'muted'},
		{text: `${formatAge(event.time, now).padStart(9)}  `, tone: 'muted'},
		{text: event.action.padEnd(24), tone: actionTone(event)},
		{text: ` ${attributesText(event)}`, tone: 'muted'},
	]);
}

/**
 * The Events tab: the object's own timeline, taken from the engine events the
 * store already follows (the last hour, then live; the newest 2,000 kept).
 */
export function useEventLines(actorId: string, active: boolean): Line[] {
	const store = useStore();
	useEffect(() => (active ? store.watch(eventsKind) : undefined), [store, active]);
	const events = useStoreSlice(snapshot => (active ? (snapshot.lists[eventsKind]?.items as readonly EventItem[] | undefined) : undefined));
	return useMemo(() => (active && events ? eventLines(events, actorId) : []), [active, events, actorId]);
}
