import {Box, Text} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import type {ResourceDescriptor} from '../../resources/descriptor.js';
import {loadDetail} from '../../resources/run-action.js';
import {clampOffset, ScrollArea} from '../components/scroll-area.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useStore} from '../hooks/use-live-store.js';
import {moveCursor} from './cursor.js';

export interface InspectViewProps {
	resource: ResourceDescriptor;
	id: string;
	label: string;
	height: number;
}

type Loaded = {state: 'loading'} | {state: 'failed'; message: string} | {state: 'ready'; detail: unknown};

/** Tabs of one object's detail (summary, env, mounts, ... raw JSON), scrollable. */
export function InspectView({resource, id, label, height}: InspectViewProps) {
	const store = useStore();
	const detail = resource.detail;
	const tabs = detail?.tabs ?? [];
	const [loaded, setLoaded] = useState<Loaded>({state: 'loading'});
	const [tabIndex, setTabIndex] = useState(0);
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
	const lines = useMemo(
		() => (loaded.state === 'ready' && tab ? tab.lines(loaded.detail, {revealSecrets}) : []),
		[loaded, tab, revealSecrets],
	);
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
			{loaded.state === 'loading' ? <Tone token="muted">loading…</Tone> : null}
			{loaded.state === 'failed' ? <Tone token="message.error">{`inspect failed: ${loaded.message}`}</Tone> : null}
			{loaded.state === 'ready' ? <ScrollArea lines={lines} offset={clampOffset(offset, lines.length, bodyHeight)} height={bodyHeight} /> : null}
		</Box>
	);
}
