import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {DetailTab, LiveTab, ResourceDescriptor} from '../../resources/descriptor.js';
import {loadDetail} from '../../resources/run-action.js';
import type {Line} from '../../theme/tokens.js';
import {clampOffset, ScrollArea} from '../components/scroll-area.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useStore} from '../hooks/use-live-store.js';
import {moveCursor} from './cursor.js';
import {useEventLines} from './live-tabs/use-event-lines.js';
import {useProcessLines} from './live-tabs/use-process-lines.js';
import {useRolloutLines} from './live-tabs/use-rollout-lines.js';
import {useStatsLines} from './live-tabs/use-stats-lines.js';

export interface InspectViewProps {
	resource: ResourceDescriptor;
	id: string;
	label: string;
	/** The tab to open on (`o` opens stats, `t` processes); default the first. */
	initialTab?: string;
	width: number;
	height: number;
}

type Loaded = {state: 'loading'} | {state: 'failed'; message: string} | {state: 'ready'; detail: unknown};

function isLive(tab: DetailTab<unknown> | LiveTab | undefined): tab is LiveTab {
	return tab !== undefined && 'live' in tab;
}

/** The lines of an inspect tab: from the loaded detail, or what loading says. */
function inspectLines(loaded: Loaded, tab: DetailTab<unknown> | undefined, revealSecrets: boolean): Line[] {
	if (!tab) return [];
	if (loaded.state === 'loading') return [[{text: 'loading…', tone: 'muted'}]];
	if (loaded.state === 'failed') return [[{text: `inspect failed: ${loaded.message}`, tone: 'message.error'}]];
	return tab.lines(loaded.detail, {revealSecrets});
}

/**
 * One object's detail as tabs, scrollable: what inspect returns (summary,
 * env, mounts, ... raw JSON) and live tabs (stats, processes, its events),
 * which read from the engine only while shown.
 */
export function InspectView({resource, id, label, initialTab, width, height}: InspectViewProps) {
	const store = useStore();
	const detail = resource.detail;
	const tabs = detail?.tabs ?? [];
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	const [tabIndex, setTabIndex] = useState(() => Math.max(0, tabs.findIndex(tab => tab.id === initialTab)));
	const [offset, setOffsetState] = useState(0);
	// Keys of one burst are handled before the next render: move from the latest offset.
	const offsetRef = useRef(0);
	const setOffset = (next: number) => {
		offsetRef.current = next;
		setOffsetState(next);
	};
	const [revealSecrets, setRevealSecrets] = useState(false);

	useEffect(() => {
		if (!detail) return undefined;
		let current = true;
		void loadDetail(store, detail, id).then(outcome => {
			if (current) setLoaded(outcome.ok ? {state: 'ready', detail: outcome.value} : {state: 'failed', message: outcome.message});
		});
		return () => {
			current = false;
		};
	}, [store, detail, id]);

	const tab = tabs[tabIndex];
	const liveId = isLive(tab) ? tab.id : undefined;
	// Every live tab's hook runs on each render (hooks cannot be conditional); only the shown one reads.
	const statsLines = useStatsLines(id, width, liveId === 'stats');
	const processLines = useProcessLines(id, liveId === 'processes');
	const eventLines = useEventLines(id, liveId === 'events');
	const rolloutLines = useRolloutLines(id, liveId === 'rollout');
	const staticLines = useMemo(() => (isLive(tab) ? [] : inspectLines(loaded, tab, revealSecrets)), [loaded, tab, revealSecrets]);
	const liveLines = {stats: statsLines, processes: processLines, events: eventLines, rollout: rolloutLines};
	const lines = liveId ? liveLines[liveId] : staticLines;
	const bodyHeight = Math.max(1, height - 3);

	useCommands(['inspect', 'navigation', 'global'], command => {
		const maxOffset = Math.max(0, lines.length - bodyHeight);
		const moved = moveCursor(command, offsetRef.current, maxOffset + 1, bodyHeight);
		if (moved !== undefined) {
			setOffset(moved);
			return true;
		}
		if (command === 'inspect.nextTab' || command === 'inspect.prevTab') {
			const step = command === 'inspect.nextTab' ? 1 : -1;
			setTabIndex(index => (index + step + tabs.length) % Math.max(1, tabs.length));
			setOffset(0);
			return true;
		}
		if (command === 'inspect.reveal') {
			setRevealSecrets(value => !value);
			return true;
		}
		return false;
	});

	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate-end">
				<Tone token="title">{`${resource.title.replace(/s$/, '')} ${label}`}</Tone>
				<Tone token="muted">{lines.length > bodyHeight ? `  lines ${offset + 1}-${Math.min(lines.length, offset + bodyHeight)} of ${lines.length}` : ''}</Tone>
			</Text>
			<Text wrap="truncate-end">
				{tabs.map((each, index) => (
					<Tone key={each.id} token={index === tabIndex ? 'tab.active' : 'tab.inactive'}>
						{`${each.title}`}
						{index < tabs.length - 1 ? <Tone token="muted">{'  '}</Tone> : null}
					</Tone>
				))}
			</Text>
			<Text> </Text>
			{detail ? <ScrollArea lines={lines} offset={clampOffset(offset, lines.length, bodyHeight)} height={bodyHeight} /> : <Tone token="muted">no detail for this kind</Tone>}
		</Box>
	);
}
