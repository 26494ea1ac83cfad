import {Box, Text} from 'ink';
import {memo} from 'react';
import {fitToWidth} from '../../lib/text-width.js';
import {paint} from '../../theme/paint.js';
import {useTheme} from '../../theme/theme-context.js';
import type {Token} from '../../theme/tokens.js';
import type {PlacedColumn} from './column-layout.js';

export interface TableCell {
	text: string;
	tone?: Token;
	align?: 'left' | 'right';
}

export interface TableRow {
	key: string;
	/** What the cells are drawn from (item, its stats): the row re-renders only when one changes identity. */
	version: readonly unknown[];
	cells: () => TableCell[];
	marked?: boolean;
}

interface RowProps {
	row: TableRow;
	version: readonly unknown[];
	columns: readonly PlacedColumn[];
	selected: boolean;
	gutter: boolean;
}

/** The mark column shown while any row is marked: two cells, so the columns shift once, not per row. */
const markGutter = {marked: '✓ ', unmarked: '  '};

/** A row re-renders only when its item, its stats, its width or its selection changed. */
const Row = memo(
	function Row({row, columns, selected, gutter}: RowProps) {
		const theme = useTheme();
		const cells = row.cells();
		const fitted = columns.map((column, index) => fitToWidth(cells[index]?.text ?? '', column.width, cells[index]?.align));
		const mark = gutter ? paint(theme, 'table.marked', row.marked ? markGutter.marked : markGutter.unmarked) : '';
		// One string per row: painting cells here costs a tenth of a <Text> per cell.
		const body = selected
			? paint(theme, 'table.selected', fitted.join(' '))
			: row.marked
				? paint(theme, 'table.marked', fitted.join(' '))
				: fitted.map((text, index) => paint(theme, cells[index]?.tone, text)).join(' ');
		return <Text wrap="truncate-end">{mark + body}</Text>;
	},
	(previous, next) =>
		previous.selected === next.selected &&
		previous.gutter === next.gutter &&
		previous.columns === next.columns &&
		previous.version.length === next.version.length &&
		previous.version.every((part, index) => part === next.version[index]),
);

export interface TableProps {
	columns: readonly PlacedColumn[];
	headers: readonly {title: string; align?: 'left' | 'right'; sorted?: 'asc' | 'desc'}[];
	/** Only the rows in the window: the caller slices, so off-screen rows cost nothing. */
	rows: readonly TableRow[];
	selectedKey?: string;
	/** Shows the mark column (while any row is marked). */
	gutter?: boolean;
	height: number;
}

/**
 * A windowed table: a header and exactly the visible rows. ink-table can
 * neither window nor select (and does not load under Ink >= 6), hence this.
 */
export function Table({columns, headers, rows, selectedKey, gutter = false, height}: TableProps) {
	const theme = useTheme();
	return (
		<Box flexDirection="column" height={height}>
			<Text wrap="truncate-end">
				{(gutter ? markGutter.unmarked : '') +
					columns
					.map((column, index) => {
						const header = headers[index];
						const arrow = header?.sorted === 'asc' ? '↑' : header?.sorted === 'desc' ? '↓' : '';
						return paint(theme, header?.sorted ? 'table.sorted' : 'table.header', fitToWidth(`${header?.title ?? ''}${arrow}`, column.width, header?.align));
					})
					.join(' ')}
			</Text>
			{rows.map(row => (
				<Row key={row.key} row={row} version={row.version} columns={columns} selected={row.key === selectedKey} gutter={gutter} />
			))}
		</Box>
	);
}
