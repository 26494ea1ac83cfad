import {Box, Text, useStdout} from 'ink';
import {useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {stripAnsi} from '../../lib/ansi.js';
import {osc52} from '../../lib/osc52.js';
import {parseTextFilter} from '../../lib/text-filter.js';
import {displayWidth} from '../../lib/text-width.js';
import {engineErrorMessage} from '../../resources/run-action.js';
import {saveLogLines} from '../../store/log-files.js';
import {defaultLogLabel, defaultLogQuery, logPresets, LogSession, type LogSource} from '../../store/log-session.js';
import {useAppControls} from '../app-context.js';
import {LineView, Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useStore} from '../hooks/use-live-store.js';
import {useTheme} from '../../theme/theme-context.js';
import {moveCursor} from './cursor.js';
import {LogLineView, formatLogTime, logRowsText} from './log-line.js';
import {computeViewport, lowerBound, seqRun} from './log-viewport.js';
import {MatchingRows} from './matching-rows.js';

export interface LogsViewProps {
	title: string;
	sources: readonly LogSource[];
	width: number;
	height: number;
}

/** Builds a global, case-insensitive highlighter from the search text (plain or /regex/). */
function highlighterFor(search: string): RegExp | undefined {
	if (!search || search.startsWith('!')) return undefined;
	const regexForm = /^\/(.*)\/([imsu]*)$/s.exec(search);
	try {
		if (regexForm) return new RegExp(regexForm[1] ?? '', `${(regexForm[2] ?? '').replace('g', '')}g`);
		return new RegExp(search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
	} catch {
		return undefined;
	}
}

/** Follows one container's logs, or several merged: search, filter, presets, wrap, save, copy. */
export function LogsView({title, sources, width, height}: LogsViewProps) {
	const store = useStore();
	const theme = useTheme();
	const controls = useAppControls();
	const {stdout} = useStdout();
	const session = useMemo(() => new LogSession(store, sources, controls.logCapacity, engineErrorMessage), [store, sources, controls.logCapacity]);
	const [presetLabel, setPresetLabel] = useState(defaultLogLabel);
	useEffect(() => {
		session.start(defaultLogQuery());
		return () => session.stop();
	}, [session]);
	useSyncExternalStore(session.subscribe, session.getRevision);

	const [cursor, setCursorState] = useState<number | undefined>(undefined);
	const cursorRef = useRef<number | undefined>(undefined);
	const setCursor = (seq: number | undefined) => {
		cursorRef.current = seq;
		setCursorState(seq);
	};
	const [pausedAt, setPausedAt] = useState(0);
	const [top, setTop] = useState<number | undefined>(undefined);
	const [timestamps, setTimestamps] = useState(false);
	const [wrap, setWrap] = useState(false);
	const [search, setSearch] = useState('');
	// The search as typed, ahead of the next render: "f" typed in the same burst as the search must see it.
	const searchRef = useRef('');
	const updateSearch = (value: string) => {
		searchRef.current = value;
		setSearch(value);
	};
	const [filterOnly, setFilterOnly] = useState(false);

	const buffer = session.buffer;
	const firstSeq = buffer.totalPushed - buffer.size;
	const lastSeq = buffer.totalPushed - 1;
	const parsedSearch = useMemo(() => (search ? parseTextFilter(search) : undefined), [search]);
	const matches = parsedSearch?.ok ? parsedSearch.matches : undefined;
	const highlight = useMemo(() => highlighterFor(search), [search]);

	// Rows that may be shown: every held line, or the search's matches when filtering.
	const matching = useMemo(() => new MatchingRows(), [session]);
	const rows = filterOnly && matches ? matching.update(buffer, matches) : seqRun(firstSeq, buffer.size);

	const bodyHeight = Math.max(1, height - 2);
	const textWidth = Math.max(10, width - 1 - (timestamps ? 13 : 0));
	const heightOf = (seq: number) => {
		if (!wrap) return 1;
		const line = buffer.at(seq - firstSeq);
		if (!line) return 1;
		const prefix = line.source ? displayWidth(line.source) + 3 : 0;
		return Math.max(1, Math.ceil((displayWidth(stripAnsi(line.text)) + prefix) / textWidth));
	};
	const viewport = computeViewport({rows, cursor, top, height: bodyHeight, heightOf});
	const shownTop = viewport.shown[0];
	useEffect(() => {
		if (cursor !== undefined && shownTop !== undefined && shownTop !== top) setTop(shownTop);
	}, [cursor, shownTop, top]);

	const pause = (seq: number) => {
		if (cursorRef.current === undefined) setPausedAt(lastSeq);
		setCursor(Math.max(firstSeq, Math.min(lastSeq, seq)));
	};
	const follow = () => {
		setCursor(undefined);
		setTop(undefined);
	};
	const jumpToMatch = (direction: 1 | -1) => {
		if (!matches) {
			controls.setStatus({text: 'no search: press / first', tone: 'message.info'});
			return;
		}
		const from = cursorRef.current ?? lastSeq + (direction === 1 ? 0 : 1);
		for (let seq = from + direction; seq >= firstSeq && seq <= lastSeq; seq += direction) {
			const text = buffer.textAt(seq - firstSeq);
			if (text !== undefined && matches(stripAnsi(text))) {
				pause(seq);
				return;
			}
		}
		controls.setStatus({text: direction === 1 ? 'no later match' : 'no earlier match', tone: 'message.info'});
	};

	useCommands(['logs', 'navigation', 'global'], command => {
		const current = cursorRef.current ?? viewport.cursor ?? lastSeq;
		const index = Math.max(0, lowerBound(rows, current));
		const moved = moveCursor(command, index, rows.length, bodyHeight);
		if (moved !== undefined) {
			const seq = rows.at(moved);
			if (seq !== undefined) pause(seq);
			return true;
		}
		switch (command) {
			case 'logs.follow':
				follow();
				return true;
			case 'logs.timestamps':
				setTimestamps(value => !value);
				return true;
			case 'logs.wrap':
				setWrap(value => !value);
				return true;
			case 'logs.search':
				controls.openFilter(search, updateSearch);
				return true;
			case 'logs.nextMatch':
				jumpToMatch(1);
				return true;
			case 'logs.prevMatch':
				jumpToMatch(-1);
				return true;
			case 'logs.filter':
				if (!searchRef.current) controls.setStatus({text: 'no search to filter by: press / first', tone: 'message.info'});
				else setFilterOnly(value => !value);
				return true;
			case 'logs.copy': {
				const seq = viewport.cursor;
				const line = seq === undefined ? undefined : buffer.at(seq - firstSeq);
				if (!line) return true;
				const text = stripAnsi(line.text);
				stdout.write(osc52(text, Boolean(process.env['TMUX'])));
				controls.setStatus({text: `copied ${text.length} characters to the clipboard (OSC 52)`, tone: 'message.success'});
				return true;
			}
			case 'logs.save':
				void saveLogLines(buffer.toArray(), title).then(
					path => controls.setStatus({text: `saved ${buffer.size} lines to ${path}`, tone: 'message.success'}),
					(error: unknown) => controls.setStatus({text: `could not save the logs: ${(error as Error).message}`, tone: 'message.error'}),
				);
				return true;
			default:
				if (command.startsWith('logs.preset.')) {
					const preset = logPresets.find(each => `logs.preset.${each.key}` === command);
					if (!preset) return false;
					setPresetLabel(preset.label);
					follow();
					session.start(preset.query());
					return true;
				}
				return false;
		}
	});

	const state = session.current;
	const newLines = cursor === undefined ? 0 : Math.max(0, lastSeq - pausedAt);
	const status =
		state.status === 'failed'
			? `logs failed: ${state.message}`
			: cursor === undefined
				? state.status === 'ended'
					? 'stream ended'
					: 'following'
				: `paused at ${formatLogTime(buffer.at(cursor - firstSeq)?.time)} — ${newLines} new lines (G or End follows)`;
	return (
		<Box flexDirection="column" height={height}>
			<LineView
				line={[
					{tone: 'title', text: title},
					{tone: 'muted', text: `  ${presetLabel} · ${buffer.size} lines held${filterOnly ? ` · ${rows.length} match` : ''}`},
					...(parsedSearch ? [parsedSearch.ok ? {tone: 'accent' as const, text: `  search: ${parsedSearch.describe}${filterOnly ? ' (filtering)' : ''}`} : {tone: 'message.error' as const, text: `  ${parsedSearch.error}`}] : []),
				]}
			/>
			<Box flexDirection="column" height={bodyHeight} overflow="hidden">
				{viewport.shown.length === 0 ? (
					<Tone token="muted">{filterOnly && buffer.size > 0 ? 'no line matches the search (f shows every line)' : state.status === 'streaming' ? 'waiting for log lines…' : 'no log lines in this range (0 shows all)'}</Tone>
				) : wrap ? (
					viewport.shown.map((seq, row) => {
						const line = buffer.at(seq - firstSeq);
						// Keyed by screen row: a scrolling log keeps every row's Ink node and changes its text.
						return line ? <LogLineView key={row} line={line} selected={cursor !== undefined && seq === viewport.cursor} timestamps={timestamps} wrap highlight={highlight} /> : null;
					})
				) : (
					// Every row already fits; truncate-end (which Ink applies line by line) only guards against a disagreement on a character's width.
					<Text wrap="truncate-end">
						{logRowsText(
							theme,
							viewport.shown.flatMap(seq => {
								const line = buffer.at(seq - firstSeq);
								return line ? [{line, selected: cursor !== undefined && seq === viewport.cursor}] : [];
							}),
							{timestamps, highlight},
							width,
						)}
					</Text>
				)}
			</Box>
			<Tone token={state.status === 'failed' ? 'message.error' : cursor === undefined ? 'muted' : 'banner.warning'}>{status}</Tone>
		</Box>
	);
}
