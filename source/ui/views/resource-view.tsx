import {Box, Text} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Listed} from '../../engine/types.js';
import {resourceScope} from '../../keymap/key-table.js';
import {parseTextFilter} from '../../lib/text-filter.js';
import {displayWidth} from '../../lib/text-width.js';
import type {Column, PaneScope, ResourceDescriptor, RowContext} from '../../resources/descriptor.js';
import {filterItems, naturalCompare, sortItems} from '../../store/selectors.js';
import {emptyList} from '../../store/snapshot.js';
import {useAppControls, type PaneMemory} from '../app-context.js';
import {layoutColumns, windowStart} from '../components/column-layout.js';
import {Table, type TableRow} from '../components/table.js';
import {Tone} from '../components/tone.js';
import {useCommands} from '../hooks/use-commands.js';
import {useActionRunner} from '../hooks/use-action-runner.js';
import {useStore, useStoreSlice, useWatchKind} from '../hooks/use-live-store.js';
import {moveCursor} from './cursor.js';

export interface ResourceViewProps {
	resource: ResourceDescriptor;
	/** Set when opened from a row of another pane (a service's tasks): only its items are listed. */
	scope?: PaneScope;
	width: number;
	height: number;
}

/**
 * The pane's filter, sort and selection, kept across inspect/logs and back.
 * `latest` is updated at once, so later keys of one burst ("qq") see the
 * effect of earlier ones before React renders.
 */
function usePaneMemory(kind: string, fallback: PaneMemory) {
	const {paneMemory} = useAppControls();
	const [memory, setMemoryState] = useState<PaneMemory>(() => paneMemory.get(kind) ?? fallback);
	const latest = useRef(memory);
	const setMemory = useCallback((update: (current: PaneMemory) => PaneMemory) => {
		latest.current = update(latest.current);
		setMemoryState(latest.current);
	}, []);
	useEffect(() => {
		paneMemory.set(kind, memory);
	}, [paneMemory, kind, memory]);
	return [memory, setMemory, latest] as const;
}

const groupColumnId = 'group';

/** The first column of a grouped pane: the group's name, "-" for rows in none. */
function groupColumn(grouping: NonNullable<ResourceDescriptor['groupBy']>): Column<Listed> {
	return {id: groupColumnId, title: grouping.title.toUpperCase(), width: {min: 8, flex: 1, fit: 24}, value: item => grouping.key(item) ?? '-', tone: () => 'accent'};
}

/** Rows ordered by group (natural order, rows in no group last), keeping the sort within each group. */
function groupRows<T extends Listed>(rows: readonly T[], key: (item: T) => string | undefined): T[] {
	return rows
		.map((item, index) => ({item, index, group: key(item)}))
		.sort((a, b) => (a.group === b.group ? a.index - b.index : a.group === undefined ? 1 : b.group === undefined ? -1 : naturalCompare(a.group, b.group) || a.index - b.index))
		.map(entry => entry.item);
}

/** One log view of the marked rows, each line prefixed with its row's name. */
function mergedLogs(resource: ResourceDescriptor, marked: readonly Listed[]) {
	const sources = marked.flatMap(item => (resource.logs?.(item).sources ?? []).map(source => ({...source, label: source.label ?? resource.label(item)})));
	return {title: `logs of ${marked.length} marked ${resource.title.toLowerCase()}`, sources};
}

