/** Column width planning for the windowed table: pure, so it is unit-tested. */
export interface ColumnSpec {
	id: string;
	width: number | {min: number; flex: number};
	dropPriority?: number;
}

export interface PlacedColumn {
	id: string;
	width: number;
}

const gap = 1;

function minWidth(column: ColumnSpec): number {
	return typeof column.width === 'number' ? column.width : column.width.min;
}

/**
 * Fits columns into `total` cells with one space between them: drops the
 * columns with the highest dropPriority until the minimums fit, then shares
 * what is left among flexible columns by their weights.
 */
export function layoutColumns(columns: readonly ColumnSpec[], total: number): PlacedColumn[] {
	let kept = [...columns];
	const needed = (list: ColumnSpec[]) => list.reduce((sum, column) => sum + minWidth(column), 0) + gap * Math.max(0, list.length - 1);
	while (needed(kept) > total) {
		const droppable = kept.filter(column => (column.dropPriority ?? 0) > 0);
		if (droppable.length === 0) break;
		const worst = droppable.reduce((a, b) => ((b.dropPriority ?? 0) > (a.dropPriority ?? 0) ? b : a));
		kept = kept.filter(column => column !== worst);
	}
	let spare = Math.max(0, total - needed(kept));
	const weights = kept.reduce((sum, column) => sum + (typeof column.width === 'number' ? 0 : column.width.flex), 0);
	const placed = kept.map(column => {
		if (typeof column.width === 'number' || weights === 0) return {id: column.id, width: minWidth(column)};
		return {id: column.id, width: column.width.min + Math.floor((spare * column.width.flex) / weights)};
	});
	// Hand out the cells lost to rounding, left to right, to flexible columns.
	spare = Math.max(0, total - placed.reduce((sum, column) => sum + column.width, 0) - gap * Math.max(0, placed.length - 1));
	for (let index = 0; spare > 0 && weights > 0; index = (index + 1) % placed.length) {
		const column = kept[index];
		const slot = placed[index];
		if (column && slot && typeof column.width !== 'number') {
			slot.width++;
			spare--;
		}
	}
	return placed;
}

/** First row index to draw so that `cursor` stays visible in `height` rows, keeping `top` when possible. */
export function windowStart(cursor: number, top: number, height: number, count: number): number {
	if (height <= 0 || count <= height) return 0;
	let start = top;
	if (cursor < start) start = cursor;
	if (cursor >= start + height) start = cursor - height + 1;
	return Math.max(0, Math.min(start, count - height));
}
