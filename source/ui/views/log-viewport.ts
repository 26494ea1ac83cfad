/**
 * Which log lines a log view draws: pure, so it is unit-tested. Lines are
 * named by sequence number (0 = the first line ever pushed), which stays put
 * while the ring buffer drops old lines and the follow appends new ones.
 */
/** Ascending sequence numbers: an array, or a run of consecutive ones. */
export interface SeqRows {
	readonly length: number;
	at(index: number): number | undefined;
}

/**
 * Every held line, first..first+length-1, without an array of them: a log view
 * following a fast logger redraws 10 times a second over 10,000 lines.
 */
export function seqRun(first: number, length: number): SeqRows {
	return {length, at: index => (index >= 0 && index < length ? first + index : undefined)};
}

export interface ViewportInput {
	/** Sequence numbers that may be shown, ascending (all held lines, or the filter's matches). */
	rows: SeqRows;
	/** The selected line's sequence number; undefined while following the end. */
	cursor: number | undefined;
	/** The first row drawn last time, to keep the view still while the cursor stays inside it. */
	top: number | undefined;
	height: number;
	/** Screen rows a line takes (1 without wrap). */
	heightOf(seq: number): number;
}

export interface Viewport {
	/** Rows to draw, top to bottom. */
	shown: number[];
	/** The line the cursor is on (the last line while following). */
	cursor: number | undefined;
}

/** Index of the first row >= seq (rows.length if none). */
export function lowerBound(rows: SeqRows, seq: number): number {
	let low = 0;
	let high = rows.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if ((rows.at(middle) as number) < seq) low = middle + 1;
		else high = middle;
	}
	return low;
}

export function computeViewport({rows, cursor, top, height, heightOf}: ViewportInput): Viewport {
	if (rows.length === 0 || height <= 0) return {shown: [], cursor: undefined};
	const following = cursor === undefined;
	const cursorIndex = following ? rows.length - 1 : Math.min(rows.length - 1, lowerBound(rows, cursor));
	const rowsHeight = (from: number, to: number) => {
		let used = 0;
		for (let index = from; index <= to; index++) used += heightOf(rows.at(index) as number);
		return used;
	};

	let start = following || top === undefined ? cursorIndex : Math.min(lowerBound(rows, top), cursorIndex);
	// The cursor's line must fit on screen below start.
	while (start < cursorIndex && rowsHeight(start, cursorIndex) > height) start++;
	// Near the end (and always while following) the last line sits at the bottom: fill upwards.
	if (rowsHeight(start, rows.length - 1) < height) {
		let used = rowsHeight(start, rows.length - 1);
		while (start > 0 && used + heightOf(rows.at(start - 1) as number) <= height) {
			start--;
			used += heightOf(rows.at(start) as number);
		}
	}

	const shown: number[] = [];
	let used = 0;
	for (let index = start; index < rows.length; index++) {
		const seq = rows.at(index) as number;
		const lineHeight = heightOf(seq);
		if (used + lineHeight > height && shown.length > 0) break;
		shown.push(seq);
		used += lineHeight;
	}
	return {shown, cursor: rows.at(cursorIndex)};
}