/** The generic list pane: any resource descriptor drawn as a filterable, sortable, windowed table. */
export function ResourceView({resource, scope, width, height}: ResourceViewProps) {
	const store = useStore();
	const controls = useAppControls();
	useWatchKind(resource.kind);
	const list = useStoreSlice(snapshot => snapshot.lists[resource.kind] ?? emptyList);
	const stats = useStoreSlice(snapshot => snapshot.stats);
	const [memory, setMemory, latestMemory] = usePaneMemory(scope ? `${resource.kind}:${scope.key}=${scope.value}` : resource.kind, {filter: '', sort: resource.defaultSort});
	const scoped = useMemo(
		() => (scope && resource.inScope ? list.items.filter(item => resource.inScope?.(item, scope.key, scope.value)) : list.items),
		[list.items, scope, resource],
	);
	const [top, setTop] = useState(0);
	const actions = useActionRunner(resource);

	const filter = useMemo(() => (memory.filter ? parseTextFilter(memory.filter) : undefined), [memory.filter]);
	const sort = memory.sort ?? resource.defaultSort;
	const sortColumn = resource.columns.find(column => column.id === sort.column);
	// Stats only matter for ordering when sorting by a stats column.
	const sortsByStats = sort.column === 'cpu' || sort.column === 'memory';
	const context: RowContext = useMemo(() => ({stats, now: Date.now()}), [stats]);

	const grouping = memory.grouped ? resource.groupBy : undefined;
	const rows = useMemo(() => {
		const matching = filterItems(scoped, filter?.ok ? filter.matches : undefined, resource.filterText);
		const sorted = sortColumn?.sortValue ? sortItems(matching, item => sortColumn.sortValue?.(item, context), sort.direction) : matching;
		return grouping ? groupRows(sorted, grouping.key) : sorted;
		// context is only a dependency when the order depends on stats.
	}, [scoped, filter, resource, sortColumn, sort.direction, grouping, sortsByStats ? context : undefined]);

	const bodyHeight = Math.max(1, height - 2);
	const foundIndex = memory.selectedId ? rows.findIndex(item => item.id === memory.selectedId) : -1;
	const cursor = foundIndex === -1 ? Math.min(rows.length - 1, 0) : foundIndex;
	const start = windowStart(Math.max(0, cursor), top, bodyHeight, rows.length);
	const visible = rows.slice(start, start + bodyHeight);
	const selected = rows[cursor];
	const markedIds = useMemo(() => new Set(memory.marked ?? []), [memory.marked]);
	// Marks of rows that are gone (removed by the engine) no longer count.
	const marked = useMemo(() => (markedIds.size === 0 ? [] : list.items.filter(item => markedIds.has(item.id))), [list.items, markedIds]);
	const setMarked = (ids: readonly string[]) => setMemory(current => ({...current, marked: ids}));

	useEffect(() => {
		if (start !== top) setTop(start);
	}, [start, top]);
	// The remembered row is gone (removed, or hidden by the filter): remember the one shown as selected instead.
	useEffect(() => {
		if (selected && selected.id !== memory.selectedId) setMemory(current => ({...current, selectedId: selected.id}));
	}, [selected, memory.selectedId, setMemory]);

	const statsKey = visible
		.concat(selected ? [selected] : [])
		.filter(item => resource.wantsStats?.(item))
		.map(item => item.id)
		.join(',');
	useEffect(() => {
		store.setStatsTargets(statsKey ? [...new Set(statsKey.split(','))] : []);
	}, [store, statsKey]);
	useEffect(() => () => store.setStatsTargets([]), [store]);

	// Several keys of one burst ("jjj") are handled before the next render: count from the latest move.
	const cursorRef = useRef(cursor);
	cursorRef.current = cursor;
	const select = (index: number) => {
		const clamped = Math.max(0, Math.min(rows.length - 1, index));
		const item = rows[clamped];
		cursorRef.current = clamped;
		if (item) setMemory(current => ({...current, selectedId: item.id}));
	};

	useCommands(['list', resourceScope(resource.kind), 'navigation', 'global'], command => {
		const moved = moveCursor(command, cursorRef.current, rows.length, bodyHeight);
		if (moved !== undefined) {
			select(moved);
			return true;
		}
		if (command === 'app.back' && (latestMemory.current.marked?.length ?? 0) > 0) {
			setMarked([]);
			controls.setStatus({text: 'marks cleared', tone: 'muted'});
			return true;
		}
		if (command === 'list.mark') {
			if (!selected) return true;
			const current = rows[cursorRef.current] ?? selected;
			const ids = latestMemory.current.marked ?? [];
			setMarked(ids.includes(current.id) ? ids.filter(id => id !== current.id) : [...ids, current.id]);
			select(cursorRef.current + 1);
			return true;
		}
		if (command === 'list.group') {
			if (!resource.groupBy) controls.setStatus({text: `${resource.title} have nothing to group by`, tone: 'message.info'});
			else setMemory(current => ({...current, grouped: !current.grouped}));
			return true;
		}
		if (command === 'list.markAll') {
			const ids = new Set(latestMemory.current.marked ?? []);
			const allShownMarked = rows.length > 0 && rows.every(item => ids.has(item.id));
			setMarked(allShownMarked ? [] : rows.map(item => item.id));
			return true;
		}
		if (command === 'app.back' && latestMemory.current.filter) {
			setMemory(current => ({...current, filter: ''}));
			return true;
		}
		if (command === 'list.filter') {
			controls.openFilter(memory.filter, text => setMemory(current => ({...current, filter: text})));
			return true;
		}
		if (command === 'list.logs' || command === 'list.groupLogs') {
			if (!selected) return true;
			const target = marked.length > 0 && resource.logs ? mergedLogs(resource, marked) : command === 'list.logs' ? resource.logs?.(selected) : resource.groupLogs?.(selected, list.items);
			if (!target) controls.setStatus({text: `${resource.title} have no logs`, tone: 'message.info'});
			else if ('refused' in target) controls.setStatus({text: target.refused, tone: 'message.info'});
			else controls.openView({type: 'logs', title: target.title, sources: target.sources});
			return true;
		}
		if (command === 'list.top') {
			if (!selected) return true;
			if (!resource.wantsStats?.(selected)) controls.setStatus({text: `${resource.label(selected)} is not running: no processes to show`, tone: 'message.info'});
			else controls.openView({type: 'inspect', kind: resource.kind, id: selected.id, label: resource.label(selected), tab: 'processes'});
			return true;
		}
		if (command === 'list.stats') {
			if (!selected) return true;
			if (!resource.wantsStats) controls.setStatus({text: `${resource.title} have no stats`, tone: 'message.info'});
			else if (!resource.wantsStats(selected)) controls.setStatus({text: `${resource.label(selected)} is not running: no stats to show`, tone: 'message.info'});
			else controls.openView({type: 'inspect', kind: resource.kind, id: selected.id, label: resource.label(selected), tab: 'stats'});
			return true;
		}
		if (command === 'list.open' && resource.drillDown) {
			if (!selected) return true;
			const drill = resource.drillDown;
			controls.openView({type: 'pane', kind: drill.kind, scope: {key: drill.scopeKey, value: drill.value(selected), title: drill.title(selected)}});
			return true;
		}
		if (command === 'list.inspect' || command === 'list.open') {
			if (!selected) return true;
			if (!resource.detail) controls.setStatus({text: `${resource.title} have no detail view yet`, tone: 'message.info'});
			else controls.openView({type: 'inspect', kind: resource.kind, id: selected.id, label: resource.label(selected)});
			return true;
		}
		if (command.startsWith(`sort.${resource.kind}.`)) {
			const columnId = command.slice(`sort.${resource.kind}.`.length);
			const column = resource.columns.find(each => each.id === columnId);
			const firstDirection = column?.align === 'right' ? 'desc' : 'asc';
			setMemory(current => {
				const now = current.sort ?? resource.defaultSort;
				const direction = now.column === columnId ? (now.direction === 'asc' ? 'desc' : 'asc') : firstDirection;
				return {...current, sort: {column: columnId, direction}};
			});
			return true;
		}
		if (command.startsWith('action.')) {
			const paneAction = resource.paneActions?.find(each => `action.${each.id}` === command);
			if (paneAction) {
				actions.runOnPane(paneAction, scoped);
				return true;
			}
			const action = resource.actions.find(each => `action.${each.id}` === command);
			if (!action) return false;
			actions.run(action, selected, marked);
			return true;
		}
		return false;
	});

	// Grouped, the group's column comes first and names each group once.
	const columns = useMemo(
		() => (grouping ? [groupColumn(grouping), ...resource.columns.filter(column => column.id !== grouping.columnId)] : resource.columns),
		[grouping, resource.columns],
	);
	// Names are what people read first: a `fit` column's minimum grows to its longest value (capped).
	const fitted = useMemo(
		() =>
			columns.map(column => {
				if (typeof column.width === 'number' || !column.width.fit) return column;
				let longest = 0;
				for (const item of list.items) longest = Math.max(longest, displayWidth(column.value(item, {stats: {}, now: 0})));
				return {...column, width: {...column.width, min: Math.min(column.width.fit, Math.max(column.width.min, longest))}};
			}),
		[columns, list.items],
	);
	const placed = useMemo(() => layoutColumns(fitted, width), [fitted, width]);
	const shownColumns = useMemo(() => placed.map(slot => columns.find(column => column.id === slot.id) as Column<Listed>), [placed, columns]);
	const tableRows: TableRow[] = visible.map((item, index) => {
		// The group's name shows on its first row only (and on the top row of the window).
		const previous = index === 0 ? undefined : visible[index - 1];
		const firstOfGroup = !grouping || !previous || grouping.key(previous) !== grouping.key(item);
		return {
			key: item.id,
			marked: markedIds.has(item.id),
			version: [item, stats[item.id], markedIds.has(item.id), firstOfGroup],
			cells: () =>
				shownColumns.map(column => ({text: column.id === groupColumnId && !firstOfGroup ? '' : column.value(item, context), tone: column.tone?.(item, context), align: column.align})),
		};
	});

	const count = filter?.ok ? `${rows.length} of ${scoped.length}` : `${scoped.length}`;
	// A pane that cannot list at all (a Swarm pane on a worker) says why in full, not in a cut title.
	const failedOutright = list.error !== undefined && scoped.length === 0;
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate-end">
				<Tone token="title">{scope ? `${resource.title} of ${scope.title}` : resource.title}</Tone>
				<Tone token="muted"> ({count})</Tone>
				{marked.length > 0 ? <Tone token="table.marked">{`  ${marked.length} marked`}</Tone> : null}
				{grouping ? <Tone token="accent">{`  grouped by ${grouping.title}`}</Tone> : null}
				{memory.filter ? <Tone token={filter?.ok ? 'accent' : 'message.error'}>{filter?.ok ? `  filter: ${filter.describe}` : `  ${filter?.error ?? ''}`}</Tone> : null}
				{list.error && !failedOutright ? <Tone token="message.error">{`  list failed: ${list.error}`}</Tone> : null}
			</Text>
			{failedOutright ? (
				<Tone token="message.error" wrap="wrap">
					{list.error}
				</Tone>
			) : !list.loaded ? (
				<Tone token="muted">loading {resource.title.toLowerCase()}…</Tone>
			) : rows.length === 0 ? (
				<Tone token="muted">{scoped.length === 0 ? `No ${resource.title.toLowerCase()} ${scope ? `in ${scope.title}` : 'on this engine'}.` : 'No row matches the filter (/ to change it, Esc to clear).'}</Tone>
			) : (
				<Table
					columns={placed}
					headers={shownColumns.map(column => ({title: column.title, align: column.align, sorted: column.id === sort.column ? sort.direction : undefined}))}
					rows={tableRows}
					selectedKey={selected?.id}
					gutter={marked.length > 0}
					height={height - 1}
				/>
			)}
		</Box>
	);
}
